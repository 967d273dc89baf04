// Bounds of our number fields, checked on the server on every write path. A value outside is refused (400, naming the
// field), never clamped: the forms get no min/max, because the browser's number input would silently clamp 300 to 250.
import { Language, refuseField } from '@hongniang/plugin-core';

/** The refusal of a value out of bounds, by the bounds' unit (a sentence of src/locale). */
type Unit = string;
const YEARS: Unit = '{{field}} must be between {{min}} and {{max}} years; got {{value}}';
const CENTIMETRES: Unit = '{{field}} must be between {{min}} and {{max}} cm; got {{value}}';
const KILOGRAMS: Unit = '{{field}} must be between {{min}} and {{max}} kg; got {{value}}';

export const RANGES: Record<string, Record<string, { min: number; max: number; unit: Unit }>> = {
  members: {
    heightCm: { min: 100, max: 250, unit: CENTIMETRES },
    weightKg: { min: 30, max: 250, unit: KILOGRAMS },
  },
  partnerPreferences: {
    ageMin: { min: 18, max: 100, unit: YEARS },
    ageMax: { min: 18, max: 100, unit: YEARS },
    heightMin: { min: 100, max: 250, unit: CENTIMETRES },
    heightMax: { min: 100, max: 250, unit: CENTIMETRES },
  },
  ageGroupBands: {
    minAge: { min: 18, max: 100, unit: YEARS },
    maxAge: { min: 18, max: 120, unit: YEARS },
  },
};

/** Refuses a changed value outside its field's bounds. */
export function checkRanges(model: any, language: Language) {
  const collection = model.constructor.collection;
  for (const [field, { min, max, unit }] of Object.entries(RANGES[collection.name] || {})) {
    if (!model.changed(field)) continue;
    const value = model.get(field);
    if (value === null || value === undefined || value === '') continue;
    const n = Number(value);
    if (Number.isFinite(n) && n >= min && n <= max) continue;
    throw refuseField(collection, field, language, unit, { min, max, value });
  }
}

// Bounds of our number fields, checked on the server on every write path. A value outside is refused (400, naming the
// field), never clamped: the forms get no min/max, because the browser's number input would silently clamp 300 to 250.
import { refuseFieldIn } from '@hongniang/plugin-core';

type Unit = [zh: string, en: string];
const YEARS: Unit = [' 岁', ' years'];
const CENTIMETRES: Unit = [' 厘米', ' cm'];
const KILOGRAMS: Unit = [' 公斤', ' kg'];

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
export function checkRanges(model: any, locale: string) {
  const collection = model.constructor.collection;
  for (const [field, { min, max, unit }] of Object.entries(RANGES[collection.name] || {})) {
    if (!model.changed(field)) continue;
    const value = model.get(field);
    if (value === null || value === undefined || value === '') continue;
    const n = Number(value);
    if (Number.isFinite(n) && n >= min && n <= max) continue;
    throw refuseFieldIn(collection, field, locale, (title, english) =>
      english ? `${title} must be between ${min} and ${max}${unit[1]}; got ${value}` : `${title}应在 ${min}–${max}${unit[0]} 之间，收到 ${value}`,
    );
  }
}

// What the rules of contracts, payments and complaints share: which fields a save writes, and the refusals of a
// missing value, an unknown option, a number out of range and a malformed day, each naming the field.
import { fieldTitle, Language, refuseField } from '@hongniang/plugin-core';
import { Labelled, labelOf } from '../language/vocabulary';

/** Whether a save writes `field`: every field of a new record, the changed ones of a stored one. */
export const writes = (model: any, field: string) => model.isNewRecord || model.changed(field);

export const isBlank = (value: unknown) => value == null || String(value).trim() === '';

/** A number from the stored or given value (a decimal comes back as text on some dialects); NaN when not one. */
export const numberOf = (value: unknown) =>
  typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;

/** The rules of one collection for one save: each refusal names the field, in the caller's language. */
export class FieldChecks {
  constructor(
    private readonly collection: any,
    private readonly model: any,
    readonly language: Language,
  ) {}

  /** The field's title as the caller reads it. */
  fieldTitle(field: string) {
    return fieldTitle(this.collection, field, this.language);
  }

  refuse(field: string, key: string, values: Record<string, unknown> = {}): never {
    throw refuseField(this.collection, field, this.language, key, values);
  }

  required(...fields: string[]) {
    for (const field of fields)
      if (writes(this.model, field) && isBlank(this.model.get(field)))
        this.refuse(field, '{{field}} is required; nothing was saved');
  }

  option(field: string, choices: Labelled[]) {
    if (!writes(this.model, field)) return;
    const value = this.model.get(field);
    if (isBlank(value) || choices.some((option) => option.value === value)) return;
    this.refuse(field, '{{field}} cannot be "{{value}}"; choose one of: {{choices}}', {
      value,
      choices: this.language.list(choices.map((option) => labelOf(choices, option.value, this.language.locale))),
    });
  }

  /** A whole number from `min` to `max` when given. */
  wholeNumber(field: string, min: number, max: number) {
    if (!writes(this.model, field) || isBlank(this.model.get(field))) return;
    const value = numberOf(this.model.get(field));
    if (!Number.isInteger(value) || value < min || value > max)
      this.refuse(
        field,
        '{{field}} must be a whole number from {{min}} to {{max}}, not "{{value}}"; nothing was saved',
        {
          min,
          max,
          value: this.model.get(field),
        },
      );
  }

  /** An amount in yuan with at most two decimals; `min` 0 refuses negatives, null allows them. */
  amount(field: string, min: number | null) {
    if (!writes(this.model, field) || isBlank(this.model.get(field))) return;
    const value = numberOf(this.model.get(field));
    const fen = value * 100;
    const whole = Math.abs(fen - Math.round(fen)) < 1e-6;
    if (!Number.isFinite(value) || !whole || Math.abs(value) >= 1e10 || (min != null && value < min))
      this.refuse(
        field,
        min == null
          ? '{{field}} must be an amount in yuan with at most two decimals, not "{{value}}"; nothing was saved'
          : '{{field}} must be an amount of 0 or more with at most two decimals, not "{{value}}"; nothing was saved',
        { value: this.model.get(field) },
      );
  }

  /** A calendar day 'YYYY-MM-DD' when given (a date-only field stores what it is given). */
  day(field: string) {
    if (!writes(this.model, field) || isBlank(this.model.get(field))) return;
    // An impossible day reaches the hook as "Invalid date" (NocoBase's date-only setter), so the message names the field only.
    if (!dayText(this.model.get(field)))
      this.refuse(field, '{{field}} must be a real date (YYYY-MM-DD); nothing was saved');
  }
}

/** A stored or given day as 'YYYY-MM-DD' (a Date at UTC midnight on some dialects), or null when not a real day. */
export function dayText(value: unknown): string | null {
  if (value == null || value === '') return null;
  const text =
    value instanceof Date
      ? Number.isNaN(value.getTime())
        ? ''
        : value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const [year, month, date] = text.split('-').map(Number);
  const check = new Date(Date.UTC(year, month - 1, date));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date ? text : null;
}

// Values arrive as text from forms, spreadsheets and API callers: each is read as its field's type, or refused,
// before the database sees it (SQLite would keep 175.5 in an integer column; PostgreSQL would answer with SQL).
import { readDate } from './dates';
import { Language, refuseField } from '@hongniang/plugin-core';

/** NocoBase's string fields are VARCHAR(255) unless they say otherwise. */
const STRING_LENGTH = 255;

/** A value read, or the refusal of it: a sentence of src/locale and its placeholders' values besides the field's title. */
type Reader = (value: unknown, field: any) => { value: unknown } | { refuse: string; values?: Record<string, unknown> };

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const text: Reader = (value, field) => {
  if (value === null || value === undefined) return { value };
  if (typeof value !== 'string' && typeof value !== 'number') return { value };
  // JavaScript's trim also removes the full-width space (U+3000) and the no-break space.
  const trimmed = String(value).trim();
  const max = field.type === 'string' ? field.options.length || STRING_LENGTH : Infinity;
  if ([...trimmed].length > max) {
    return {
      refuse: '{{field}} takes at most {{max}} characters; got {{length}}',
      values: { max, length: [...trimmed].length },
    };
  }
  return { value: trimmed === '' ? null : trimmed };
};

const number =
  (whole: boolean): Reader =>
  (value) => {
    if (value === null || value === undefined || typeof value === 'bigint') return { value };
    let n: unknown = value;
    if (typeof value === 'string') {
      const text = value.normalize('NFKC').trim();
      if (text === '') return { value: null };
      // Whole numbers beyond 2^53 (snowflake ids in foreign keys) stay text, which the database reads exactly.
      if (/^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text))) return { value: text };
      n = Number(text);
    }
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      return { refuse: '{{field}} must be a number; got "{{value}}"', values: { value: shown(value) } };
    }
    if (whole && !Number.isInteger(n)) {
      return { refuse: '{{field}} must be a whole number; got {{value}}', values: { value: shown(value) } };
    }
    return { value: n };
  };

const dateOnly: Reader = (value) => {
  const date = readDate(value);
  if (date !== undefined) return { value: date };
  // Sequelize has already turned text it could not read into "Invalid date": the caller's text is gone.
  if (value === 'Invalid date')
    return { refuse: '{{field}} is not a date; write it as 1991-01-01, 1991/1/1, 1991.1.1 or 1991年1月1日' };
  return {
    refuse: '{{field}} "{{value}}" is not a date; write it as 1991-01-01, 1991/1/1, 1991.1.1 or 1991年1月1日',
    values: { value: shown(value) },
  };
};

/** Readers by NocoBase field type; fields of other types (choices, links, sequences, JSON) are checked elsewhere or kept. */
const READERS: Record<string, Reader> = {
  string: text,
  text,
  integer: number(true),
  bigInt: number(true),
  float: number(false),
  double: number(false),
  decimal: number(false),
  dateOnly,
};

/**
 * Reads every value the caller changed as its field's type — trimmed text (blank is empty), numbers (whole numbers
 * for integer fields), dates — on every field of the record's collection, including fields an admin added.
 */
export function normaliseValues(model: any, language: Language) {
  const collection = model.constructor.collection;
  for (const field of collection.fields.values()) {
    const reader = READERS[field.type];
    if (!reader || !model.changed(field.name)) continue;
    const read = reader(model.get(field.name), field);
    if ('refuse' in read) throw refuseField(collection, field.name, language, read.refuse, read.values);
    if (read.value !== model.get(field.name)) model.set(field.name, read.value);
  }
}

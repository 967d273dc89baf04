// Dates as agencies write them (1991-01-01, 1991/1/1, 1991.1.1, 1991年1月1日, 19910101), read into YYYY-MM-DD.

/** Year, month and day separated by - / . or written 年 月 日; spaces around the parts are allowed. */
const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A date with a time of day (ISO 8601, as API clients send it): left to the database, which reads it. */
const WITH_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 1991-02-30 over into March: a date that does not exist is not read.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a date-only value: `YYYY-MM-DD` for the forms above (full-width digits and separators too), the value itself
 * for an ISO date-time, `null` for an empty one, `undefined` when it cannot be read as a date.
 */
export function readDate(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  // NFKC turns full-width digits and punctuation (１９９１．１．１) into their ASCII forms.
  const text = value.normalize('NFKC').trim();
  if (!text) return null;
  if (WITH_TIME.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
  const parts = SEPARATED.exec(text) || COMPACT.exec(text);
  return parts ? calendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) : undefined;
}

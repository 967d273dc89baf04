// The agency's calendar: days and hours in its time zone (IANA name, e.g. Asia/Shanghai), computed with the runtime's
// Intl time-zone data. Days are 'YYYY-MM-DD' strings, as NocoBase stores date-only fields; instants are Dates.

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows the zone (a setting is checked with it). */
export function isTimeZone(timeZone: string) {
  try {
    formatOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock parts of an instant in the zone. */
function partsOf(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatOf(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** Milliseconds the zone is ahead of UTC at the instant (+8 h for Asia/Shanghai). */
function offsetAt(instant: Date, timeZone: string) {
  const p = partsOf(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The agency day of an instant: 'YYYY-MM-DD' (2026-11-30T17:00Z is '2026-12-01' in Asia/Shanghai). */
export function dayOf(instant: Date | string | number, timeZone: string): string {
  const p = partsOf(asInstant(instant), timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant the agency's clocks show `hour`:00 on `day` (DST-safe: the offset is read at the result). */
export function instantAt(day: string, hour: number, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date, hour);
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    return Date.UTC(year, month - 1, date);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The date-only value NocoBase returns ('YYYY-MM-DD', a Date at UTC midnight on some dialects) as a day string. */
export function asDay(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}

/**
 * A stored moment as a Date: a Date, epoch milliseconds, or text as the dialects return it in raw rows (ISO, or SQLite's
 * 'YYYY-MM-DD HH:mm:ss.SSS +00:00').
 */
export function asInstant(value: Date | string | number): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const direct = new Date(value);
  if (!Number.isNaN(direct.getTime())) return direct;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value.trim(),
  );
  return match ? new Date(`${match[1]}T${match[2]}${match[3] || 'Z'}`) : direct;
}

/** 'YYYY-MM-DD HH:mm' on the agency's clocks, for messages. */
export function wallTime(instant: Date | string, timeZone: string): string {
  const p = partsOf(asInstant(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

// Whether a value a request carries is the one already stored, as forms send a record back: a number as text, a moment
// as an ISO string, a JSON value as an equal structure.

const instant = (value: unknown) => new Date(value as string | Date).getTime();

const isStructure = (value: unknown) => value != null && typeof value === 'object' && !(value instanceof Date);

/**
 * `sent` (from a request's values) against `stored` (a model's value): true when they are the same value. null and
 * undefined are the same; a number and its text are the same (`3` and `'3'`); a Date and a string are the same when they
 * name the same instant (milliseconds); arrays and plain objects are the same when their JSON is.
 */
export function sameValue(sent: unknown, stored: unknown): boolean {
  if ((sent ?? null) === (stored ?? null)) return true;
  if (sent == null || stored == null) return false;
  if (isStructure(sent) || isStructure(stored)) return JSON.stringify(sent) === JSON.stringify(stored);
  if (sent instanceof Date || stored instanceof Date) return instant(sent) === instant(stored);
  return String(sent) === String(stored);
}

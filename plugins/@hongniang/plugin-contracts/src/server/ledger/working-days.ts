// Working days for complaint deadlines: Monday to Friday. GB/T 23861 and the 2024 industry service norm ask for an answer
// to every complaint within 3 working days. Public holidays and China's make-up working weekends (调休) are not known
// here: an agency's calendar would be needed (docs/contracts.md, "Not built yet").

const DAY_MS = 86_400_000;

/** 0 Sunday … 6 Saturday, of a calendar day 'YYYY-MM-DD'. */
const weekdayOf = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay();
};

const nextDay = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date) + DAY_MS).toISOString().slice(0, 10);
};

/** Whether `day` ('YYYY-MM-DD') is Monday to Friday. */
export const isWorkingDay = (day: string) => ![0, 6].includes(weekdayOf(day));

/**
 * The `count`-th working day after `day` ('YYYY-MM-DD', the agency day a complaint was received), weekends skipped; the
 * day of receipt itself never counts. Received Friday with 3 → Wednesday; received Saturday or Sunday → Wednesday too.
 * `count` 0 answers `day`. Throws a RangeError for a negative or fractional count or a malformed day.
 */
export function addWorkingDays(day: string, count: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count of working days: ${count}`);
  let current = day;
  for (let left = count; left > 0;) {
    current = nextDay(current);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

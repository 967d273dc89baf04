// Agency months: 'YYYY-MM' strings, their first days and the instants that bound them in the agency's time zone.
import { addDays, dayOf, instantAt } from '@hongniang/plugin-follow-ups';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month as records store it ('2026-11'). */
export const isMonth = (value: unknown): value is string => typeof value === 'string' && MONTH.test(value);

/** `month` moved by `months` calendar months. */
export function addMonths(month: string, months: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The agency month of an instant. */
export const monthOf = (instant: Date | string, timeZone: string) => dayOf(instant, timeZone).slice(0, 7);

/** A month's bounds: its first and last agency days, and the agency midnights that start it and the next one. */
export function monthBounds(month: string, timeZone: string) {
  const firstDay = `${month}-01`;
  const nextFirstDay = `${addMonths(month, 1)}-01`;
  return {
    firstDay,
    lastDay: addDays(nextFirstDay, -1),
    start: instantAt(firstDay, 0, timeZone),
    end: instantAt(nextFirstDay, 0, timeZone),
  };
}

/** The agency midnights that end each day of the month, in order (the last one is the month's end). */
export function dayEnds(month: string, timeZone: string): Date[] {
  const { firstDay, lastDay } = monthBounds(month, timeZone);
  const ends: Date[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) ends.push(instantAt(addDays(day, 1), 0, timeZone));
  return ends;
}

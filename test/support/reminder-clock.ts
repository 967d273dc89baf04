// The agency's time for reminder tests: its zone, today's date there, and a moment of a day at an hour, so that a
// suite can set the reminder clock (`reminderClock.now`) around the real day.
import { dayOf, instantAt } from '@hongniang/plugin-follow-ups';

/** The zone the reminder suites give the agency (reminderSettings.timeZone). */
export const AGENCY_ZONE = 'Asia/Shanghai';
/** One minute, in milliseconds. */
export const MINUTE = 60_000;

/** The agency's date today on the real clock ('YYYY-MM-DD'). */
export const agencyToday = (): string => dayOf(new Date(), AGENCY_ZONE);

/** `minutes` after `hour`:00 of `day` ('YYYY-MM-DD'), agency time, as an instant. */
export const agencyTime = (day: string, hour: number, minutes = 0): Date =>
  new Date(instantAt(day, hour, AGENCY_ZONE).getTime() + minutes * MINUTE);

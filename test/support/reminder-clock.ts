// The agency's time for reminder tests: its zone, today's date there, and a moment of a day at an hour, so that a
// suite can set the reminder clock (`reminderClock.now`) around the real day.
import { addDays, dayOf, instantAt } from '@hongniang/plugin-follow-ups';

/** The zone the reminder suites give the agency (reminderSettings.timeZone). */
export const AGENCY_ZONE = 'Asia/Shanghai';
/** One minute, in milliseconds. */
export const MINUTE = 60_000;

/** The agency's date today on the real clock ('YYYY-MM-DD'). */
export const agencyToday = (): string => dayOf(new Date(), AGENCY_ZONE);

/** `minutes` after `hour`:00 of `day` ('YYYY-MM-DD'), agency time, as an instant. */
export const agencyTime = (day: string, hour: number, minutes = 0): Date =>
  new Date(instantAt(day, hour, AGENCY_ZONE).getTime() + minutes * MINUTE);

/**
 * Waits until just after the agency's next midnight when it is less than `marginMs` away (2 minutes by default), and
 * returns the agency's day then: for a suite whose blocks compare with the real "today" when a request is answered
 * (NocoBase's date variables in a data scope), which must not straddle a midnight between its set-up and its tests
 * (session 24: a CI rehearsal that ran 我的今日's suite at 00:00 Shanghai failed so). Waits at most `marginMs` + 1 s.
 */
export async function agencyDayClearOfMidnight(marginMs = 2 * MINUTE): Promise<string> {
  const next = instantAt(addDays(agencyToday(), 1), 0, AGENCY_ZONE).getTime();
  const left = next - Date.now();
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 1000));
  return agencyToday();
}

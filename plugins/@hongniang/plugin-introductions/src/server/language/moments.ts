// Moments in messages, as the caller reads a clock: NocoBase's web client sends its UTC offset (`X-Timezone: +08:00`).

/** The agency's clock when a request names none (a script, a test without the header): China Standard Time. */
const DEFAULT_OFFSET_MINUTES = 8 * 60;

/** Minutes east of UTC from `+08:00` / `-05:30` (NocoBase's X-Timezone), else the default. */
function offsetMinutes(header: unknown): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(String(header ?? '').trim());
  if (!match) return DEFAULT_OFFSET_MINUTES;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** `2026-12-05 19:00` at the request's offset (`ctx`: the request behind the operation, or none). */
export function formatMoment(moment: Date, ctx?: any): string {
  const shifted = new Date(moment.getTime() + offsetMinutes(ctx?.get?.('x-timezone')) * 60_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-12-05 19:00–21:00` (the end's date is written too when it falls on another day). */
export function formatSpan(start: Date, end: Date, ctx?: any): string {
  const [from, to] = [formatMoment(start, ctx), formatMoment(end, ctx)];
  return `${from}–${from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to}`;
}

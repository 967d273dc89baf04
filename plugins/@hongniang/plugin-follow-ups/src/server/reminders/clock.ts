/**
 * The reminders' notion of now. The server's clock; a test that replays a stop across a due time sets `now` to the
 * moments it plays (both apps of the replay read this one module).
 */
export const reminderClock = { now: (): Date => new Date() };

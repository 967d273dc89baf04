export { default } from './plugin';
// For tests and other plugins: the reminders' clock, and the agency calendar.
export { reminderClock } from './reminders/clock';
export { dayOf, instantAt, addDays, wallTime } from './reminders/agency-time';
// The agency's reminder settings (its time zone, for reports counting agency months).
export { readReminderSettings } from './reminders/settings';
export { SERVED as SERVED_STATUSES } from './reminders/kinds/members-of';
// For plugins that add a reminder kind (plugin.reminderKinds.add): what a kind finds and how its workflow is written.
export type { Occurrence, ReminderKind, SweepContext } from './reminders/occurrence';
export type { ReminderWorkflowDefinition } from './reminders/kind-registry';

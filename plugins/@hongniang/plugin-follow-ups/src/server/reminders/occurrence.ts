// What a reminder kind finds: occurrences, each to be written once as a `reminders` row (reminders/deliver.ts).
import { ReminderSettings } from './settings';

/** One reminder to one recipient, named by its key. */
export interface Occurrence {
  /** "<kind>:<subject ids>:<what makes it new>", e.g. "noContact:12:2026-11-01": unique in `reminders`. */
  key: string;
  kind: string;
  recipientId: number;
  memberId?: number | null;
  introductionId?: number | null;
  dateId?: number | null;
  /** When it fell due (agency time computed into an instant). */
  dueAt: Date;
  /** zh-CN, the agency's language (the in-app message is one text for its recipient). */
  title: string;
  body: string;
}

/** What a kind's finder is given. */
export interface SweepContext {
  db: any;
  settings: ReminderSettings;
  now: Date;
  /** The agency day being swept ('YYYY-MM-DD'): its reminder hour has passed. */
  day: string;
  /** Only records (members, dates, introductions) changed since this moment, else all: between daily scans. */
  changedSince?: Date;
  /** Kinds counted in hours (a new member's first contact): the moment after which creation is new to this sweep. */
  since?: Date;
}

/**
 * A reminder kind. `day` kinds are about one agency day (a birthday, a date tomorrow): each day missed since the last
 * sweep is swept, up to `catchUpDays`. `state` kinds are about what holds now (no contact for N days), each occurrence
 * dated from when it fell due. Both scan everything once per agency day and, in between, the records changed since the
 * last sweep. `hours` kinds are swept every time, over the moments since the last sweep.
 */
export interface ReminderKind {
  kind: string;
  mode: 'day' | 'state' | 'hours';
  find(context: SweepContext): Promise<Occurrence[]>;
}

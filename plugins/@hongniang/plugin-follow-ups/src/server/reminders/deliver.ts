// Writes occurrences as `reminders` rows, each once: their keys are unique in the database, so a restart, a retry or a
// second process finds the row there (or loses the insert race) and writes nothing. Creating the row is what triggers
// the kind's workflow, which sends the in-app message: one row, one message. Each row is its own transaction, and the
// next waits until the workflows have taken the last one (`settle`): on SQLite, executions started beside further
// writes failed with SQLITE_BUSY and waited minutes for NocoBase's checker.
import { Op } from '@nocobase/database';
import { wallTime } from './agency-time';
import { chunks } from './kinds/chunks';
import { Occurrence } from './occurrence';

/** A reminder found this long after it fell due, having fallen due after the last sweep, was missed: marked late. */
export const LATE_AFTER_MS = 10 * 60_000;

export interface Delivery {
  now: Date;
  /** The last sweep of the kind before this one (null: none yet, or a sweep caused by a write: nothing was missed). */
  lastSweptAt: Date | null;
  timeZone: string;
  /** The web client's link for a reminder (the day page), or null. */
  linkOf?: (occurrence: Occurrence) => string | null;
  /** Resolves when the workflows started by the last row are under way (SQLite); at once elsewhere. */
  settle?: () => Promise<void>;
}

/** Whether an occurrence fell due while no process swept (after the last sweep, and long enough ago). */
export function isLate(occurrence: Occurrence, delivery: Delivery) {
  return (
    delivery.lastSweptAt != null &&
    occurrence.dueAt.getTime() > delivery.lastSweptAt.getTime() &&
    delivery.now.getTime() - occurrence.dueAt.getTime() > LATE_AFTER_MS
  );
}

/** Writes the occurrences not written yet; answers the keys written by this call. */
export async function deliver(db: any, occurrences: Occurrence[], delivery: Delivery): Promise<string[]> {
  const byKey = new Map(occurrences.map((occurrence) => [occurrence.key, occurrence]));
  const written = new Set<string>();
  for (const keys of chunks([...byKey.keys()]))
    for (const row of await db.getModel('reminders').findAll({
      where: { key: { [Op.in]: keys } },
      attributes: ['key'],
      raw: true,
    }))
      written.add(row.key);
  const repository = db.getRepository('reminders');
  const created: string[] = [];
  for (const occurrence of byKey.values()) {
    if (written.has(occurrence.key)) continue;
    const late = isLate(occurrence, delivery);
    const body = late
      ? `${occurrence.body}（补发：原定 ${wallTime(occurrence.dueAt, delivery.timeZone)} 提醒，当时系统未运行）`
      : occurrence.body;
    try {
      await repository.create({
        values: { ...occurrence, body, late, status: 'open', url: delivery.linkOf?.(occurrence) ?? null },
      });
      created.push(occurrence.key);
    } catch (error: any) {
      // Another process wrote it between our read and our insert: it is delivered, once.
      if (error?.name === 'SequelizeUniqueConstraintError') continue;
      throw error;
    }
    await delivery.settle?.();
  }
  return created;
}

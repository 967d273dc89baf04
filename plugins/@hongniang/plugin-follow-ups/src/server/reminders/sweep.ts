// One sweep: for every reminder kind, the occurrences that fell due since the kind's last sweep (the days missed while no
// process served included, up to `catchUpDays`), written once each (deliver.ts), then the kind's watermark moved on.
import { addDays, dayOf, instantAt } from './agency-time';
import { deliver } from './deliver';
import { REMINDER_KIND_FINDERS } from './kinds';
import { Occurrence, ReminderKind } from './occurrence';
import { readReminderSettings, ReminderSettings } from './settings';

const DAY_MS = 86_400_000;

export interface SweepOptions {
  /** The moment swept up to (the clock's now). */
  now: Date;
  linkOf?: (occurrence: Occurrence) => string | null;
  settle?: () => Promise<void>;
  /** The kinds to sweep (the plugin's registry, kind-registry.ts): this plugin's own when absent. */
  kinds?: readonly ReminderKind[];
}

/**
 * Records written just before a sweep may commit just after it read: the records changed this long before the last
 * sweep are read again (their occurrences already written are skipped by key).
 */
const OVERLAP_MS = 2 * 60_000;

/** Keys written, per kind. */
export type SweepReport = Record<string, string[]>;

/** The latest agency day whose reminder hour has passed at `now`. */
export function lastDueDay(now: Date, settings: ReminderSettings) {
  const today = dayOf(now, settings.timeZone);
  return now.getTime() >= instantAt(today, settings.reminderHour, settings.timeZone).getTime()
    ? today
    : addDays(today, -1);
}

/** The agency days a `day` kind still has to sweep: after its last swept day, at most `catchUpDays` back, up to `last`. */
function daysToSweep(sweptDay: string | null, last: string, settings: ReminderSettings) {
  if (!sweptDay) return [last];
  const earliest = addDays(last, -settings.catchUpDays);
  const days: string[] = [];
  for (
    let day = addDays(sweptDay > earliest ? sweptDay : earliest, sweptDay > earliest ? 1 : 0);
    day <= last;
    day = addDays(day, 1)
  )
    days.push(day);
  return days;
}

async function findFor(kind: ReminderKind, db: any, settings: ReminderSettings, now: Date, row: any) {
  const last = lastDueDay(now, settings);
  const base = { db, settings, now };
  if (kind.mode === 'hours') {
    const since = row?.sweptAt ? new Date(row.sweptAt) : new Date(now.getTime() - settings.catchUpDays * DAY_MS);
    return kind.find({ ...base, day: last, since });
  }
  if (row?.sweptDay === last) {
    // Between daily scans: the records changed since the last sweep (a next follow-up date set to today, a date
    // arranged for tomorrow), whatever path wrote them (a form, an import, another process). A day kind only once
    // today's hour has come: the morning's scan covers the rest.
    if (kind.mode === 'day' && last !== dayOf(now, settings.timeZone)) return [];
    const changedSince = new Date(new Date(row.scannedAt ?? row.sweptAt).getTime() - OVERLAP_MS);
    return kind.find({ ...base, day: last, changedSince });
  }
  const days = kind.mode === 'state' ? [last] : daysToSweep(row?.sweptDay ?? null, last, settings);
  const found: Occurrence[] = [];
  for (const day of days) found.push(...(await kind.find({ ...base, day })));
  return found;
}

/**
 * Sweeps every kind once (see the file's head). Never sends a reminder twice; answers what it wrote. The watermarks are
 * read once and moved together at the end, in one write (two when the clock went back a day): a sweep that fails midway
 * moves none, and the next one finds the same occurrences again, whose keys skip those already written.
 */
export async function sweep(db: any, options: SweepOptions): Promise<SweepReport> {
  const settings = await readReminderSettings(db);
  const { now } = options;
  const watermarks = db.getModel('reminderSweeps');
  const report: SweepReport = {};
  const last = lastDueDay(now, settings);
  // Records carry the server's clock (updatedAt), whatever the reminders' clock says; taken before any kind is scanned.
  const scannedAt = new Date();
  const rows = new Map<string, any>(
    ((await watermarks.findAll({ raw: true })) as any[]).map((row: any) => [row.kind, row]),
  );
  const kinds = options.kinds ?? REMINDER_KIND_FINDERS;
  for (const kind of kinds) {
    const row = rows.get(kind.kind);
    const occurrences = (await findFor(kind, db, settings, now, row)).filter(
      (occurrence) => occurrence.dueAt.getTime() <= now.getTime(),
    );
    report[kind.kind] = await deliver(db, occurrences, {
      now,
      lastSweptAt: row?.sweptAt ? new Date(row.sweptAt) : null,
      timeZone: settings.timeZone,
      linkOf: options.linkOf,
      settle: options.settle,
    });
  }
  await moveWatermarks(watermarks, rows, kinds, { last, now, scannedAt });
  return report;
}

/** Every kind's watermark to this sweep: its day to `last` (never back: a clock set back keeps the later day). */
async function moveWatermarks(
  watermarks: any,
  rows: Map<string, any>,
  swept: readonly ReminderKind[],
  { last, now, scannedAt }: { last: string; now: Date; scannedAt: Date },
) {
  const kinds = swept.map((kind) => kind.kind);
  const ahead = kinds.filter((kind) => rows.get(kind)?.sweptDay > last);
  const onTime = kinds.filter((kind) => rows.has(kind) && !ahead.includes(kind));
  if (onTime.length) await watermarks.update({ sweptDay: last, sweptAt: now, scannedAt }, { where: { kind: onTime } });
  if (ahead.length) await watermarks.update({ sweptAt: now, scannedAt }, { where: { kind: ahead } });
  for (const kind of kinds.filter((one) => !rows.has(one)))
    await watermarks.create({ kind, sweptDay: last, sweptAt: now, scannedAt }).catch((error: any) => {
      // Another process's first sweep created it meanwhile: its values are as good.
      if (error?.name !== 'SequelizeUniqueConstraintError') throw error;
    });
}

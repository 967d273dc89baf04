// Keeps the monthly records (matchmakerMonths and agencyMonths, written together): closes every past month once (at start, catching up what a stopped server missed, then
// hourly — never a NocoBase schedule, whose missed runs are lost), drafts last month's service summaries, refreshes the
// live month as it is read, and recomputes a month on a manager's request. One job at a time per process.
import { Op } from '@nocobase/database';
import { Application } from '@nocobase/server';
import { Interval, SerialJobs } from '@hongniang/plugin-core';
import { reminderClock } from '@hongniang/plugin-follow-ups';
import { agencyTimeZone } from './agency-zone';
import { addMonths, monthOf } from './months';
import { matchmakerIds, writeMonth } from './month-records';
import { draftMonth } from '../summaries/draft-month';

/** How many past months the start's catch-up looks back. */
export const CATCH_UP_MONTHS = 24;

export class MonthKeeper {
  private readonly interval = new Interval();
  private readonly jobs: SerialJobs;

  constructor(private readonly app: Application) {
    this.jobs = new SerialJobs((error) => this.app.logger.error(`reports: ${error?.message || error}`));
  }

  private get db(): any {
    return this.app.db;
  }

  /** Closes the past months now, then every HONGNIANG_REPORTS_CLOSE_SECONDS (3600 by default; 0: only at start). */
  start() {
    void this.closePastMonths();
    this.interval.start(Number(process.env.HONGNIANG_REPORTS_CLOSE_SECONDS ?? 3600), () => void this.closePastMonths());
  }

  stop() {
    this.interval.stop();
  }

  /** Resolves when no job runs nor waits. */
  idle() {
    return this.jobs.idle();
  }

  /** The agency's current month ('YYYY-MM'). */
  async currentMonth() {
    return monthOf(reminderClock.now(), await agencyTimeZone(this.db));
  }

  /**
   * Closes each past month not closed yet, from the agency's first activity (at most CATCH_UP_MONTHS back) to last
   * month: computed once more, and `closedAt` set (records closed before keep their figures). Then drafts last month's
   * service summaries when it was just closed or has none yet (an agency upgraded to them); older months closed by a
   * catch-up get none (a new agency's imported archive would get one per member per month), unless a manager
   * recomputes one. Answers the months closed.
   */
  closePastMonths(): Promise<string[]> {
    return this.jobs.runOr(async () => {
      const timeZone = await agencyTimeZone(this.db);
      const current = monthOf(reminderClock.now(), timeZone);
      const first = await this.firstActiveMonth(timeZone);
      const closed: string[] = [];
      if (!first) return closed;
      // A month is closed when its agency record is: then every matchmaker's record of it was closed with it.
      const model = this.db.getModel('agencyMonths');
      for (
        let month = [first, addMonths(current, -CATCH_UP_MONTHS)].sort()[1];
        month < current;
        month = addMonths(month, 1)
      ) {
        if (await model.count({ where: { month, closedAt: { [Op.ne]: null } } })) continue;
        // Records closed already keep their figures (months closed before agencyMonths existed: the matchmakers').
        await writeMonth(this.db, month, timeZone, { close: true, keepClosed: true, now: reminderClock.now() });
        closed.push(month);
      }
      const last = addMonths(current, -1);
      if (
        last >= first &&
        (closed.includes(last) || !(await this.db.getModel('serviceSummaries').count({ where: { month: last } })))
      )
        await draftMonth(this.db, last, timeZone, reminderClock.now());
      return closed;
    }, []);
  }

  /** Recomputes the current month when its records are older than `maxAgeSeconds` (or missing). */
  refreshLive(maxAgeSeconds = Number(process.env.HONGNIANG_REPORTS_LIVE_SECONDS ?? 60)): Promise<boolean> {
    return this.jobs.runOr(async () => {
      const timeZone = await agencyTimeZone(this.db);
      const now = reminderClock.now();
      const month = monthOf(now, timeZone);
      if (await this.freshEnough(month, now, maxAgeSeconds)) return false;
      await writeMonth(this.db, month, timeZone, { now });
      return true;
    }, false);
  }

  /**
   * Whether the month's records are recent enough to answer as they are: its agency record exists (it is written with
   * every computation, even in an agency without matchmakers), every holder of the 红娘 role has hers (one given the
   * role since gets hers at once), and no record of either collection was computed `maxAgeSeconds` ago or more.
   */
  private async freshEnough(month: string, now: Date, maxAgeSeconds: number) {
    const recorded = await this.db
      .getModel('matchmakerMonths')
      .findAll({ where: { month }, attributes: ['matchmakerId'], raw: true });
    const hasRecord = new Set(recorded.map((record: any) => Number(record.matchmakerId)));
    if ((await matchmakerIds(this.db)).some((id) => !hasRecord.has(id))) return false;
    for (const collection of ['agencyMonths', 'matchmakerMonths']) {
      const computedAt = await this.db.getModel(collection).min('computedAt', { where: { month } });
      if (
        computedAt
          ? now.getTime() - new Date(computedAt).getTime() >= maxAgeSeconds * 1000
          : collection === 'agencyMonths'
      )
        return false;
    }
    return true;
  }

  /**
   * Recomputes `month` from today's data: a past month is (or stays) closed, the current one stays live; a past month's
   * service summaries are drafted again (drafts refreshed, members in service without one given one, sent ones kept).
   */
  recompute(month: string): Promise<number> {
    return this.jobs.run(async () => {
      const timeZone = await agencyTimeZone(this.db);
      const now = reminderClock.now();
      const past = month < monthOf(now, timeZone);
      const written = await writeMonth(this.db, month, timeZone, { close: past, now });
      if (past) await draftMonth(this.db, month, timeZone, now);
      return written;
    });
  }

  /** The month of the agency's earliest record that a figure counts (null for an empty agency). */
  private async firstActiveMonth(timeZone: string): Promise<string | null> {
    const months: string[] = [];
    const joined = await this.db.getModel('members').min('joinDate');
    if (joined) months.push(joined instanceof Date ? joined.toISOString().slice(0, 7) : String(joined).slice(0, 7));
    for (const [collection, field] of [
      ['reminders', 'dueAt'],
      ['matchSuggestions', 'createdAt'],
      ['introductions', 'createdAt'],
      ['dates', 'startsAt'],
    ]) {
      const earliest = await this.db.getModel(collection).min(field);
      if (earliest) months.push(monthOf(earliest, timeZone));
    }
    const rated = await this.db.getModel('serviceRatings').min('month');
    if (rated) months.push(String(rated));
    return months.sort()[0] ?? null;
  }
}

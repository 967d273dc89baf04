// Runs the sweep: when the app starts (what fell due while it was stopped is delivered then, marked late), then every
// HONGNIANG_REMINDER_SWEEP_SECONDS (60 by default; 0: only at start, for tests that sweep when they choose);
// HONGNIANG_REMINDER_SWEEP=off: never on its own (a benchmark of other requests; POST reminders:sweep still sweeps). Each sweep
// also reads the records changed since the last one, so a write's reminder comes within a sweep. Sweeps never overlap
// within a process; across processes the reminders' unique keys keep each occurrence to one row and one message.
import { Application } from '@nocobase/server';
import { Interval, SerialJobs } from '@hongniang/plugin-core';
import { reminderClock } from './clock';
import { dayPageLink } from '../pages/day-page-link';
import { ReminderKinds } from './kind-registry';
import { sweep, SweepReport } from './sweep';

export class ReminderSweeper {
  private readonly interval = new Interval();
  private readonly jobs: SerialJobs;

  constructor(
    private readonly app: Application,
    private readonly kinds: ReminderKinds,
  ) {
    this.jobs = new SerialJobs((error) =>
      this.app.logger.error(`[hongniang] reminder sweep failed (retried at the next sweep): ${error?.message}`, {
        error,
      }),
    );
  }

  /** Sweeps now, then on the interval (neither when HONGNIANG_REMINDER_SWEEP is `off`). */
  start() {
    if (process.env.HONGNIANG_REMINDER_SWEEP === 'off') {
      this.app.log.warn('[hongniang] reminders are not swept on their own: HONGNIANG_REMINDER_SWEEP=off');
      return;
    }
    void this.sweepNow();
    this.interval.start(Number(process.env.HONGNIANG_REMINDER_SWEEP_SECONDS ?? 60), () => void this.sweepNow());
  }

  stop() {
    this.interval.stop();
  }

  /** One whole sweep, after any running one; resolves to its report (null when it failed: logged, retried next time). */
  sweepNow(): Promise<SweepReport | null> {
    return this.jobs.runOr(async () => {
      // Each message links to 我的今日, where the reminder is handled.
      const link = await dayPageLink(this.app.db);
      return sweep(this.app.db, {
        now: reminderClock.now(),
        linkOf: () => link,
        settle: this.settle,
        kinds: this.kinds.all(),
      });
    }, null);
  }

  /** Resolves when no sweep runs nor waits (tests, and the app's stop). */
  idle() {
    return this.jobs.idle();
  }

  /**
   * On SQLite, until NocoBase's workflow dispatcher is idle (at most 5 s): the next reminder's write then never runs
   * beside the last one's execution. Elsewhere at once.
   */
  readonly settle = async () => {
    if (this.app.db.sequelize.getDialect() !== 'sqlite') return;
    const workflow: any = this.app.pm.get('@nocobase/plugin-workflow') ?? this.app.pm.get('workflow');
    const dispatcher = workflow?.dispatcher;
    const deadline = Date.now() + 5000;
    let quiet = 0;
    while (dispatcher && quiet < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      quiet = dispatcher.idle ? quiet + 1 : 0;
    }
  };
}

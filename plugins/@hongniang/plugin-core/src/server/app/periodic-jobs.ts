// What the keepers of a plugin share (the reminders' sweeper, the reports' month keeper, the contracts' terms): jobs that
// run one at a time within the process, in the order asked, and a timer that asks for one every so many seconds.
// Never a NocoBase schedule for these: a schedule's runs missed while the server was stopped are lost (PLATFORM.md).

/**
 * Jobs run one at a time, each after every job asked before it has ended (a failed one included).
 * - `run(job)` answers the job's result, or rejects with its error (after `onError` has been told);
 * - `runOr(job, fallback)` answers `fallback` instead of rejecting (the error is told to `onError` all the same);
 * - `idle()` resolves once no job runs nor waits, jobs asked meanwhile included (tests, and a plugin's stop).
 */
export class SerialJobs {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly onError: (error: any) => void) {}

  run<T>(job: () => Promise<T>): Promise<T> {
    const run = this.chain.then(job);
    this.chain = run.catch((error) => this.onError(error));
    return run;
  }

  runOr<T>(job: () => Promise<T>, fallback: T): Promise<T> {
    return this.run(job).catch(() => fallback);
  }

  async idle(): Promise<void> {
    for (let chain = this.chain; ; chain = this.chain) {
      await chain;
      if (chain === this.chain) return;
    }
  }
}

/**
 * Calls `tick` every `seconds` seconds once started (0 or less: never; fractions allowed). The timer never keeps the
 * process alive (unref). `start` again replaces the running timer; `stop` ends it.
 */
export class Interval {
  private timer: NodeJS.Timeout | null = null;

  start(seconds: number, tick: () => void) {
    this.stop();
    if (!(seconds > 0)) return;
    this.timer = setInterval(tick, seconds * 1000);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get running() {
    return this.timer !== null;
  }
}

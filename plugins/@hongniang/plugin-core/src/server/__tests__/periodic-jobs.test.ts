// The keepers' shared parts (app/periodic-jobs.ts): jobs one at a time in the order asked, failures told and answered
// as the caller chose, idle() after jobs asked meanwhile; a timer that never keeps the process alive.
import { Interval, SerialJobs } from '../app/periodic-jobs';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
/** Until `condition` holds, looked at every 5 ms; throws after 5 s (a loaded machine delays timers, never by that much). */
async function until(condition: () => boolean) {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await later(5, null);
  }
}

describe('SerialJobs', () => {
  it('runs jobs one at a time, in the order asked, each answering its own result', async () => {
    const jobs = new SerialJobs(() => undefined);
    const log: string[] = [];
    const job = (name: string, ms: number) => async () => {
      log.push(`${name} starts`);
      await later(ms, null);
      log.push(`${name} ends`);
      return name;
    };
    const answers = await Promise.all([jobs.run(job('a', 30)), jobs.run(job('b', 1)), jobs.run(job('c', 10))]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('a failed job is told to onError, rejects run() and answers runOr() its fallback; the next job still runs', async () => {
    const told: string[] = [];
    const jobs = new SerialJobs((error) => told.push(error.message));
    const failing = async (): Promise<number> => {
      throw new Error('database gone');
    };
    await expect(jobs.run(failing)).rejects.toThrow('database gone');
    await expect(jobs.runOr(failing, -1)).resolves.toBe(-1);
    await expect(jobs.run(async () => 7)).resolves.toBe(7);
    expect(told).toEqual(['database gone', 'database gone']);
  });

  it('idle() waits for the running job and for jobs asked while it waited', async () => {
    const jobs = new SerialJobs(() => undefined);
    const done: string[] = [];
    void jobs.run(async () => {
      await later(20, null);
      done.push('first');
      void jobs.run(async () => {
        await later(20, null);
        done.push('asked meanwhile');
      });
    });
    await jobs.idle();
    expect(done).toEqual(['first', 'asked meanwhile']);
  });
});

describe('Interval', () => {
  it('ticks every so many seconds until stopped; 0 never ticks; start again replaces the timer', async () => {
    const interval = new Interval();
    let ticks = 0;
    interval.start(0.01, () => ticks++);
    expect(interval.running).toBe(true);
    await until(() => ticks >= 3);
    interval.stop();
    const counted = ticks;
    await later(40, null);
    expect(ticks).toBe(counted);
    expect(interval.running).toBe(false);

    interval.start(0, () => ticks++);
    expect(interval.running).toBe(false);
    let other = 0;
    interval.start(0.01, () => ticks++);
    interval.start(0.01, () => other++);
    await until(() => other >= 2);
    interval.stop();
    expect(ticks).toBe(counted);
  });
});

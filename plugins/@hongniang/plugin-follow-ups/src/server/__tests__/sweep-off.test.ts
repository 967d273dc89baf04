// HONGNIANG_REMINDER_SWEEP=off: the sweeper neither sweeps at start nor on its interval (bench:matching serves its
// seeded agencies so); otherwise it sweeps at once. No app: the sweeper's start alone, its sweeps counted.
import { ReminderSweeper } from '../reminders/sweeper';

describe('the reminders’ sweeper with HONGNIANG_REMINDER_SWEEP', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  function sweeperCountingSweeps() {
    const warnings: string[] = [];
    const app: any = { log: { warn: (line: string) => warnings.push(line) } };
    const sweeper = new ReminderSweeper(app, { all: () => [] } as any);
    let sweeps = 0;
    sweeper.sweepNow = async () => {
      sweeps++;
      return {};
    };
    return { sweeper, warnings, sweeps: () => sweeps };
  }

  it('off: no sweep at start, none on the interval, and the log says so', () => {
    process.env.HONGNIANG_REMINDER_SWEEP = 'off';
    process.env.HONGNIANG_REMINDER_SWEEP_SECONDS = '60';
    const { sweeper, warnings, sweeps } = sweeperCountingSweeps();
    sweeper.start();
    expect(sweeps()).toBe(0);
    expect((sweeper as any).interval.running).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('HONGNIANG_REMINDER_SWEEP=off')]);
  });

  it('unset: one sweep at start, then the interval runs', () => {
    delete process.env.HONGNIANG_REMINDER_SWEEP;
    process.env.HONGNIANG_REMINDER_SWEEP_SECONDS = '60';
    const { sweeper, warnings, sweeps } = sweeperCountingSweeps();
    sweeper.start();
    expect(sweeps()).toBe(1);
    expect((sweeper as any).interval.running).toBe(true);
    expect(warnings).toEqual([]);
    sweeper.stop();
  });
});

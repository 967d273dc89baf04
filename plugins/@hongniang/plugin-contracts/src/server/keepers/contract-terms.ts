// A contract's status follows its dates without anyone typing it: 冷静期 (coolingOff) becomes 生效 (active) the day after
// the cooling-off period's last day, and a contract in force (冷静期 or 生效) becomes 已完成 (completed) the day after
// its end date. Passed at start (catching up what a stopped server missed) and then hourly, in the agency's time zone
// (提醒设置), never through a NocoBase schedule, whose missed runs are lost. Each change goes through the repository, so
// the member's tier and expiry follow (hooks/member-follows-contract.ts) and the change is an ordinary update.
import { Application } from '@nocobase/server';
import { Interval, SerialJobs } from '@hongniang/plugin-core';
import { dayOf, readReminderSettings, reminderClock } from '@hongniang/plugin-follow-ups';
import { dayText } from '../hooks/checks';
import { coolingOffLastDay } from '../ledger/refund';

/** The status a contract in force has on `today` ('YYYY-MM-DD'), from its dates; undefined when it keeps its own. */
export function statusOnDay(
  contract: { status: string; startDate: string; endDate: string; signedDate?: string | null; coolingOffDays: number },
  today: string,
): 'active' | 'completed' | undefined {
  if (contract.status !== 'coolingOff' && contract.status !== 'active') return undefined;
  if (contract.endDate && contract.endDate < today) return 'completed';
  if (contract.status === 'coolingOff' && coolingOffLastDay(contract) < today) return 'active';
  return undefined;
}

/**
 * Moves every contract in force whose dates say so (statusOnDay) on the agency's current day. Answers the ids moved,
 * by new status. A contract that fails its rules on the way (a record edited into an invalid state) is logged and left.
 */
export async function advanceContractStatuses(app: Application): Promise<Record<'active' | 'completed', number[]>> {
  const db: any = app.db;
  const { timeZone } = await readReminderSettings(db);
  const today = dayOf(reminderClock.now(), timeZone);
  const moved: Record<'active' | 'completed', number[]> = { active: [], completed: [] };
  const rows = await db.getModel('contracts').findAll({
    where: { status: ['coolingOff', 'active'] },
    attributes: ['id', 'status', 'startDate', 'endDate', 'signedDate', 'coolingOffDays'],
    raw: true,
  });
  for (const row of rows) {
    const status = statusOnDay(
      {
        status: row.status,
        startDate: dayText(row.startDate) as string,
        endDate: dayText(row.endDate) as string,
        signedDate: dayText(row.signedDate) as string | null,
        coolingOffDays: Number(row.coolingOffDays ?? 0),
      },
      today,
    );
    if (!status) continue;
    try {
      await db.getRepository('contracts').update({ filterByTk: row.id, values: { status } });
      moved[status].push(row.id);
    } catch (error) {
      app.log.warn(`[hongniang] contract ${row.id} not moved to ${status}: ${(error as Error).message}`);
    }
  }
  return moved;
}

/** Runs advanceContractStatuses at start and every HONGNIANG_CONTRACT_TERMS_SECONDS (3600 by default; 0: start only). */
export class ContractTerms {
  private readonly interval = new Interval();
  private readonly jobs: SerialJobs;

  constructor(private readonly app: Application) {
    this.jobs = new SerialJobs((error) =>
      this.app.log.error(`[hongniang] contract statuses not advanced: ${error?.message || error}`),
    );
  }

  start() {
    void this.pass();
    this.interval.start(Number(process.env.HONGNIANG_CONTRACT_TERMS_SECONDS ?? 3600), () => void this.pass());
  }

  stop() {
    this.interval.stop();
  }

  /** Resolves when no pass runs nor waits. */
  idle() {
    return this.jobs.idle();
  }

  /**
   * One pass after the one running, if any: the ids moved by new status, or null when it failed (logged; the next pass
   * tries again).
   */
  pass(): Promise<Record<'active' | 'completed', number[]> | null> {
    return this.jobs.runOr(() => advanceContractStatuses(this.app), null);
  }
}

// The delivery ledger of one contract, read from the database: the member's introductions that reached the agency's
// counting stage (contractSettings.countingStage, 推荐给乙方 by default) on either side, the agency day each first
// reached it (the introductions' history, introductionStageChanges), assigned to her contracts by ./delivery.ts.
import { Op } from '@nocobase/database';
import { dayOf, readReminderSettings } from '@hongniang/plugin-follow-ups';
import { stagesFrom } from '../language/vocabulary';
import { readContractSettings } from '../setup/settings';
import { dayText } from '../hooks/checks';
import { ContractTerm, assignIntroductions, deliveryCounts, lastCountingDay } from './delivery';

export interface LedgerIntroduction {
  id: number;
  title: string;
  stage: string;
  /** The agency day it reached the counting stage. */
  reachedOn: string;
}

export interface Ledger {
  countingStage: string;
  promised: number;
  delivered: number;
  remaining: number;
  /** The last day counted: the end of the term, or the day it ended early. */
  countedTo: string;
  introductions: LedgerIntroduction[];
}

const termOf = (row: any, endedOn?: string | null): ContractTerm => ({
  id: Number(row.id),
  status: String(row.status ?? 'pending'),
  startDate: dayText(row.startDate) ?? '',
  endDate: dayText(row.endDate) ?? '',
  endedOn: endedOn !== undefined ? endedOn : dayText(row.endedOn),
});

/**
 * The ledger of `contract` (a plain contracts row). `endedOn`, when given, counts as the day it ended (a refund
 * proposal for a termination not yet recorded). Introductions reached after the counted days, or before the start,
 * are not listed.
 */
export async function ledgerOf(db: any, contract: any, endedOn?: string, transaction?: any): Promise<Ledger> {
  const settings = await readContractSettings(db, transaction);
  const { timeZone } = await readReminderSettings(db, transaction);
  const memberId = Number(contract.memberId);
  const others = await db.getModel('contracts').findAll({
    where: { memberId, id: { [Op.ne]: contract.id } },
    attributes: ['id', 'status', 'startDate', 'endDate', 'endedOn'],
    raw: true,
    transaction,
  });
  const own = termOf({ ...contract, status: endedOn ? 'terminated' : contract.status }, endedOn ?? undefined);
  const terms = [own, ...others.map((row: any) => termOf(row))];
  const introductions: any[] = await db.getModel('introductions').findAll({
    where: { [Op.or]: [{ memberAId: memberId }, { memberBId: memberId }] },
    attributes: ['id', 'title', 'stage'],
    raw: true,
    transaction,
  });
  const byId = new Map(introductions.map((row) => [Number(row.id), row]));
  const reachedAt = new Map<number, Date>();
  if (introductions.length) {
    const changes: any[] = await db.getModel('introductionStageChanges').findAll({
      where: { event: 'stage', toStage: stagesFrom(settings.countingStage), introductionId: [...byId.keys()] },
      attributes: ['introductionId', 'changedAt', 'createdAt'],
      raw: true,
      transaction,
    });
    for (const change of changes) {
      const at = new Date(change.changedAt ?? change.createdAt);
      const id = Number(change.introductionId);
      if (!reachedAt.has(id) || at < reachedAt.get(id)!) reachedAt.set(id, at);
    }
  }
  const reached = [...reachedAt].map(([introductionId, at]) => ({ introductionId, reachedOn: dayOf(at, timeZone) }));
  const counted = assignIntroductions(terms, reached).get(own.id) ?? [];
  return {
    countingStage: settings.countingStage,
    ...deliveryCounts(Number(contract.promisedIntroductions ?? 0), counted.length),
    countedTo: lastCountingDay(own),
    introductions: counted.map(({ introductionId, reachedOn }) => ({
      id: introductionId,
      title: String(byId.get(introductionId)?.title ?? ''),
      stage: String(byId.get(introductionId)?.stage ?? ''),
      reachedOn,
    })),
  };
}

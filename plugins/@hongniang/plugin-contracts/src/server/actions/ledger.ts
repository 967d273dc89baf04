// `GET /api/contracts:ledger?filterByTk=<contract id>` — 交付台账: promised / delivered / remaining introductions of one
// contract and the introductions counted, read-only. A matchmaker asks about her own members' contracts only (her data
// scope, applied by NocoBase's ACL to the request).
import { contractsLanguage } from '../language/contracts-language';
import { STAGE_ORDER, labelOf } from '../language/vocabulary';
import { ledgerOf } from '../ledger/ledger-records';
import { contractOfRequest } from './contract-of-request';

/**
 * Answers `{ contract: { id, contractNo, memberId, memberName, startDate, endDate, status }, countingStage: { value,
 * label }, promised, delivered, remaining, countedTo, introductions: [{ id, title, stage, stageLabel, reachedOn }] }`.
 */
export async function contractLedger(ctx: any, next: () => Promise<void>) {
  const language = contractsLanguage({ context: ctx });
  const contract = await contractOfRequest(ctx);
  const ledger = await ledgerOf(ctx.db, contract);
  ctx.body = {
    contract: {
      id: contract.id,
      contractNo: contract.contractNo,
      memberId: contract.memberId,
      memberName: contract.member?.name ?? null,
      startDate: contract.startDate,
      endDate: contract.endDate,
      status: contract.status,
    },
    ...ledger,
    countingStage: { value: ledger.countingStage, label: labelOf(STAGE_ORDER, ledger.countingStage, language.locale) },
    introductions: ledger.introductions.map((introduction) => ({
      ...introduction,
      stageLabel: labelOf(STAGE_ORDER, introduction.stage, language.locale),
    })),
  };
  await next();
}

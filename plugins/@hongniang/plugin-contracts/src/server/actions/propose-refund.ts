// `GET /api/contracts:proposeRefund?filterByTk=<contract id>[&endedOn=YYYY-MM-DD]` — the refund proposed on termination,
// explained line by line in the caller's language (ledger/refund.ts). Read-only: staff record the refund as a negative
// payment once agreed. The day it ended: `endedOn`, else the contract's own, else today (agency day).
import { Refusal } from '@hongniang/plugin-core';
import { dayOf, readReminderSettings } from '@hongniang/plugin-follow-ups';
import { contractsLanguage } from '../language/contracts-language';
import { REFUND_RULES, labelOf } from '../language/vocabulary';
import { dayText, numberOf } from '../hooks/checks';
import { ledgerOf } from '../ledger/ledger-records';
import { percent, proposeRefund } from '../ledger/refund';
import { readContractSettings } from '../setup/settings';
import { contractOfRequest } from './contract-of-request';

/**
 * Answers `{ contract: { id, contractNo }, endedOn, withinCoolingOff, coolingOffEnds, rule: { value, label }, share
 * (0–1), sharePercent, price, paid, promised, delivered, refund, payBy, lines: string[] }`, amounts in yuan. Refuses
 * a malformed `endedOn` (400) and a contract out of reach (404); a draft (待签) has nothing to refund (409).
 */
export async function proposeContractRefund(ctx: any, next: () => Promise<void>) {
  const language = contractsLanguage({ context: ctx });
  const contract = await contractOfRequest(ctx);
  const asked = ctx.action.params.endedOn;
  if (asked != null && asked !== '' && !dayText(asked))
    throw new Refusal(language.t('endedOn must be a date (YYYY-MM-DD), not "{{value}}"', { value: asked }), {
      field: 'endedOn',
    });
  if (contract.status === 'pending')
    throw new Refusal(
      language.t('Contract {{contract}} is not signed yet: there is nothing to refund', {
        contract: contract.contractNo,
      }),
      {
        field: 'status',
        status: 409,
      },
    );
  const { timeZone } = await readReminderSettings(ctx.db);
  const endedOn = dayText(asked) ?? dayText(contract.endedOn) ?? dayOf(new Date(), timeZone);
  const settings = await readContractSettings(ctx.db);
  const ledger = await ledgerOf(ctx.db, contract, endedOn);
  const proposal = proposeRefund({
    price: numberOf(contract.price) || 0,
    paid: numberOf(contract.paidAmount) || 0,
    promised: ledger.promised,
    delivered: ledger.delivered,
    signedDate: dayText(contract.signedDate),
    startDate: dayText(contract.startDate)!,
    endDate: dayText(contract.endDate)!,
    coolingOffDays: Number(contract.coolingOffDays ?? 7),
    endedOn,
    rule: settings.refundRule,
  });
  const ruleLabel = labelOf(REFUND_RULES, settings.refundRule, language.locale);
  ctx.body = {
    contract: { id: contract.id, contractNo: contract.contractNo },
    endedOn,
    withinCoolingOff: proposal.withinCoolingOff,
    coolingOffEnds: proposal.coolingOffEnds,
    rule: { value: settings.refundRule, label: ruleLabel },
    share: proposal.share.num / proposal.share.den,
    sharePercent: percent(proposal.share),
    price: numberOf(contract.price) || 0,
    paid: numberOf(contract.paidAmount) || 0,
    promised: ledger.promised,
    delivered: ledger.delivered,
    refund: proposal.refund,
    payBy: proposal.payBy,
    lines: proposal.lines.map((line) =>
      language.t(line.key, { ...line.values, ...(line.values.rule ? { rule: ruleLabel } : {}) }),
    ),
  };
  await next();
}

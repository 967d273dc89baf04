export { default } from './plugin';
// For other plugins and tests: the arithmetic of the ledger, the refund proposal and complaint deadlines (plain data).
export { assignIntroductions, deliveryCounts } from './ledger/delivery';
export type { ContractTerm, ReachedIntroduction } from './ledger/delivery';
export { proposeRefund } from './ledger/refund';
export type { RefundInput, RefundProposal, RefundRule } from './ledger/refund';
export { addWorkingDays } from './ledger/working-days';

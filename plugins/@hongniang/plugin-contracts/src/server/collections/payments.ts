import { defineCollection } from '@nocobase/database';
import { PAYMENT_KINDS, PAYMENT_METHODS, label } from '../language/vocabulary';
import { belongsTo, createdAt, day, line, money, readOnly, select, text } from '../fields/field-kinds';

/**
 * Payments (收款) against a contract: money received, and refunds as negative amounts with their reason. The contract's
 * paid amount and balance due follow every change (hooks/balance.ts); rules in hooks/payment-rules.ts.
 */
export default defineCollection({
  name: 'payments',
  title: label('Payments'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    belongsTo('contract', 'Contract', 'contracts', 'contractNo'),
    day('paidOn', 'Date'),
    // Yuan; negative for a refund.
    money('amount', 'Amount'),
    select('method', 'Method', PAYMENT_METHODS),
    // Unique when given: the same receipt is not booked twice.
    { ...line('receiptNo', 'Receipt number'), unique: true },
    // Set by the server from the amount's sign.
    readOnly(select('kind', 'Kind', PAYMENT_KINDS)),
    text('reason', 'Refund reason'),
    text('note', 'Note'),
    createdAt('Recorded at'),
  ],
});

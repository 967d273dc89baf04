import { defineCollection } from '@nocobase/database';
import { CONTRACT_STATUSES, PACKAGES, label } from '../language/vocabulary';
import { createdAt, day, hasMany, integer, member, money, readOnly, select, text, user } from '../fields/field-kinds';

/**
 * Service contracts (服务合同): what a member bought — a package for a term, a price, a stated number of introductions
 * and a cooling-off period (GB/T 23861 asks for the services, the term and the fee in writing, never "until success").
 * Its rules hold on every write (hooks/contract-rules.ts); the member's tier, join date and expiry follow her contracts
 * (hooks/member-follows-contract.ts); paid and balance due are kept by the server from the payments (hooks/balance.ts).
 */
export default defineCollection({
  name: 'contracts',
  title: label('Service contracts'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    {
      name: 'contractNo',
      type: 'sequence',
      interface: 'sequence',
      unique: true,
      patterns: [
        { type: 'string', options: { value: 'HT' } },
        { type: 'integer', options: { digits: 6, start: 1, key: 1 } },
      ],
      uiSchema: { type: 'string', title: label('Contract number'), 'x-component': 'Input', 'x-read-pretty': true },
    },
    member('member', 'Member'),
    select('package', 'Package', PACKAGES),
    // Yuan, the whole term's fee.
    money('price', 'Price'),
    day('startDate', 'Start date'),
    day('endDate', 'End date'),
    integer('promisedIntroductions', 'Promised introductions'),
    // From the signed date (the start date when unsigned): within them, a full refund.
    integer('coolingOffDays', 'Cooling-off days', 7),
    day('signedDate', 'Signed date'),
    select('status', 'Status', CONTRACT_STATUSES, 'pending'),
    user('soldBy', 'Sold by'),
    // The day it ended early (已终止 / 已退款): the refund proposal counts what was delivered up to it.
    day('endedOn', 'Ended on'),
    text('endReason', 'Reason for ending'),
    // Kept by the server: the payments' sum (refunds negative), and price − paid.
    readOnly(money('paidAmount', 'Paid', 0)),
    readOnly(money('balanceDue', 'Balance due', 0)),
    hasMany('payments', 'Payments', 'payments', 'contractId'),
    text('note', 'Note'),
    createdAt('Created at'),
  ],
  // The member's contracts (her tier follows them), the 30-days-left reminder by end date.
  indexes: [{ fields: ['memberId', 'status'] }, { fields: ['endDate'] }, { fields: ['updatedAt'] }],
});

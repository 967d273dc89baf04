// A payment's values, on every write path: contract, date, amount and method stated; an amount that is not 0, with at
// most two decimals; a refund (negative amount) with its reason; never more refunded than paid on the contract; a
// receipt number booked once. The kind (收款/退款) follows the amount's sign.
import { Refusal } from '@hongniang/plugin-core';
import { contractsLanguage } from '../language/contracts-language';
import { PAYMENT_METHODS } from '../language/vocabulary';
import { money } from '../ledger/refund';
import { paidOn } from './balance';
import { FieldChecks, isBlank, numberOf, writes } from './checks';

/**
 * Checks a payment about to be saved (`model`, a Sequelize instance of `payments`); throws a `Refusal` in the caller's
 * language naming the field: 400 for a bad value, 409 when a refund would exceed what was paid or the receipt number is
 * already booked. Sets `kind` from the amount's sign.
 */
export async function checkPayment(db: any, model: any, options: any) {
  const collection = db.getCollection('payments');
  const language = contractsLanguage(options);
  const check = new FieldChecks(collection, model, language);
  if (writes(model, 'contractId') && isBlank(model.get('contractId')))
    check.refuse('contract', '{{field}} is required; nothing was saved');
  check.required('paidOn', 'amount', 'method');
  check.day('paidOn');
  check.option('method', PAYMENT_METHODS);
  check.amount('amount', null);
  const amount = numberOf(model.get('amount'));
  if (writes(model, 'amount') && amount === 0) check.refuse('amount', '{{field}} cannot be 0; nothing was saved');
  if (amount < 0 && (writes(model, 'amount') || writes(model, 'reason')) && isBlank(model.get('reason')))
    check.refuse('reason', 'A refund (a negative amount) needs {{field}}; nothing was saved');
  model.set('kind', amount < 0 ? 'refund' : 'payment');
  if (writes(model, 'receiptNo')) await checkReceipt(db, model, options, check);
  if (writes(model, 'amount') || writes(model, 'contractId')) await checkNotOverRefunded(db, model, options, check);
}

/** A receipt number, trimmed, is booked on one payment only (blank means none). */
async function checkReceipt(db: any, model: any, options: any, check: FieldChecks) {
  const receipt = isBlank(model.get('receiptNo')) ? null : String(model.get('receiptNo')).normalize('NFKC').trim();
  model.set('receiptNo', receipt);
  if (!receipt) return;
  const other = await db.getModel('payments').findOne({
    where: { receiptNo: receipt },
    attributes: ['id'],
    raw: true,
    transaction: options.transaction,
  });
  if (other && other.id !== model.get('id'))
    throw new Refusal(
      check.language.t('{{field}} {{value}} is already booked on another payment; nothing was saved', {
        field: check.fieldTitle('receiptNo'),
        value: receipt,
      }),
      { field: 'receiptNo', status: 409 },
    );
}

/** What was paid on the contract, this payment included, stays 0 or more: a refund gives back at most what came in. */
async function checkNotOverRefunded(db: any, model: any, options: any, check: FieldChecks) {
  const contractId = model.get('contractId');
  if (isBlank(contractId) || !(numberOf(model.get('amount')) < 0)) return;
  const others = await paidOn(
    db,
    Number(contractId),
    options.transaction,
    model.isNewRecord ? undefined : model.get('id'),
  );
  const after = Math.round((others + numberOf(model.get('amount'))) * 100);
  if (after < 0)
    throw new Refusal(
      check.language.t(
        '{{field}} {{amount}} would refund more than was paid on this contract ({{paid}}); nothing was saved',
        {
          field: check.fieldTitle('amount'),
          amount: money(Math.round(numberOf(model.get('amount')) * 100)),
          paid: money(Math.round(others * 100)),
        },
      ),
      { field: 'amount', status: 409 },
    );
}

/** Deleting a payment must not leave the contract with more refunded than paid (a payment removed after its refund). */
export async function checkPaymentRemoval(db: any, model: any, options: any) {
  const contractId = model.get('contractId');
  if (isBlank(contractId) || !(numberOf(model.get('amount')) > 0)) return;
  const left = await paidOn(db, Number(contractId), options.transaction, model.get('id'));
  if (left < 0) {
    const language = contractsLanguage(options);
    throw new Refusal(
      language.t(
        'This payment cannot be deleted: the refunds on its contract would then exceed what was paid ({{paid}}); nothing was deleted',
        {
          paid: money(Math.round(left * 100)),
        },
      ),
      { field: 'amount', status: 409 },
    );
  }
}

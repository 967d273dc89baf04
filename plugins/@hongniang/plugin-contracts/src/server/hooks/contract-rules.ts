// A contract's values, on every write path (a form, the API, an update by filter: plugin.ts makes bulk writes run these
// per row): the member, package, price, term and promised introductions stated; known options; a price of 0 or more; an
// end not before the start; whole numbers for introductions and cooling-off days; a signed date once signed; the paid
// amount and balance due left to the server. A refusal names the field (400) and nothing is written.
import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { dayOf, readReminderSettings } from '@hongniang/plugin-follow-ups';
import { contractsLanguage } from '../language/contracts-language';
import { CONTRACT_STATUSES, ENDED_EARLY, PACKAGES, labelOf } from '../language/vocabulary';
import { FieldChecks, dayText, isBlank, numberOf, writes } from './checks';

/** Fields the server keeps from the payments (hooks/balance.ts): a request may resend their stored values, not change them. */
export const DERIVED_AMOUNTS = ['paidAmount', 'balanceDue'];

/**
 * Checks a contract about to be saved (`model`, a Sequelize instance of `contracts`) and fills what the server derives:
 * on a new contract nothing paid and the whole price due; the balance again when the price changes; the day it ended,
 * today, when it becomes 已终止 or 已退款 without one. Throws a `Refusal` (400, the field named, the caller's language).
 */
export async function checkContract(db: any, model: any, options: any) {
  const collection = db.getCollection('contracts');
  const language = contractsLanguage(options);
  const check = new FieldChecks(collection, model, language);
  check.required('package', 'price', 'startDate', 'endDate', 'promisedIntroductions');
  if (writes(model, 'memberId') && isBlank(model.get('memberId')))
    check.refuse('member', '{{field}} is required; nothing was saved');
  check.option('package', PACKAGES);
  check.option('status', CONTRACT_STATUSES);
  check.amount('price', 0);
  check.wholeNumber('promisedIntroductions', 0, 10_000);
  check.wholeNumber('coolingOffDays', 0, 90);
  for (const field of ['startDate', 'endDate', 'signedDate', 'endedOn']) check.day(field);
  checkTerm(check, model, collection);
  await endedToday(db, model, options);
  const status = model.get('status') ?? 'pending';
  if (
    status !== 'pending' &&
    (writes(model, 'status') || writes(model, 'signedDate')) &&
    isBlank(model.get('signedDate'))
  )
    check.refuse('signedDate', '{{field}} is required once the contract is {{status}}; nothing was saved', {
      status: labelOf(CONTRACT_STATUSES, status, language.locale),
    });
  keepDerivedAmounts(check, model, options);
  if (isBlank(model.get('coolingOffDays'))) model.set('coolingOffDays', 7);
}

/** The end not before the start; the signature and the early end not before each other. */
function checkTerm(check: FieldChecks, model: any, collection: any) {
  const [start, end] = [dayText(model.get('startDate')), dayText(model.get('endDate'))];
  if ((writes(model, 'startDate') || writes(model, 'endDate')) && start && end && end < start)
    check.refuse('endDate', '{{field}} ({{end}}) cannot be before {{start}} ({{begin}}); nothing was saved', {
      end,
      begin: start,
      start: fieldTitle(collection, 'startDate', check.language),
    });
  const [signed, ended] = [dayText(model.get('signedDate')), dayText(model.get('endedOn'))];
  if ((writes(model, 'signedDate') || writes(model, 'endedOn')) && signed && ended && ended < signed)
    check.refuse('endedOn', '{{field}} ({{end}}) cannot be before {{start}} ({{begin}}); nothing was saved', {
      end: ended,
      begin: signed,
      start: fieldTitle(collection, 'signedDate', check.language),
    });
}

/** A contract that becomes 已终止 or 已退款 without the day it ended ends today (agency day). */
async function endedToday(db: any, model: any, options: any) {
  if (!writes(model, 'status') || !ENDED_EARLY.includes(model.get('status')) || !isBlank(model.get('endedOn'))) return;
  const { timeZone } = await readReminderSettings(db, options.transaction);
  model.set('endedOn', dayOf(new Date(), timeZone));
}

/**
 * Paid and balance due are the server's: a new contract starts with nothing paid and its price due; a request may send
 * the stored values back (an edit form does) but not others (400, naming the field); a new price moves the balance.
 */
function keepDerivedAmounts(check: FieldChecks, model: any, options: any) {
  const price = numberOf(model.get('price'));
  if (model.isNewRecord) {
    for (const field of DERIVED_AMOUNTS) {
      const given = model.get(field);
      const expected = field === 'paidAmount' ? 0 : price;
      if (options?.context && !isBlank(given) && numberOf(given) !== 0 && numberOf(given) !== expected)
        check.refuse(field, '{{field}} is computed from the payments; record a payment instead. Nothing was saved');
    }
    model.set('paidAmount', 0);
    model.set('balanceDue', price);
    return;
  }
  for (const field of DERIVED_AMOUNTS)
    if (model.changed(field) && numberOf(model.get(field)) !== numberOf(model.previous(field)))
      throw new Refusal(
        check.language.t('{{field}} is computed from the payments; record a payment instead. Nothing was saved', {
          field: fieldTitle(model.constructor.collection, field, check.language),
        }),
        { field },
      );
  if (model.changed('price'))
    model.set('balanceDue', Math.round((price - numberOf(model.get('paidAmount'))) * 100) / 100);
}

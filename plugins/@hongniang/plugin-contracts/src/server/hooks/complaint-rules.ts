// A complaint's values, on every write path: member, category and content stated; known options; a receipt not in the
// future; the due day computed by the server (3 working days after the agency day of receipt, weekends skipped); a
// resolution before it is answered or closed; the member's satisfaction only about an answer.
import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { dayOf, readReminderSettings } from '@hongniang/plugin-follow-ups';
import { contractsLanguage } from '../language/contracts-language';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  SATISFACTION,
  UNANSWERED,
  labelOf,
} from '../language/vocabulary';
import { addWorkingDays } from '../ledger/working-days';
import { readContractSettings } from '../setup/settings';
import { FieldChecks, dayText, isBlank, writes } from './checks';

/** A receipt this far ahead of the server's clock is a typing error, not a clock difference. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Checks a complaint about to be saved and fills what the server derives (`receivedAt` now when not given, `dueOn`,
 * `answeredAt`); throws a `Refusal` (400, naming the field, in the caller's language).
 */
export async function checkComplaint(db: any, model: any, options: any) {
  const collection = db.getCollection('complaints');
  const language = contractsLanguage(options);
  const check = new FieldChecks(collection, model, language);
  if (writes(model, 'memberId') && isBlank(model.get('memberId')))
    check.refuse('member', '{{field}} is required; nothing was saved');
  check.required('category', 'content');
  check.option('category', COMPLAINT_CATEGORIES);
  check.option('channel', COMPLAINT_CHANNELS);
  check.option('status', COMPLAINT_STATUSES);
  check.option('satisfaction', SATISFACTION);
  if (model.isNewRecord && isBlank(model.get('receivedAt'))) model.set('receivedAt', new Date());
  const received = new Date(model.get('receivedAt'));
  if (writes(model, 'receivedAt') && Number.isNaN(received.getTime()))
    check.refuse('receivedAt', '{{field}} must be a date and time, not "{{value}}"; nothing was saved', {
      value: model.get('receivedAt'),
    });
  if (writes(model, 'receivedAt') && received.getTime() > Date.now() + CLOCK_SLACK_MS)
    check.refuse('receivedAt', '{{field}} cannot be in the future; nothing was saved');
  await setDue(db, model, options, check);
  const status = model.get('status') ?? 'open';
  const answered = !UNANSWERED.includes(status);
  if (answered && (writes(model, 'status') || writes(model, 'resolution')) && isBlank(model.get('resolution')))
    check.refuse('resolution', '{{field}} is required before the complaint is {{status}}; nothing was saved', {
      status: labelOf(COMPLAINT_STATUSES, status, language.locale),
    });
  if (!answered && writes(model, 'satisfaction') && !isBlank(model.get('satisfaction')))
    check.refuse('satisfaction', '{{field}} can be recorded once the complaint is answered; nothing was saved');
  if (answered && isBlank(model.get('answeredAt'))) model.set('answeredAt', new Date());
  if (!answered && writes(model, 'status')) model.set('answeredAt', null);
}

/** The due day from the receipt: a request may resend the stored one (an edit form does), not set another. */
async function setDue(db: any, model: any, options: any, check: FieldChecks) {
  const settings = await readContractSettings(db, options.transaction);
  const { timeZone } = await readReminderSettings(db, options.transaction);
  const due = addWorkingDays(dayOf(new Date(model.get('receivedAt')), timeZone), settings.complaintWorkingDays);
  const given = dayText(model.get('dueOn'));
  if (
    options?.context &&
    writes(model, 'dueOn') &&
    given &&
    given !== due &&
    given !== dayText(model.previous('dueOn'))
  )
    throw new Refusal(
      check.language.t('{{field}} is computed from {{received}} ({{days}} working days); nothing was saved', {
        field: check.fieldTitle('dueOn'),
        received: fieldTitle(db.getCollection('complaints'), 'receivedAt', check.language),
        days: settings.complaintWorkingDays,
      }),
      { field: 'dueOn' },
    );
  model.set('dueOn', due);
}

// How a date went for each member (dateFeedback), on every write path: one feedback per member per date, only for a date
// that took place (已完成), only for one of its two members, recorded by that member's own matchmaker or by someone who
// works every introduction (./own-side.ts, the consents' rule). Both members' 愿意继续 on a date bring the introduction to
// 交往中 (through 已约见 if it is still at 双方同意); a 不继续 ends it (约会后不继续, naming the side and the reasons) — in
// the same transaction, through the stage rules and their history.
import { rowByRow } from '@hongniang/plugin-core';
import { introductionsLanguage, optionLabel } from '../language/introductions-language';
import { CONTINUE_ANSWERS, DATE_STATUSES, FEEDBACK_REASONS } from '../language/vocabulary';
import { callerId, requestOf, withRequest } from '../middlewares/remember-request';
import { checkOwnSide } from './own-side';
import { writtenId } from './written-ids';
import { checkOption, labels, refusal, refuseUnwritable } from './refusals';
import { isOpen } from './stages';

/** What a caller may change on recorded feedback; the date and the member are fixed. */
const CALLER_WRITABLE = new Set(['satisfaction', 'wantsToContinue', 'reasons', 'comment', 'updatedAt']);

export const SATISFACTION = { min: 1, max: 5 };

export function enforceFeedbackRules(db: any) {
  db.on('dateFeedback.beforeCreate', (feedback: any, options: any) => checkNew(db, feedback, options));
  db.on('dateFeedback.beforeUpdate', (feedback: any, options: any) => checkChange(db, feedback, options));
  db.on('dateFeedback.afterCreate', (feedback: any, options: any) => followAnswer(db, feedback, options));
  db.on('dateFeedback.afterUpdate', (feedback: any, options: any) => {
    if (feedback.changed('wantsToContinue') || feedback.changed('reasons')) return followAnswer(db, feedback, options);
  });
  rowByRow(db, 'dateFeedback');
}

async function checkNew(db: any, feedback: any, options: any) {
  const collection = feedback.constructor.collection;
  const dateId = writtenId(feedback, 'date', options);
  const memberId = writtenId(feedback, 'member', options);
  if (dateId == null || dateId === '') throw refusal(collection, 'date', options, '“{{field}}” is required');
  if (memberId == null || memberId === '') throw refusal(collection, 'member', options, '“{{field}}” is required');
  const date = await db.getRepository('dates').findOne({ filterByTk: dateId, transaction: options.transaction });
  if (!date) throw refusal(collection, 'date', options, '“{{field}}” names no date (no. {{id}})', { id: dateId });
  if (date.get('status') !== 'completed')
    throw refusal(
      collection,
      'date',
      options,
      'Feedback is recorded for a date that is “{{completed}}”; date no. {{id}} is “{{status}}”',
      {
        completed: labels(options, DATE_STATUSES, ['completed']),
        id: dateId,
        status: labels(options, DATE_STATUSES, [date.get('status')]),
      },
    );
  if (![date.get('memberAId'), date.get('memberBId')].map(String).includes(String(memberId)))
    throw refusal(collection, 'member', options, '“{{field}}” must be one of the two members of the date');
  await checkSide(db, collection, memberId, options);
  const recorded = await db
    .getRepository('dateFeedback')
    .findOne({ filter: { dateId, memberId }, transaction: options.transaction });
  if (recorded)
    throw refusal(
      collection,
      'member',
      options,
      'This member’s feedback on the date is already recorded (no. {{id}}); change it instead',
      { id: recorded.get('id') },
    );
  feedback.set({
    dateId,
    memberId,
    wantsToContinue: feedback.get('wantsToContinue') ?? 'undecided',
    recordedById: callerId(options),
  });
  checkValues(feedback, options);
}

async function checkChange(db: any, feedback: any, options: any) {
  const collection = feedback.constructor.collection;
  const changed = (feedback.changed() || []) as string[];
  // NocoBase links the associations again after a create (a save with nothing changed): nothing to check then.
  if (!changed.length) return;
  refuseUnwritable(
    feedback,
    (key) => CALLER_WRITABLE.has(key),
    options,
    '“{{field}}” cannot be changed on date feedback; nothing was saved',
  );
  await checkSide(db, collection, feedback.get('memberId'), options);
  checkValues(feedback, options);
  feedback.set('recordedById', callerId(options));
}

const checkSide = (db: any, collection: any, memberId: unknown, options: any) =>
  checkOwnSide(
    db,
    collection,
    'member',
    memberId,
    options,
    'Only the matchmaker of “{{field}}” records that member’s feedback',
  );

function checkValues(feedback: any, options: any) {
  const collection = feedback.constructor.collection;
  const satisfaction = feedback.get('satisfaction');
  if (satisfaction == null || satisfaction === '')
    throw refusal(collection, 'satisfaction', options, '“{{field}}” is required');
  const score = Number(satisfaction);
  if (!Number.isInteger(score) || score < SATISFACTION.min || score > SATISFACTION.max)
    throw refusal(collection, 'satisfaction', options, '“{{field}}” must be a whole number from {{min}} to {{max}}', {
      ...SATISFACTION,
    });
  checkOption(collection, 'wantsToContinue', feedback.get('wantsToContinue'), CONTINUE_ANSWERS, options);
  const value = feedback.get('reasons');
  const reasons: unknown[] = value == null ? [] : Array.isArray(value) ? value : [value];
  for (const reason of reasons) checkOption(collection, 'reasons', reason, FEEDBACK_REASONS, options);
  feedback.set({ satisfaction: score, reasons: [...new Set(reasons)] });
}

/** Moves the date's introduction as the feedback requires (nothing once it is closed). */
async function followAnswer(db: any, feedback: any, options: any) {
  const answer = feedback.get('wantsToContinue');
  if (answer === 'undecided') return;
  const date = await db
    .getRepository('dates')
    .findOne({ filterByTk: feedback.get('dateId'), transaction: options.transaction });
  const introductions = db.getRepository('introductions');
  const introduction = await introductions.findOne({
    filterByTk: date.get('introductionId'),
    transaction: options.transaction,
  });
  if (!introduction || !isOpen(introduction.get('stage'))) return;
  const move = (values: Record<string, unknown>) =>
    introductions.update({
      filterByTk: introduction.get('id'),
      values,
      transaction: options.transaction,
      context: requestOf(options),
    });
  if (answer === 'no') {
    const endNote = await declineNote(db, feedback, date, options);
    return move({ stage: 'ended', endReason: 'notContinuingAfterDate', endNote });
  }
  const yes = await db.getRepository('dateFeedback').count({
    filter: {
      dateId: date.get('id'),
      memberId: { $in: [date.get('memberAId'), date.get('memberBId')] },
      wantsToContinue: 'yes',
    },
    transaction: options.transaction,
  });
  if (yes < 2) return;
  // A date took place (it is 已完成): an introduction still at 双方同意 passes through 已约见, both steps in the history.
  if (introduction.get('stage') === 'bothAgreed') await move({ stage: 'met' });
  if (['bothAgreed', 'met'].includes(introduction.get('stage'))) await move({ stage: 'dating' });
}

/** The end note of an introduction a member's 不继续 ended: which side, after which date, and her reasons. */
async function declineNote(db: any, feedback: any, date: any, options: any) {
  const language = introductionsLanguage(withRequest(options));
  const member = await db
    .getRepository('members')
    .findOne({ filterByTk: feedback.get('memberId'), transaction: options.transaction });
  const side = String(date.get('memberAId')) === String(feedback.get('memberId')) ? 'Side A' : 'Side B';
  const reasons: string[] = feedback.get('reasons') || [];
  const values = {
    side: language.t(side),
    name: member?.get('name') ?? feedback.get('memberId'),
    id: date.get('id'),
    reasons: language.list(reasons.map((reason) => optionLabel(language, FEEDBACK_REASONS, reason))),
  };
  return reasons.length
    ? language.t('{{side}} {{name}} does not want to continue after date no. {{id}}; reasons: {{reasons}}', values)
    : language.t('{{side}} {{name}} does not want to continue after date no. {{id}}', values);
}

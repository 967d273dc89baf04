// Each side's answer to an introduction (introductionConsents), on every write path: one consent per side, recorded by
// that side's own matchmaker (or by someone who works every introduction: a manager), while the introduction is open.
// An answer is journalled in the history; a 拒绝 ends the introduction, two 同意 bring it to 双方同意 — in the same transaction.
import { rowByRow } from '@hongniang/plugin-core';
import { ANSWERS, CHANNELS, STAGES } from '../language/vocabulary';
import { callerId, requestOf } from '../middlewares/remember-request';
import { writeHistory } from './history';
import { checkOption, labels, refusal, refuseUnwritable } from './refusals';
import { checkOwnSide as checkSide } from './own-side';
import { isOpen } from './stages';

/** What a caller may change on a recorded consent: the answer and how it was given; the side and introduction are fixed. */
const CALLER_WRITABLE = new Set(['answer', 'askedAt', 'channel', 'note', 'updatedAt']);

export function enforceConsentRules(db: any) {
  db.on('introductionConsents.beforeCreate', (consent: any, options: any) => checkNew(db, consent, options));
  db.on('introductionConsents.beforeUpdate', (consent: any, options: any) => checkChange(db, consent, options));
  db.on('introductionConsents.afterCreate', (consent: any, options: any) => followAnswer(db, consent, options));
  db.on('introductionConsents.afterUpdate', (consent: any, options: any) => {
    if (consent.changed('answer') || consent.changed('channel') || consent.changed('note'))
      return followAnswer(db, consent, options);
  });
  rowByRow(db, 'introductionConsents');
}

async function checkNew(db: any, consent: any, options: any) {
  const collection = consent.constructor.collection;
  const introductionId = consent.get('introductionId');
  const memberId = consent.get('memberId');
  if (introductionId == null) throw refusal(collection, 'introduction', options, '“{{field}}” is required');
  if (memberId == null) throw refusal(collection, 'member', options, '“{{field}}” is required');
  const introduction = await openIntroduction(db, consent, options);
  if (![introduction.get('memberAId'), introduction.get('memberBId')].map(String).includes(String(memberId)))
    throw refusal(collection, 'member', options, '“{{field}}” must be one of the two members of the introduction');
  await checkOwnSide(db, consent, options);
  const recorded = await db.getRepository('introductionConsents').findOne({
    filter: { introductionId, memberId },
    transaction: options.transaction,
  });
  if (recorded)
    throw refusal(
      collection,
      'member',
      options,
      'This side’s consent is already recorded (no. {{id}}); change its answer instead',
      { id: recorded.get('id') },
    );
  checkOptions(consent, options);
  const now = new Date();
  consent.set({
    answer: consent.get('answer') ?? 'considering',
    askedAt: consent.get('askedAt') ?? now,
    recordedById: callerId(options),
  });
  consent.set('answeredAt', consent.get('answer') === 'considering' ? null : now);
}

async function checkChange(db: any, consent: any, options: any) {
  refuseUnwritable(
    consent,
    (key) => CALLER_WRITABLE.has(key),
    options,
    '“{{field}}” cannot be changed on a consent; nothing was saved',
  );
  // NocoBase links the associations again after a create (a save with nothing changed): nothing to check then.
  if (!(consent.changed() || []).length) return;
  await openIntroduction(db, consent, options);
  await checkOwnSide(db, consent, options);
  checkOptions(consent, options);
  consent.set('recordedById', callerId(options));
  if (consent.changed('answer')) consent.set('answeredAt', consent.get('answer') === 'considering' ? null : new Date());
}

function checkOptions(consent: any, options: any) {
  const collection = consent.constructor.collection;
  checkOption(collection, 'answer', consent.get('answer'), ANSWERS, options);
  checkOption(collection, 'channel', consent.get('channel'), CHANNELS, options);
}

/** The consent's introduction, which must exist and be open (a closed one takes no more answers). */
async function openIntroduction(db: any, consent: any, options: any) {
  const collection = consent.constructor.collection;
  const id = consent.get('introductionId');
  const introduction = await db
    .getRepository('introductions')
    .findOne({ filterByTk: id, transaction: options.transaction });
  if (!introduction)
    throw refusal(collection, 'introduction', options, '“{{field}}” names no introduction (no. {{id}})', { id });
  if (!isOpen(introduction.get('stage')))
    throw refusal(
      collection,
      'introduction',
      options,
      'The introduction is closed (“{{stage}}”): it takes no more answers',
      {
        stage: labels(options, STAGES, [introduction.get('stage')]),
      },
    );
  return introduction;
}

/** A matchmaker records her own member's side only (./own-side.ts); a manager either side. */
const checkOwnSide = (db: any, consent: any, options: any) =>
  checkSide(
    db,
    consent.constructor.collection,
    'member',
    consent.get('memberId'),
    options,
    'Only the matchmaker of “{{field}}” records that side’s consent',
  );

/** Journals the answer, and moves the introduction as the answers require. */
async function followAnswer(db: any, consent: any, options: any) {
  const introductions = db.getRepository('introductions');
  const introduction = await introductions.findOne({
    filterByTk: consent.get('introductionId'),
    transaction: options.transaction,
  });
  const answer = consent.get('answer');
  await writeHistory(
    db,
    {
      introductionId: introduction.get('id'),
      event: 'consent',
      fromStage: introduction.get('stage'),
      toStage: introduction.get('stage'),
      memberId: consent.get('memberId'),
      answer,
      note: consent.get('note'),
    },
    options,
  );
  const move = (values: Record<string, unknown>) =>
    introductions.update({
      filterByTk: introduction.get('id'),
      values,
      transaction: options.transaction,
      context: requestOf(options),
    });
  if (answer === 'declined') return move({ stage: 'ended', endReason: 'sideDeclined' });
  if (answer !== 'agreed' || !['recommendedToA', 'recommendedToB'].includes(introduction.get('stage'))) return;
  const agreed = await db.getRepository('introductionConsents').count({
    filter: { introductionId: introduction.get('id'), answer: 'agreed' },
    transaction: options.transaction,
  });
  if (agreed < 2) return;
  // Side B's 同意 means B was asked: an introduction still at 推荐给甲方 passes through 推荐给乙方 (both steps in the history).
  if (introduction.get('stage') === 'recommendedToA') await move({ stage: 'recommendedToB' });
  await move({ stage: 'bothAgreed' });
}

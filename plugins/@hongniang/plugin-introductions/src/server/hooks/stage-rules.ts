// The rules of an introduction, held on every path that writes one (create, update, update by filter, firstOrCreate,
// updateOrCreate, association routes, imports, kanban `move`): the pair, the first stage, one step at a time, an end
// with its reason, both sides' consent before 双方同意, a date that took place before 已约见. Every stage change is written to the history in the same transaction.
import { rowByRow } from '@hongniang/plugin-core';
import { ANSWERS, DATE_STATUSES, END_REASONS, STAGES } from '../language/vocabulary';
import { callerId } from '../middlewares/remember-request';
import { writeHistory } from './history';
import { pairTitle } from './pair-title';
import { writtenId } from './written-ids';
import { checkOption, labels, refusal, refuseUnwritable } from './refusals';
import { allowedSteps, FIRST_STAGE, isOpen, pairKey } from './stages';

/** What a caller may change on an introduction; the rest is the pair (fixed at creation) or kept by the server. */
const CALLER_WRITABLE = new Set(['stage', 'endReason', 'endNote', 'note', 'updatedAt', 'updatedById']);

export function enforceStageRules(db: any) {
  db.on('introductions.beforeCreate', (introduction: any, options: any) => checkNew(db, introduction, options));
  db.on('introductions.afterCreate', (introduction: any, options: any) =>
    writeHistory(
      db,
      { introductionId: introduction.get('id'), event: 'stage', fromStage: null, toStage: introduction.get('stage') },
      options,
    ),
  );
  db.on('introductions.beforeUpdate', (introduction: any, options: any) => checkChange(db, introduction, options));
  db.on('introductions.afterUpdate', (introduction: any, options: any) => {
    if (!introduction.changed('stage')) return;
    return writeHistory(
      db,
      {
        introductionId: introduction.get('id'),
        event: 'stage',
        fromStage: introduction.previous('stage'),
        toStage: introduction.get('stage'),
        note: introduction.get('stage') === 'ended' ? introduction.get('endNote') : null,
      },
      options,
    );
  });
  // Imports and updates by filter (or through members/<id>/…) go row by row, through the checks above.
  rowByRow(db, 'introductions');
}

async function checkNew(db: any, introduction: any, options: any) {
  const collection = introduction.constructor.collection;
  const a = writtenId(introduction, 'memberA', options);
  const b = writtenId(introduction, 'memberB', options);
  for (const [field, id] of [
    ['memberA', a],
    ['memberB', b],
  ]) {
    if (id == null || id === '') throw refusal(collection, field, options, '“{{field}}” is required');
    const found = await db.getRepository('members').findOne({ filterByTk: id, transaction: options.transaction });
    if (!found) throw refusal(collection, field, options, '“{{field}}” names no member (no. {{id}})', { id });
  }
  if (String(a) === String(b))
    throw refusal(
      collection,
      'memberB',
      options,
      'A member cannot be introduced to herself: choose another “{{field}}”',
    );
  const stage = introduction.get('stage') ?? FIRST_STAGE;
  checkOption(collection, 'stage', stage, STAGES, options);
  if (stage !== FIRST_STAGE)
    throw refusal(collection, 'stage', options, 'A new introduction starts at “{{first}}”', {
      first: labels(options, STAGES, [FIRST_STAGE]),
    });
  checkOption(collection, 'endReason', introduction.get('endReason'), END_REASONS, options);
  const key = pairKey(a, b);
  const open = await db
    .getRepository('introductions')
    .findOne({ filter: { openPairKey: key }, transaction: options.transaction });
  if (open)
    throw refusal(
      collection,
      'memberB',
      options,
      'These two members already have an open introduction (no. {{id}}); end it before starting another',
      { id: open.get('id') },
    );
  introduction.set({
    memberAId: a,
    memberBId: b,
    title: await pairTitle(db, a, b, options.transaction),
    stage,
    openPairKey: key,
    startedById: callerId(options),
    stageChangedAt: new Date(),
    endedAt: null,
    endReason: null,
  });
}

async function checkChange(db: any, introduction: any, options: any) {
  const collection = introduction.constructor.collection;
  // The kanban board's sort field (`stage_sort`) moves with the card.
  refuseUnwritable(
    introduction,
    (key) => CALLER_WRITABLE.has(key) || collection.getField(key)?.type === 'sort',
    options,
    '“{{field}}” cannot be changed on an introduction; nothing was saved',
  );
  checkOption(collection, 'endReason', introduction.get('endReason'), END_REASONS, options);
  if (!introduction.changed('stage')) return;
  const from = introduction.previous('stage');
  const to = introduction.get('stage');
  checkOption(collection, 'stage', to, STAGES, options);
  const steps = allowedSteps(from);
  if (!steps.includes(to)) {
    const values = { from: labels(options, STAGES, [from]), to: labels(options, STAGES, [to]) };
    if (!steps.length)
      throw refusal(
        collection,
        'stage',
        options,
        '“{{field}}” cannot go from “{{from}}” to “{{to}}”: the introduction is closed; start a new one instead',
        values,
      );
    throw refusal(
      collection,
      'stage',
      options,
      '“{{field}}” cannot go from “{{from}}” to “{{to}}”; it can go to: {{next}}',
      {
        ...values,
        next: labels(options, STAGES, steps),
      },
    );
  }
  if (to === 'ended' && !introduction.get('endReason'))
    throw refusal(collection, 'endReason', options, 'An ended introduction needs “{{field}}”');
  if (to === 'bothAgreed') await checkBothAgreed(db, introduction, options);
  if (to === 'met') await checkMet(db, introduction, options);
  introduction.set({
    stageChangedAt: new Date(),
    ...(to === 'ended' ? { endedAt: new Date() } : {}),
    ...(isOpen(to) ? {} : { openPairKey: null }),
  });
}

/** 双方同意 only once both sides' consents say 同意. */
async function checkBothAgreed(db: any, introduction: any, options: any) {
  const agreed = await db.getRepository('introductionConsents').count({
    filter: {
      introductionId: introduction.get('id'),
      memberId: { $in: [introduction.get('memberAId'), introduction.get('memberBId')] },
      answer: 'agreed',
    },
    transaction: options.transaction,
  });
  if (agreed < 2)
    throw refusal(
      introduction.constructor.collection,
      'stage',
      options,
      '“{{field}}” can become “{{to}}” only when both sides’ consents are “{{agreed}}”',
      { to: labels(options, STAGES, ['bothAgreed']), agreed: labels(options, ANSWERS, ['agreed']) },
    );
}

/** 已约见 only once a date of the introduction took place (status 已完成). */
async function checkMet(db: any, introduction: any, options: any) {
  const completed = await db.getRepository('dates').count({
    filter: { introductionId: introduction.get('id'), status: 'completed' },
    transaction: options.transaction,
  });
  if (!completed)
    throw refusal(
      introduction.constructor.collection,
      'stage',
      options,
      '“{{field}}” can become “{{to}}” only once a date of the introduction is “{{completed}}”',
      { to: labels(options, STAGES, ['met']), completed: labels(options, DATE_STATUSES, ['completed']) },
    );
}

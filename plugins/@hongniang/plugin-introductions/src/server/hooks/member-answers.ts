// Each side's consent to an introduction and each member's "continue?" after a date, as members' answers about one another
// (plugin-core's provideAnswers), for matching to learn from; and the word, in the write's transaction, that a pair's
// answers changed. Consent 同意 → yes, 拒绝 → no, 考虑中 → none; feedback 愿意继续 → yes, 不继续 → no, 待定 → none.
import { Application } from '@nocobase/server';
import { Op } from '@nocobase/database';
import { AnswerProvider, AnsweredPair, MemberAnswer, answersChanged } from '@hongniang/plugin-core';

const CONSENT_ANSWERS: Record<string, 'yes' | 'no'> = { agreed: 'yes', declined: 'no' };
const CONTINUE_ANSWERS: Record<string, 'yes' | 'no'> = { yes: 'yes', no: 'no' };
/** Rows per page of the history: one query's parameters stay well under every database's limit. */
const PAGE = 2000;

const otherSide = (pair: any, memberId: number) =>
  Number(pair.memberAId) === memberId ? Number(pair.memberBId) : Number(pair.memberAId);

/** Consents and feedback of the agency as answers: the history page by page, one pair's on demand. */
export const introductionAnswers: AnswerProvider = {
  async *all(db) {
    for await (const rows of pages(
      db,
      'introductionConsents',
      ['introductionId', 'memberId', 'answer'],
      'answer',
      CONSENT_ANSWERS,
    ))
      yield consentAnswers(
        rows,
        await byId(
          db,
          'introductions',
          rows.map((row) => row.introductionId),
        ),
      );
    for await (const rows of pages(
      db,
      'dateFeedback',
      ['dateId', 'memberId', 'wantsToContinue'],
      'wantsToContinue',
      CONTINUE_ANSWERS,
    ))
      yield feedbackAnswers(
        rows,
        await byId(
          db,
          'dates',
          rows.map((row) => row.dateId),
        ),
      );
  },

  async between(db, memberId, partnerId) {
    const pair = [memberId, partnerId];
    const introductions: any[] = await db.getModel('introductions').findAll({
      where: { memberAId: pair, memberBId: pair },
      attributes: ['id', 'memberAId', 'memberBId', 'createdAt'],
      raw: true,
    });
    if (!introductions.length) return [];
    const consents = await db.getModel('introductionConsents').findAll({
      where: { introductionId: introductions.map((row) => row.id), memberId, answer: Object.keys(CONSENT_ANSWERS) },
      attributes: ['id', 'introductionId', 'memberId', 'answer'],
      raw: true,
    });
    const dates: any[] = await db.getModel('dates').findAll({
      where: { introductionId: introductions.map((row) => row.id) },
      attributes: ['id', 'memberAId', 'memberBId', 'startsAt', 'createdAt'],
      raw: true,
    });
    const feedback = dates.length
      ? await db.getModel('dateFeedback').findAll({
          where: { dateId: dates.map((row) => row.id), memberId, wantsToContinue: Object.keys(CONTINUE_ANSWERS) },
          attributes: ['id', 'dateId', 'memberId', 'wantsToContinue'],
          raw: true,
        })
      : [];
    return [
      ...consentAnswers(consents, new Map(introductions.map((row) => [Number(row.id), row]))),
      ...feedbackAnswers(feedback, new Map(dates.map((row) => [Number(row.id), row]))),
    ];
  },
};

/** Tells the listeners (matching) when a consent's or a feedback's answer is written or deleted, with the pair it is about. */
export function announceAnswers(app: Application) {
  const db = app.db;
  const announce = (collection: string, parent: string, parentKey: string, field: string) => {
    const changed = async (record: any, options: any) => {
      const pairs: AnsweredPair[] = [];
      const parentIds = new Set([record.get(parentKey), record.previous?.(parentKey)].filter((id) => id != null));
      const members = new Set([record.get('memberId'), record.previous?.('memberId')].filter((id) => id != null));
      for (const parentId of parentIds) {
        const row = await db.getModel(parent).findByPk(parentId, { raw: true, transaction: options.transaction });
        if (!row) continue;
        for (const memberId of members) {
          const partnerId = otherSide(row, Number(memberId));
          if (partnerId !== Number(memberId)) pairs.push({ memberId: Number(memberId), partnerId });
        }
      }
      await answersChanged(app, pairs, { transaction: options.transaction });
    };
    db.on(`${collection}.afterCreate`, changed);
    db.on(`${collection}.afterUpdate`, (record: any, options: any) => {
      if (record.changed(field) || record.changed('memberId') || record.changed(parentKey))
        return changed(record, options);
    });
    db.on(`${collection}.afterDestroy`, changed);
  };
  announce('introductionConsents', 'introductions', 'introductionId', 'answer');
  announce('dateFeedback', 'dates', 'dateId', 'wantsToContinue');
}

function consentAnswers(rows: any[], introductions: Map<number, any>): MemberAnswer[] {
  return rows.flatMap((row) => {
    const introduction = introductions.get(Number(row.introductionId));
    if (!introduction) return [];
    const memberId = Number(row.memberId);
    return [
      {
        memberId,
        partnerId: otherSide(introduction, memberId),
        answer: CONSENT_ANSWERS[row.answer],
        step: 'introduction' as const,
        // A later introduction of the same pair outranks an earlier one.
        at: new Date(introduction.createdAt),
        source: 'introductionConsents',
        sourceId: Number(row.id),
      },
    ];
  });
}

function feedbackAnswers(rows: any[], dates: Map<number, any>): MemberAnswer[] {
  return rows.flatMap((row) => {
    const date = dates.get(Number(row.dateId));
    if (!date) return [];
    const memberId = Number(row.memberId);
    return [
      {
        memberId,
        partnerId: otherSide(date, memberId),
        answer: CONTINUE_ANSWERS[row.wantsToContinue],
        step: 'date' as const,
        // The feedback on a later date outranks the one on an earlier date.
        at: new Date(date.startsAt ?? date.createdAt),
        source: 'dateFeedback',
        sourceId: Number(row.id),
      },
    ];
  });
}

/** The rows of `collection` holding a yes or a no in `field`, by id, PAGE at a time. */
async function* pages(
  db: any,
  collection: string,
  attributes: string[],
  field: string,
  answers: Record<string, unknown>,
) {
  let after = 0;
  for (;;) {
    const rows: any[] = await db.getModel(collection).findAll({
      where: { id: { [Op.gt]: after }, [field]: Object.keys(answers) },
      attributes: ['id', ...attributes],
      order: [['id', 'ASC']],
      limit: PAGE,
      raw: true,
    });
    if (!rows.length) return;
    yield rows;
    after = Number(rows[rows.length - 1].id);
  }
}

/** The pairs (introductions or dates) named by a page of rows, by id. */
async function byId(db: any, collection: string, ids: unknown[]) {
  const rows: any[] = await db.getModel(collection).findAll({
    where: { id: [...new Set(ids.map(Number))] },
    attributes: ['id', 'memberAId', 'memberBId', 'createdAt', ...(collection === 'dates' ? ['startsAt'] : [])],
    raw: true,
  });
  return new Map(rows.map((row) => [Number(row.id), row]));
}

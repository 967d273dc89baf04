// Date feedback as members' decisions (plugin-core's provideDecisions): what each member answered after her dates and
// why, for matching to learn from (weight proposals); and the word, in the feedback's transaction, that they changed.
import { Application } from '@nocobase/server';
import { decisionsChanged, MemberDecision } from '@hongniang/plugin-core';
import { FEEDBACK_REASONS } from '../language/vocabulary';
import { REASON_CRITERIA } from '../language/reason-criteria';

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value : typeof value === 'string' && value ? JSON.parse(value) : [];

/** A member's date feedback, oldest first, each as her decision about the date's other member (two queries). */
export async function feedbackDecisions(db: any, memberId: number, transaction?: any): Promise<MemberDecision[]> {
  const rows: any[] = await db.getModel('dateFeedback').findAll({
    where: { memberId },
    attributes: ['id', 'dateId', 'wantsToContinue', 'reasons', 'createdAt'],
    order: [['id', 'ASC']],
    raw: true,
    transaction,
  });
  if (!rows.length) return [];
  const dates: any[] = await db.getModel('dates').findAll({
    where: { id: rows.map((row) => row.dateId) },
    attributes: ['id', 'memberAId', 'memberBId'],
    raw: true,
    transaction,
  });
  const partnerOf = new Map(
    dates.map((date) => [
      Number(date.id),
      Number(date.memberAId) === Number(memberId) ? Number(date.memberBId) : Number(date.memberAId),
    ]),
  );
  return rows.map((row) => ({
    memberId: Number(memberId),
    partnerId: partnerOf.get(Number(row.dateId))!,
    decision: row.wantsToContinue,
    reasons: list(row.reasons).flatMap((value) => {
      const known = FEEDBACK_REASONS.find((reason) => reason.value === value);
      return known ? [{ ...known, criteria: REASON_CRITERIA[value] ?? [] }] : [];
    }),
    source: 'dateFeedback',
    sourceId: Number(row.id),
    at: new Date(row.createdAt),
  }));
}

/** Tells the listeners (matching) when a member's feedback is saved with a new answer or new reasons. */
export function announceDecisions(app: Application) {
  const announce = (feedback: any, options: any) =>
    decisionsChanged(app, Number(feedback.get('memberId')), {
      transaction: options.transaction,
      context: options.context,
    });
  app.db.on('dateFeedback.afterCreate', announce);
  app.db.on('dateFeedback.afterUpdate', (feedback: any, options: any) => {
    if (feedback.changed('wantsToContinue') || feedback.changed('reasons')) return announce(feedback, options);
  });
}

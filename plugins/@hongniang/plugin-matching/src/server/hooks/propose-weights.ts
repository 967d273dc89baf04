// Weight proposals, made as a member's decisions change (plugin-core's onDecisionsChanged): in the transaction of the
// change, for each criterion her declines keep pointing to, unless a proposal already answers it.
import { Application } from '@nocobase/server';
import { decisionsOf, DecisionListener } from '@hongniang/plugin-core';
import { readSettings } from './match-settings';
import { proposalsFor } from '../matching/weight-proposals';

/** Marks a write to weightProposals as matching's own (a request's options cannot carry a symbol). */
export const BY_MATCHING = Symbol('weight proposal written by matching');

/**
 * The listener: reads her decisions, her 择偶标准 and the agency's weights, and writes the proposals they call for. A
 * criterion is left alone while a proposal for it is proposed or accepted, and after a declined or reverted one until
 * more declines point to it than that proposal rested on. Nothing is proposed for a member without 择偶标准.
 */
export function proposeWeights(app: Application): DecisionListener {
  return async (memberId, { transaction, context }) => {
    const db = app.db;
    const preferences = await db
      .getModel('partnerPreferences')
      .findOne({ where: { memberId }, transaction, raw: true });
    if (!preferences) return;
    const decisions = await decisionsOf(app, db, memberId, transaction);
    if (!decisions.some((decision) => decision.decision === 'no')) return;
    const earlier: any[] = await db.getModel('weightProposals').findAll({
      where: { memberId },
      attributes: ['criterion', 'status', 'evidenceCount'],
      transaction,
      raw: true,
    });
    const answered = (criterion: string, evidenceCount: number) =>
      earlier.some(
        (row) =>
          row.criterion === criterion &&
          (['proposed', 'accepted'].includes(row.status) || Number(row.evidenceCount) >= evidenceCount),
      );
    const { engine } = await readSettings(db, transaction);
    for (const draft of proposalsFor(decisions, preferences as any, engine.weights, answered))
      await db.getRepository('weightProposals').create({
        values: { ...draft, memberId, evidenceCount: draft.evidence.length, status: 'proposed' },
        transaction,
        context,
        [BY_MATCHING]: true,
      } as any);
  };
}

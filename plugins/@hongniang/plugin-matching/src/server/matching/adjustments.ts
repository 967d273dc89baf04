// The weight adjustments in force for a member (accepted weight proposals, not reverted), as her match breakdowns
// explain them.
import { Criterion } from '@hongniang/matching-engine';

/** Why a criterion of hers weighs what it does: her weight before (null: the agency's), after, and the proposal's words. */
export interface Adjustment {
  proposalId: number;
  from: number | null;
  to: number;
  because: string;
  decidedAt: string | null;
}

/**
 * The member's adjustments in force, by criterion (the latest accepted proposal of each), in one query. A weight she
 * changed by hand afterwards is hers, not the proposal's: such a criterion is left out.
 */
export async function adjustmentsOf(db: any, memberId: number, transaction?: any): Promise<Map<Criterion, Adjustment>> {
  const rows: any[] = await db.getModel('weightProposals').findAll({
    where: { memberId, status: 'accepted' },
    attributes: ['id', 'criterion', 'fromWeight', 'toWeight', 'explanation', 'decidedAt'],
    order: [['id', 'ASC']],
    raw: true,
    transaction,
  });
  if (!rows.length) return new Map();
  const preferences: any = await db
    .getModel('partnerPreferences')
    .findOne({ where: { memberId }, raw: true, transaction });
  const adjustments = new Map<Criterion, Adjustment>();
  for (const row of rows) {
    if (Number(preferences?.[`${row.criterion}Weight`]) !== Number(row.toWeight)) continue;
    adjustments.set(row.criterion, {
      proposalId: Number(row.id),
      from: row.fromWeight == null ? null : Number(row.fromWeight),
      to: Number(row.toWeight),
      because: row.explanation,
      decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    });
  }
  return adjustments;
}

// What matching must not suggest, as introductions know it (registered through plugin-core's excludePairs, so neither
// plugin imports the other): a pair with an open introduction is out while it lasts, a closed one's pair for good.
import { Op } from '@nocobase/database';
import type { PairExclusions } from '@hongniang/plugin-core';
import { isOpen } from './stages';

/** The reasons, from the strongest: a pair with several introductions is out for the first that applies. */
export const PAIR_REASONS = ['inIntroduction', 'introductionDeclined', 'dateDeclined', 'introductionEnded'] as const;

/** The reason a closed introduction gives, by its end reason; any other end (or 结婚) is `introductionEnded`. */
const CLOSED_REASONS: Record<string, (typeof PAIR_REASONS)[number]> = {
  sideDeclined: 'introductionDeclined',
  notContinuingAfterDate: 'dateDeclined',
};

const reasonOf = (row: { stage: string; endReason: string | null }) =>
  isOpen(row.stage) ? 'inIntroduction' : (CLOSED_REASONS[row.endReason ?? ''] ?? 'introductionEnded');

/**
 * For each member asked about, the members she has an introduction with (either side) and why the pair is out:
 * `inIntroduction` (open), `introductionDeclined` (ended by a side's refusal), `dateDeclined` (ended by a member's 不继续
 * after a date), `introductionEnded` (closed otherwise).
 */
export async function introducedPairs(db: any, memberIds: number[], transaction?: any): Promise<PairExclusions> {
  const pairs: PairExclusions = new Map();
  if (!memberIds.length) return pairs;
  const rows: any[] = await db.getModel('introductions').findAll({
    attributes: ['memberAId', 'memberBId', 'stage', 'endReason'],
    where: { [Op.or]: [{ memberAId: memberIds }, { memberBId: memberIds }] },
    raw: true,
    transaction,
  });
  const asked = new Set(memberIds);
  const note = (memberId: number, other: number, reason: string) => {
    if (!asked.has(memberId)) return;
    const mine = pairs.get(memberId) ?? new Map<number, string>();
    const before = mine.get(other);
    if (!before || PAIR_REASONS.indexOf(reason as any) < PAIR_REASONS.indexOf(before as any)) mine.set(other, reason);
    pairs.set(memberId, mine);
  };
  for (const row of rows) {
    const [a, b] = [Number(row.memberAId), Number(row.memberBId)];
    if (!a || !b) continue;
    const reason = reasonOf(row);
    note(a, b, reason);
    note(b, a, reason);
  }
  return pairs;
}

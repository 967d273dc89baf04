// The counts of meta.excluded: why candidates were left out, with the reasons a matchmaker needs — and only those the
// caller may be told (a member's service status and consent are archive fields: others' members get one reason).
import { MatchOutcome, precheck } from '@hongniang/matching-engine';
import { CallerView } from './caller-view';
import { MemberPool } from './member-pool';

const NOT_RECOMMENDABLE = ['doNotRecommend', 'notInService', 'notConsented'];

/** The engine's counts, with why a member is not recommendable and why a pair is out, for a full search or the chosen. */
export function exclusionCounts(
  pool: MemberPool,
  memberId: number,
  outcome: MatchOutcome,
  pairs: Map<number, string>,
  chosen: number[] | null,
  view: CallerView,
) {
  const { notRecommendable, excludedPair, ...rest } = outcome.excluded;
  const counts: Record<string, number> = { self: chosen && !chosen.includes(memberId) ? 0 : 1 };
  if (notRecommendable) {
    if (chosen) {
      for (const id of new Set(chosen)) {
        const reason = id === memberId ? null : pool.reasonNotRecommendable(id);
        if (reason) counts[reason] = (counts[reason] ?? 0) + 1;
      }
    } else Object.assign(counts, pool.notRecommendableCounts(memberId));
  }
  if (excludedPair) {
    const member = pool.index.person(memberId)!;
    for (const [id, reason] of pairs) {
      if (chosen && !chosen.includes(id)) continue;
      const candidate = pool.index.person(id);
      if (candidate && !precheck(member.profile, candidate.profile)) counts[reason] = (counts[reason] ?? 0) + 1;
    }
  }
  Object.assign(counts, rest);
  if (!view.seesRecommendability) {
    const merged = NOT_RECOMMENDABLE.reduce((sum, reason) => sum + (counts[reason] ?? 0), 0);
    NOT_RECOMMENDABLE.forEach((reason) => delete counts[reason]);
    counts.notRecommendable = merged;
  }
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

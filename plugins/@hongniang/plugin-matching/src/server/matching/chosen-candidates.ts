// Matching a member against candidates the caller picked (saving the ones she chose, or naming one in a create):
// the same exclusions and scores as a full search, for those candidates only.
import { Criterion, MatchOutcome, MatchResult, MatchSettings, evaluatePair } from '@hongniang/matching-engine';
import { MemberPool } from './member-pool';

/** Only the chosen candidates; criteria in `ignore` are left out as in the caller's own search. */
export function evaluateChosen(
  pool: MemberPool,
  memberId: number,
  candidateIds: number[],
  settings: MatchSettings,
  excludedIds: ReadonlySet<number>,
  ignore: ReadonlySet<Criterion>,
): MatchOutcome {
  return pool.index.rankCandidates(memberId, candidateIds, { settings, excludedIds, ignore });
}

/**
 * What is stored for results found with criteria left out: the full evaluation of each pair (every criterion, no hard
 * filter — the caller chose on what she may see), so that the record is the agency's whole assessment.
 */
export function fullEvaluations(
  pool: MemberPool,
  memberId: number,
  results: MatchResult[],
  settings: MatchSettings,
  ignore: ReadonlySet<Criterion>,
) {
  if (!ignore.size) return results;
  const member = pool.index.person(memberId)!;
  return results.map(
    (result) =>
      evaluatePair(member, pool.index.person(result.candidateId)!, settings, { hardFilters: false }) as MatchResult,
  );
}

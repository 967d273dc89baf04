// One pair scored on every criterion with its reasons, and a given list of candidates ranked for a member. The index
// explains the results its scan keeps with these; the reference matcher is these over the whole pool.
import { passesHardFilter, similarity } from './similarity';
import { combine, directionalScore, round2, weightOf } from './score';
import {
  CRITERIA,
  Criterion,
  CriterionScore,
  ExclusionReason,
  MatchOutcome,
  MatchResult,
  MatchSettings,
  Person,
  Profile,
  RankOptions,
} from './types';

export interface PairOptions {
  ignore?: ReadonlySet<Criterion>;
  /** False: score the pair even where a required criterion fails (the full record of a pair chosen on fewer criteria). */
  hardFilters?: boolean;
}

// directionalScore's inputs for one pair, refilled by each evaluatePair (which runs to completion): plain arrays of
// doubles, the one kind of array the engine hands directionalScore on every path (typed arrays are slow to write after
// SES's lockdown, exact-checks.ts).
const forwardSimilarities = new Array<number>(CRITERIA.length).fill(0.5);
const forwardWeights = new Array<number>(CRITERIA.length).fill(0.5);
const backwardSimilarities = new Array<number>(CRITERIA.length).fill(0.5);
const backwardWeights = new Array<number>(CRITERIA.length).fill(0.5);

/**
 * Both directions of one pair: per criterion (CRITERIA order) the similarities (0–1) and weights of each side, the
 * directional scores and their combination (0–100, two decimals). 'hardFilter' when a criterion either side requires fails.
 */
export function evaluatePair(
  member: Person,
  candidate: Person,
  settings: MatchSettings,
  { ignore, hardFilters = true }: PairOptions = {},
): MatchResult | 'hardFilter' {
  const breakdown: CriterionScore[] = [];
  for (let c = 0; c < CRITERIA.length; c++) {
    const criterion = CRITERIA[c];
    const forward = similarity(criterion, candidate.profile, member.preferences);
    const backward = similarity(criterion, member.profile, candidate.preferences);
    const ignored = ignore?.has(criterion) ?? false;
    if (hardFilters && !ignored) {
      if (member.preferences.importance[criterion] === 'required' && !passesHardFilter(criterion, forward))
        return 'hardFilter';
      if (candidate.preferences.importance[criterion] === 'required' && !passesHardFilter(criterion, backward))
        return 'hardFilter';
    }
    const weight = ignored
      ? { forward: 0, backward: 0 }
      : {
          forward: weightOf(criterion, member.preferences, settings),
          backward: weightOf(criterion, candidate.preferences, settings),
        };
    breakdown.push({ criterion, forward, backward, weight });
    forwardSimilarities[c] = forward;
    forwardWeights[c] = weight.forward;
    backwardSimilarities[c] = backward;
    backwardWeights[c] = weight.backward;
  }
  const forward = directionalScore(forwardSimilarities, forwardWeights);
  const backward = directionalScore(backwardSimilarities, backwardWeights);
  return {
    candidateId: candidate.profile.id,
    score: round2(combine(forward, backward, settings.combination)),
    forward: round2(forward),
    backward: round2(backward),
    breakdown,
  };
}

/** Why a candidate is not considered at all, before any scoring; null when she is. */
export function precheck(
  member: Profile,
  candidate: Profile,
  excludedIds?: ReadonlySet<number>,
): ExclusionReason | null {
  if (candidate.id === member.id) return 'self';
  if (!candidate.recommendable) return 'notRecommendable';
  if (candidate.gender === null || candidate.gender === member.gender) return 'sameGender';
  if (excludedIds?.has(candidate.id)) return 'excludedPair';
  return null;
}

/** Best first; equal scores by candidate id, so the same data always gives the same list. */
export const byRank = (a: MatchResult, b: MatchResult) => b.score - a.score || a.candidateId - b.candidateId;

/**
 * Every one of `candidates` that may be suggested to `member`, ranked (byRank, no limit) with its reasons; the others
 * counted by reason (the member herself not counted). `evaluated`: the candidates past the prechecks.
 */
export function rankAll(
  member: Person,
  candidates: Iterable<Person>,
  { settings, excludedIds, ignore }: RankOptions,
): MatchOutcome {
  const excluded: MatchOutcome['excluded'] = {};
  const count = (reason: ExclusionReason) => (excluded[reason] = (excluded[reason] ?? 0) + 1);
  const results: MatchResult[] = [];
  let evaluated = 0;
  for (const candidate of candidates) {
    const reason = precheck(member.profile, candidate.profile, excludedIds);
    if (reason) {
      if (reason !== 'self') count(reason);
      continue;
    }
    evaluated++;
    const result = evaluatePair(member, candidate, settings, { ignore });
    if (result === 'hardFilter') count('hardFilter');
    else if (result.score < settings.minimumScore) count('belowMinimum');
    else results.push(result);
  }
  return { results: results.sort(byRank), evaluated, excluded };
}

// The straightforward matcher: a loop over candidate objects, scoring every criterion. The index must agree with it;
// the benchmark measures the index against it.
import { passesHardFilter, similarity } from './similarity';
import { combine, directionalScore, round2, weightOf } from './score';
import { CRITERIA, Criterion, CriterionScore, ExclusionReason, MatchOutcome, MatchResult, MatchSettings, Preferences, Profile } from './types';

export interface Person {
  profile: Profile;
  preferences: Preferences;
}

export interface MatchOptions {
  limit: number;
  settings: MatchSettings;
  /** Candidates never to suggest to this member (already suggested, in an introduction, declined before). */
  excludedIds?: ReadonlySet<number>;
  /** Criteria left out in both directions: they weigh nothing and exclude no one (the caller may not see them). */
  ignore?: ReadonlySet<Criterion>;
}

export interface PairOptions {
  ignore?: ReadonlySet<Criterion>;
  /** False: score the pair even where a required criterion fails (the full record of a pair chosen on fewer criteria). */
  hardFilters?: boolean;
}

/** Both directions of one pair, or the reason the pair is out. */
export function evaluatePair(member: Person, candidate: Person, settings: MatchSettings, { ignore, hardFilters = true }: PairOptions = {}): MatchResult | 'hardFilter' {
  const breakdown: CriterionScore[] = [];
  for (const criterion of CRITERIA) {
    const forward = similarity(criterion, candidate.profile, member.preferences);
    const backward = similarity(criterion, member.profile, candidate.preferences);
    const ignored = ignore?.has(criterion) ?? false;
    if (hardFilters && !ignored) {
      if (member.preferences.importance[criterion] === 'required' && !passesHardFilter(criterion, forward)) return 'hardFilter';
      if (candidate.preferences.importance[criterion] === 'required' && !passesHardFilter(criterion, backward)) return 'hardFilter';
    }
    breakdown.push({
      criterion,
      forward,
      backward,
      weight: ignored
        ? { forward: 0, backward: 0 }
        : { forward: weightOf(criterion, member.preferences, settings), backward: weightOf(criterion, candidate.preferences, settings) },
    });
  }
  const forward = directionalScore(breakdown.map((b) => b.forward), breakdown.map((b) => b.weight.forward));
  const backward = directionalScore(breakdown.map((b) => b.backward), breakdown.map((b) => b.weight.backward));
  return {
    candidateId: candidate.profile.id,
    score: round2(combine(forward, backward, settings.combination)),
    forward: round2(forward),
    backward: round2(backward),
    breakdown,
  };
}

/** Why a candidate is not considered at all, before any scoring. */
export function precheck(member: Profile, candidate: Profile, excludedIds?: ReadonlySet<number>): ExclusionReason | null {
  if (candidate.id === member.id) return 'self';
  if (!candidate.recommendable) return 'notRecommendable';
  if (candidate.gender === null || candidate.gender === member.gender) return 'sameGender';
  if (excludedIds?.has(candidate.id)) return 'excludedPair';
  return null;
}

/** Best first; equal scores by candidate id, so the same data always gives the same list. */
export const byRank = (a: MatchResult, b: MatchResult) => b.score - a.score || a.candidateId - b.candidateId;

export function matchReference(people: readonly Person[], memberId: number, options: MatchOptions): MatchOutcome {
  const member = people.find((person) => person.profile.id === memberId);
  if (!member) throw new Error(`member ${memberId} is not in the pool`);
  const excluded: MatchOutcome['excluded'] = {};
  const results: MatchResult[] = [];
  let evaluated = 0;
  for (const candidate of people) {
    const reason = precheck(member.profile, candidate.profile, options.excludedIds);
    if (reason) {
      if (reason !== 'self') excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    evaluated++;
    const result = evaluatePair(member, candidate, options.settings, { ignore: options.ignore });
    if (result === 'hardFilter' || result.score < options.settings.minimumScore) {
      const why = result === 'hardFilter' ? 'hardFilter' : 'belowMinimum';
      excluded[why] = (excluded[why] ?? 0) + 1;
      continue;
    }
    results.push(result);
  }
  return { results: results.sort(byRank).slice(0, options.limit), evaluated, excluded };
}

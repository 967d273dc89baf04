// A member's candidates ranked with what members answered (the engine's rankLearned), from a shortlist the index ranked
// by stated score: wider than the list wanted, since learning can lift a candidate from below the stated top.
import {
  Criterion,
  LearnedMatchResult,
  LearnedSignals,
  MatchResult,
  MatchSettings,
  rankLearned,
} from '@hongniang/matching-engine';

/** Candidates the index is asked for when learning is on (the engine's advice: ~100, re-ranked to the page's size). */
export const LEARNED_SHORTLIST = 100;

/** How many stated results to ask the index for, to show `limit` of them. */
export const shortlistSize = (limit: number, settings: MatchSettings, shortlist = LEARNED_SHORTLIST) =>
  settings.learned?.enabled ? Math.max(limit, shortlist) : limit;

/**
 * The best `limit` of `results` by learned score, each with the stated result it came from (its breakdown is what a
 * caller is shown and what is stored: revealed weights rest on other members' answers). Learning off: the stated
 * results, in their order, with no learned lines.
 */
export function learnedTop(
  memberId: number,
  results: readonly MatchResult[],
  limit: number,
  signals: LearnedSignals | null,
  settings: MatchSettings,
  ignore?: ReadonlySet<Criterion>,
): { learned: LearnedMatchResult | null; stated: MatchResult }[] {
  if (!signals || !settings.learned?.enabled)
    return results.slice(0, limit).map((stated) => ({ learned: null, stated }));
  const stated = new Map(results.map((result) => [result.candidateId, result]));
  return rankLearned(memberId, results, signals, settings, ignore)
    .slice(0, limit)
    .map((learned) => ({ learned, stated: stated.get(learned.candidateId)! }));
}

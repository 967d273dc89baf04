// A stated result rescored with what members did, in both directions: revealed weights reweigh each side's criteria,
// then the candidate's reception (will she say yes to him?) and openness (will he say yes to her?) are blended in, as
// far as there is evidence about him. Each step is a line of the explanation.
import { byRank } from './evaluation';
import { LearnedSignals } from './learned-signals';
import { combine, directionalScore, round2 } from './score';
import {
  CRITERIA,
  Criterion,
  CriterionScore,
  LearnedLine,
  LearnedMatchResult,
  LearnedSettings,
  MatchResult,
  MatchSettings,
  RevealedWeights,
} from './types';

/** Chosen on the development file of docs/matching-quality.md, never per wave; each value's reason beside it. */
export const DEFAULT_LEARNED_SETTINGS: LearnedSettings = {
  // On: the stated wishes alone ranked mutual interest barely above chance there (AUC 0.56).
  enabled: true,
  // Twice the measured lift: at 1 the estimate stays within ~35–65 and the stated score's spread drowns it.
  receptionWeight: 2,
  // Twice, for the same reason; reception and openness predicted about equally well alone there.
  opennessWeight: 2,
  // What he did may count up to 90% of his score: there, stated fit was the weaker guide by far.
  learnedShare: 0.9,
  // Half of that after two answers (one meeting, both sides): even one answer told more than the stated score there.
  learnedHalfAt: 2,
  // Revealed weights may at most equal the stated ones: 20 answers say little about ten criteria.
  revealedShare: 0.5,
  // Half of that share after 10 answers, about half an evening of the development file.
  revealedHalfAt: 10,
  // A member's rate counts as much as the population's after 4 answers.
  priorAnswers: 4,
  // Before anyone has answered, about four in ten answers are yes (0.42 there).
  priorYesRate: 0.4,
};

const CRITERION_INDEX = new Map<Criterion, number>(CRITERIA.map((criterion, c) => [criterion, c]));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** One side's weights blended, in place, with her revealed ones: (1 − share)·stated + share·Σstated·revealed (Σstated 0: as 1). */
function blend(weights: Float64Array, revealed: RevealedWeights | null) {
  if (!revealed) return;
  let total = 0;
  for (let c = 0; c < weights.length; c++) total += weights[c];
  if (total === 0) total = 1;
  for (let c = 0; c < weights.length; c++)
    weights[c] = (1 - revealed.share) * weights[c] + revealed.share * total * revealed.weights[c];
}

/**
 * `result` (from evaluatePair, MatchIndex.match or rankCandidates, for `memberId`) rescored with the learned signals, in
 * both directions:
 * 1. revealed weights: her and his criterion weights blended with their revealed ones (LearnedSignals.revealedWeights),
 *    the directional scores and their combination (settings.combination) recomputed from the breakdown's similarities:
 *    the base score;
 * 2. his learned estimate, 0–100 (50: as likely as anyone): 100·σ(receptionWeight·log(reception / μ) +
 *    opennessWeight·log(openness / μ)) — his reception says whether she will say yes to him, his openness whether he
 *    will say yes to her (log P(mutual) = log P(she says yes) + log P(he says yes) for independent answers; μ the
 *    population's yes rate);
 * 3. score = (1 − Z)·base + Z·estimate, Z = learnedShare·n / (n + learnedHalfAt), n his answers given and received:
 *    the estimate counts as far as there is evidence about him (credibility weighting: Bühlmann and Gisler, A Course in
 *    Credibility Theory and its Applications, 2005, ch. 3).
 * Her own reception and openness are the same for each of her candidates and would not change her ranking: left out.
 * Scores are 0–100 with two decimals. With learning off (settings.learned.enabled false), or nothing learned about him
 * and no revealed weights on either side, `score` is the stated one to the bit. `statedScore` keeps the stated score,
 * `learnedShare` is Z; `learned` has one line per signal (LearnedLine), their effects adding up to score − statedScore
 * up to rounding; breakdown lines whose weights changed carry `statedWeight`. `ignore`: the criteria left out of
 * `result` (withheld), kept at weight 0. Never throws for a result of the engine's.
 */
export function applyLearned(
  memberId: number,
  result: MatchResult,
  signals: LearnedSignals,
  settings: MatchSettings,
  ignore?: ReadonlySet<Criterion>,
): LearnedMatchResult {
  const learned = settings.learned ?? DEFAULT_LEARNED_SETTINGS;
  if (!learned.enabled) return { ...result, statedScore: result.score, learnedShare: 0, learned: [] };
  return rescore(result, signals, settings, learned, signals.revealedWeights(memberId, learned, ignore), ignore);
}

/** applyLearned with her revealed weights given (the same for each of her candidates). */
function rescore(
  result: MatchResult,
  signals: LearnedSignals,
  settings: MatchSettings,
  learned: LearnedSettings,
  revealedForward: RevealedWeights | null,
  ignore?: ReadonlySet<Criterion>,
): LearnedMatchResult {
  const candidateId = result.candidateId;
  const revealedBackward = signals.revealedWeights(candidateId, learned, ignore);
  let { breakdown, forward, backward } = result;
  let base = result.score;
  if (revealedForward || revealedBackward) {
    // Per criterion in CRITERIA order, whatever the breakdown's order; plain loops (TypedArray.from with a mapping
    // function was most of this function's time).
    const ordered: CriterionScore[] = new Array(CRITERIA.length);
    for (const line of result.breakdown) ordered[CRITERION_INDEX.get(line.criterion)!] = line;
    const forwardSimilarities = new Float64Array(CRITERIA.length);
    const backwardSimilarities = new Float64Array(CRITERIA.length);
    const forwardWeights = new Float64Array(CRITERIA.length);
    const backwardWeights = new Float64Array(CRITERIA.length);
    for (let c = 0; c < CRITERIA.length; c++) {
      forwardSimilarities[c] = ordered[c].forward;
      backwardSimilarities[c] = ordered[c].backward;
      forwardWeights[c] = ordered[c].weight.forward;
      backwardWeights[c] = ordered[c].weight.backward;
    }
    blend(forwardWeights, revealedForward);
    blend(backwardWeights, revealedBackward);
    const exactForward = directionalScore(forwardSimilarities, forwardWeights);
    const exactBackward = directionalScore(backwardSimilarities, backwardWeights);
    base = combine(exactForward, exactBackward, settings.combination);
    forward = round2(exactForward);
    backward = round2(exactBackward);
    breakdown = ordered.map((line, c): CriterionScore => ({
      criterion: line.criterion,
      forward: line.forward,
      backward: line.backward,
      weight: { forward: forwardWeights[c], backward: backwardWeights[c] },
      statedWeight: line.weight,
    }));
  }

  const reception = signals.reception(candidateId, learned);
  const openness = signals.openness(candidateId, learned);
  const answers = reception.answers + openness.answers;
  const share = answers === 0 ? 0 : (learned.learnedShare * answers) / (answers + learned.learnedHalfAt);
  const withEstimate = (shift: number) => (share === 0 ? base : (1 - share) * base + share * 100 * sigmoid(shift));
  const receptionShift = learned.receptionWeight * reception.lift;
  const afterReception = withEstimate(receptionShift);
  const score = withEstimate(receptionShift + learned.opennessWeight * openness.lift);

  const lines: LearnedLine[] = [
    {
      signal: 'revealedWeights',
      forward: revealedForward,
      backward: revealedBackward,
      effect: round2(base - result.score),
    },
    { signal: 'reception', candidate: reception, effect: round2(afterReception - base) },
    { signal: 'openness', candidate: openness, effect: round2(score - afterReception) },
  ];
  return {
    candidateId,
    score: score === result.score ? result.score : round2(score),
    forward,
    backward,
    breakdown,
    statedScore: result.score,
    learnedShare: share,
    learned: lines,
  };
}

/**
 * Stated results of one member (`memberId`'s, from MatchIndex.match or rankCandidates) rescored by applyLearned and
 * ranked again: best first, equal scores by candidate id. Her revealed weights are read once. The index ranks by stated
 * score, so ask it for a wider shortlist than the list shown (docs/matching-quality.md).
 */
export function rankLearned(
  memberId: number,
  results: readonly MatchResult[],
  signals: LearnedSignals,
  settings: MatchSettings,
  ignore?: ReadonlySet<Criterion>,
): LearnedMatchResult[] {
  const learned = settings.learned ?? DEFAULT_LEARNED_SETTINGS;
  if (!learned.enabled) return results.map((result) => applyLearned(memberId, result, signals, settings)).sort(byRank);
  const revealedForward = signals.revealedWeights(memberId, learned, ignore);
  return results.map((result) => rescore(result, signals, settings, learned, revealedForward, ignore)).sort(byRank);
}

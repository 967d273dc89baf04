// A stated result rescored with what members did, in both directions: revealed weights reweigh each side's criteria,
// then the candidate's reception (will she say yes to him?) and openness (will he say yes to her?) lift or lower that
// score, as far as there is evidence about him. Each step is a line of the explanation.
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
  // Log-odds per unit of log lift: 8–16 ranked the second half alike there (0.721–0.726), stated fit being the weaker guide.
  receptionWeight: 10,
  // The same as reception: reception and openness predicted about equally well alone there.
  opennessWeight: 10,
  // What he did counts at most 90% of its weight however many answers: never all, the stated fit stays a part.
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
/** A stated score is read as at most 99.5 (at least 0.5) for its odds: a stated 100 is the best fit, not a certainty. */
const EDGE = 0.5;

/**
 * `score` (0–100) moved by `shift` in log-odds: 100·σ(logit(score / 100) + shift), a score within EDGE of 0 or 100 read
 * at EDGE, and never moved against the shift's sign. Shift 0: `score` to the bit.
 */
function shifted(score: number, shift: number) {
  if (shift === 0) return score;
  const probability = Math.min(Math.max(score, EDGE), 100 - EDGE) / 100;
  const moved = 100 * sigmoid(Math.log(probability / (1 - probability)) + shift);
  return shift > 0 ? Math.max(score, moved) : Math.min(score, moved);
}

/** One side's weights blended, in place, with her revealed ones: (1 − share)·stated + share·Σstated·revealed (Σstated 0: as 1). */
function blend(weights: number[], revealed: RevealedWeights | null) {
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
 * 2. his learned lift, in log-odds (0: as likely as anyone): receptionWeight·log(reception / μ) +
 *    opennessWeight·log(openness / μ) — his reception says whether she will say yes to him, his openness whether he
 *    will say yes to her (log P(mutual) = log P(she says yes) + log P(he says yes) for independent answers; μ the
 *    population's yes rate);
 * 3. score = 100·σ(logit(base / 100) + Z·lift), Z = learnedShare·n / (n + learnedHalfAt), n his answers given and
 *    received: what he did is evidence added to the base score's log-odds (Bayes' rule in odds form, posterior log-odds =
 *    prior log-odds + the evidence's log-likelihood ratio: I. J. Good, Probability and the Weighing of Evidence, 1950),
 *    counted as far as there is evidence about him (credibility weighting: Bühlmann and Gisler, A Course in Credibility
 *    Theory and its Applications, 2005, ch. 3). A lift, not a level: no history or a lift of 0 leaves the base score as
 *    it is, a positive lift raises it, a negative one lowers it. In log-odds rather than points, so that no score
 *    leaves 0–100 and none is cut to a tie at either end (points clamped to 0–100 ranked the development file's second
 *    half at 0.709 at best); a base of 100 or 0 is read as 99.5 or 0.5 and never moved against the lift's sign.
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
    // function was most of this function's time) into plain arrays (typed arrays are slow to write after SES's
    // lockdown, exact-checks.ts).
    const ordered: CriterionScore[] = new Array(CRITERIA.length);
    for (const line of result.breakdown) ordered[CRITERION_INDEX.get(line.criterion)!] = line;
    const forwardSimilarities = new Array<number>(CRITERIA.length).fill(0.5);
    const backwardSimilarities = new Array<number>(CRITERIA.length).fill(0.5);
    const forwardWeights = new Array<number>(CRITERIA.length).fill(0.5);
    const backwardWeights = new Array<number>(CRITERIA.length).fill(0.5);
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
  const receptionShift = share * learned.receptionWeight * reception.lift;
  const afterReception = shifted(base, receptionShift);
  const score = shifted(base, receptionShift + share * learned.opennessWeight * openness.lift);

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

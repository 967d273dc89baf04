// A result's reasons as people read them: per criterion, how well each side fits the other's wish (0–100) and the
// weights — or, for a criterion withheld from the caller, only that it was withheld (no fit, no weight).
import {
  Combination,
  Criterion,
  CriterionScore,
  LearnedLine,
  combine,
  directionalScore,
  round2,
} from '@hongniang/matching-engine';
import type { Language } from '@hongniang/plugin-core';
import { criterionLabel } from '../language/vocabulary';
import type { Adjustment } from './adjustments';

export interface ReasonLine {
  criterion: Criterion;
  title: string;
  forward?: number;
  backward?: number;
  weight?: { forward: number; backward: number };
  withheld?: true;
  /** Her weight for this criterion was adjusted from her decisions (an accepted weight proposal): why, from, to. */
  adjusted?: Adjustment;
}

const percent = (similarity: number) => Math.round(similarity * 100);

/**
 * The engine's breakdown in the caller's language, withheld criteria reduced to their name; a criterion whose weight on
 * the searching member's side (`forward`) comes from an accepted weight proposal says so (`adjusted`).
 */
export const explain = (
  breakdown: CriterionScore[],
  locale: string,
  withheld: ReadonlySet<Criterion> = new Set(),
  adjustments: ReadonlyMap<Criterion, Adjustment> = new Map(),
): ReasonLine[] =>
  breakdown.map((item) =>
    withheld.has(item.criterion)
      ? { criterion: item.criterion, title: criterionLabel(item.criterion, locale), withheld: true }
      : {
          criterion: item.criterion,
          title: criterionLabel(item.criterion, locale),
          forward: percent(item.forward),
          backward: percent(item.backward),
          weight: item.weight,
          ...(adjustments.has(item.criterion) ? { adjusted: adjustments.get(item.criterion) } : {}),
        },
  );

/** What members' answers did to a score, as a matchmaker reads it: the signal, its words and the points it moved. */
export interface LearnedReason {
  signal: LearnedLine['signal'];
  title: string;
  /** Points added to (or taken from) the stated score, two decimals. */
  effect: number;
  /** The title and the points, e.g. "learned: 对方受欢迎的程度 +6.2". */
  text: string;
}

const LEARNED_TITLES: Record<LearnedLine['signal'], string> = {
  revealedWeights: 'learned: how both sides accept partners like these',
  reception: 'learned: how others answered the candidate',
  openness: 'learned: how the candidate answered others',
};

/**
 * The engine's learned lines (applyLearned) as effects only: which signal moved the score and by how many points. The
 * counts the engine keeps with them (answers, yes) stay out: they would tell a matchmaker how other members answered.
 * Lines that moved nothing are left out.
 */
export const explainLearned = (lines: readonly LearnedLine[], language: Language): LearnedReason[] =>
  lines
    .filter((line) => line.effect !== 0)
    .map((line) => {
      const title = language.t(LEARNED_TITLES[line.signal]);
      const points = Math.abs(Math.round(line.effect * 10) / 10);
      return {
        signal: line.signal,
        title,
        effect: line.effect,
        text: `${title} ${line.effect > 0 ? '+' : '-'}${points}`,
      };
    });

export interface StoredScores {
  score: number | null;
  forwardScore: number | null;
  backwardScore: number | null;
  breakdown: ReasonLine[] | null;
}

/**
 * A stored suggestion (the full evaluation) as a caller with withheld criteria may read it: those lines withheld, and
 * the scores recomputed from the lines she sees, as her own search would weigh them (the stored ones count them all).
 */
export function storedForCaller(
  stored: StoredScores,
  withheld: ReadonlySet<Criterion>,
  combination: Combination,
  locale: string,
): StoredScores {
  const lines = Array.isArray(stored.breakdown) ? stored.breakdown.filter((line) => line && line.criterion) : [];
  const shown = lines.filter((line) => !withheld.has(line.criterion) && !line.withheld && line.weight);
  // Plain arrays of numbers, as the engine passes them: one argument type keeps its scoring loop fast, and typed arrays
  // are slow to write in a NocoBase server (matching-engine's evaluation.ts and exact-checks.ts).
  const direction = (side: 'forward' | 'backward') =>
    directionalScore(
      shown.map((line) => Number(line[side]) / 100),
      shown.map((line) => Number(line.weight![side])),
    );
  const forward = direction('forward');
  const backward = direction('backward');
  return {
    score: round2(combine(forward, backward, combination)),
    forwardScore: round2(forward),
    backwardScore: round2(backward),
    breakdown: lines.map((line) =>
      withheld.has(line.criterion) || line.withheld
        ? { criterion: line.criterion, title: criterionLabel(line.criterion, locale), withheld: true }
        : { ...line, title: criterionLabel(line.criterion, locale) },
    ),
  };
}

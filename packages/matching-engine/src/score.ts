// Turning per-criterion similarities into directional scores (0–100) and one combined score. The index and the reference
// both score through these, so that their scores agree to the bit.
import { Combination, Criterion, Importance, MatchSettings, Preferences } from './types';

/** The weight a criterion carries for the holder of these preferences: her own or the agency's weight × her importance's factor. */
export function weightOf(criterion: Criterion, preferences: Preferences, settings: MatchSettings): number {
  const importance: Importance = preferences.importance[criterion] ?? 'normal';
  const base = preferences.weights?.[criterion] ?? settings.weights[criterion];
  return base * settings.importanceFactors[importance];
}

/** 100 × weighted / total, 0–100 for similarities in [0, 1]; with nothing weighted (total 0), everyone fits: 100. */
export const percentOf = (weighted: number, total: number) => (total === 0 ? 100 : (100 * weighted) / total);

/**
 * The weighted arithmetic mean of similarities, as 0–100: Σ wᵢsᵢ / Σ wᵢ × 100 (docs/matching.md, "directional score"),
 * summed in index order (the index's tables add in the same order, so its scores equal these to the bit).
 * `similarities` in [0, 1] and `weights` ≥ 0, of the same length.
 */
export function directionalScore(similarities: ArrayLike<number>, weights: ArrayLike<number>): number {
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < similarities.length; i++) {
    total += weights[i];
    weighted += weights[i] * similarities[i];
  }
  return percentOf(weighted, total);
}

/**
 * One score (0–100) from both directional scores (0–100): the harmonic, geometric or arithmetic mean of the two, or the
 * lower one (docs/matching.md, "match score"). The harmonic mean, the default, keeps one-sided fits low; it is the
 * reciprocal score of RECON (Pizzato et al., "RECON: a reciprocal recommender for online dating", RecSys 2010).
 */
export function combine(forward: number, backward: number, how: Combination): number {
  switch (how) {
    case 'harmonic':
      return forward + backward === 0 ? 0 : (2 * forward * backward) / (forward + backward);
    case 'geometric':
      return Math.sqrt(forward * backward);
    case 'minimum':
      return Math.min(forward, backward);
    case 'arithmetic':
      return (forward + backward) / 2;
  }
}

/**
 * The least forward score (0–100) that, with a perfect 100 the other way, still combines to `target`: combine(f, 100) = target
 * solved for f (harmonic 200f/(f+100), geometric √(100f), minimum, arithmetic (f+100)/2). combine grows with both scores,
 * so below this no backward score can reach `target`. 0 for a target of 0 or less.
 */
export function forwardNeededFor(target: number, how: Combination): number {
  if (target <= 0) return 0;
  switch (how) {
    case 'harmonic':
      return (100 * target) / (200 - target);
    case 'geometric':
      return (target * target) / 100;
    case 'minimum':
      return target;
    case 'arithmetic':
      return 2 * target - 100;
  }
}

/** Scores are shown and compared with two decimals, so ties are real ties. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

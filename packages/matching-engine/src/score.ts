// Turning per-criterion similarities into directional scores (0–100) and one combined score.
import { Combination, Criterion, Importance, MatchSettings, Preferences } from './types';

/** The weight a criterion carries for the holder of these preferences. */
export function weightOf(criterion: Criterion, preferences: Preferences, settings: MatchSettings): number {
  const importance: Importance = preferences.importance[criterion] ?? 'normal';
  const base = preferences.weights?.[criterion] ?? settings.weights[criterion];
  return base * settings.importanceFactors[importance];
}

/** Weighted mean of similarities, 0–100; with nothing weighted, everyone fits: 100. */
export function directionalScore(similarities: ArrayLike<number>, weights: ArrayLike<number>): number {
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < similarities.length; i++) {
    total += weights[i];
    weighted += weights[i] * similarities[i];
  }
  return total === 0 ? 100 : (100 * weighted) / total;
}

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

/** Scores are shown and compared with two decimals, so ties are real ties. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

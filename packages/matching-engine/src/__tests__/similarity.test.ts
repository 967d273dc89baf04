import {
  atLeastSimilarity,
  overlapSimilarity,
  passesHardFilter,
  rangeSimilarity,
  regionSimilarity,
  UNKNOWN,
} from '../similarity';
import { combine, directionalScore } from '../score';

describe('per-criterion similarity', () => {
  it('ranges: 1 inside, a soft fall-off outside, open ends, unknown values in between', () => {
    expect(rangeSimilarity(30, 28, 35, 5)).toBe(1);
    expect(rangeSimilarity(28, 28, 35, 5)).toBe(1);
    expect(rangeSimilarity(37, 28, 35, 5)).toBeCloseTo(0.6);
    expect(rangeSimilarity(26, 28, 35, 5)).toBeCloseTo(0.6);
    expect(rangeSimilarity(45, 28, 35, 5)).toBe(0);
    expect(rangeSimilarity(90, 28, null, 5)).toBe(1);
    expect(rangeSimilarity(150, null, 170, 10)).toBe(1);
    expect(rangeSimilarity(null, 28, 35, 5)).toBe(UNKNOWN);
    expect(rangeSimilarity(null, null, null, 5)).toBe(1);
  });

  it('ordinal minimums: each rank short costs a step', () => {
    expect(atLeastSimilarity(3, 2, 2)).toBe(1);
    expect(atLeastSimilarity(2, 2, 2)).toBe(1);
    expect(atLeastSimilarity(1, 2, 2)).toBe(0.5);
    expect(atLeastSimilarity(0, 2, 2)).toBe(0);
    expect(atLeastSimilarity(null, 2, 2)).toBe(UNKNOWN);
    expect(atLeastSimilarity(0, null, 2)).toBe(1);
  });

  it('sets: the share of wished items the other has', () => {
    expect(overlapSimilarity(0, 0)).toBe(1);
    expect(overlapSimilarity(2, 1)).toBe(0.5);
    expect(overlapSimilarity(3, 3)).toBe(1);
    expect(overlapSimilarity(2, 0)).toBe(0);
  });

  it('regions: same city > same province > elsewhere', () => {
    expect(regionSimilarity(['3301'], '33', '3301')).toBe(1);
    expect(regionSimilarity(['33'], '33', '3302')).toBe(1);
    expect(regionSimilarity(['3301'], '33', '3302')).toBe(0.6);
    expect(regionSimilarity(['3301'], '44', '4401')).toBe(0);
    expect(regionSimilarity([], '44', '4401')).toBe(1);
    expect(regionSimilarity(['3301'], null, null)).toBe(UNKNOWN);
  });

  it('hard filters need a full fit, sets at least one shared item', () => {
    expect(passesHardFilter('age', 1)).toBe(true);
    expect(passesHardFilter('age', 0.99)).toBe(false);
    expect(passesHardFilter('region', 0.6)).toBe(false);
    expect(passesHardFilter('hobbies', 0.34)).toBe(true);
    expect(passesHardFilter('hobbies', 0)).toBe(false);
  });
});

describe('scores', () => {
  it('weights similarities into 0–100, everyone fits when nothing is weighted', () => {
    expect(directionalScore([1, 0.5, 0], [2, 2, 0])).toBe(75);
    expect(directionalScore([0, 0], [0, 0])).toBe(100);
  });

  it('combines both directions: harmonic by default, geometric, minimum, arithmetic', () => {
    expect(combine(80, 40, 'harmonic')).toBeCloseTo(53.333, 3);
    expect(combine(80, 40, 'geometric')).toBeCloseTo(56.569, 3);
    expect(combine(80, 40, 'minimum')).toBe(40);
    expect(combine(80, 40, 'arithmetic')).toBe(60);
    expect(combine(0, 100, 'harmonic')).toBe(0);
    expect(combine(0, 0, 'harmonic')).toBe(0);
  });
});

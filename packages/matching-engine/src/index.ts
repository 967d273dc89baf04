export * from './types';
export { similarity, rangeSimilarity, atLeastSimilarity, overlapSimilarity, regionSimilarity, passesHardFilter, FALLOFF, UNKNOWN } from './similarity';
export { combine, directionalScore, round2, weightOf } from './score';
export { evaluatePair, matchReference, precheck, byRank } from './reference';
export type { Person, MatchOptions } from './reference';
export { MatchIndex } from './match-index';
export { randomPool } from './synthetic-pool';

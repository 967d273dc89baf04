export * from './types';
export {
  similarity,
  rangeSimilarity,
  atLeastSimilarity,
  overlapSimilarity,
  regionSimilarity,
  passesHardFilter,
  FALLOFF,
  UNKNOWN,
} from './similarity';
export { combine, directionalScore, round2, weightOf } from './score';
export { evaluatePair, precheck, byRank } from './evaluation';
export { matchReference } from './reference';
export { MatchIndex } from './match-index';
export { randomPool } from './synthetic-pool';
export { LearnedSignals, fitOf } from './learned-signals';
export { applyLearned, rankLearned, DEFAULT_LEARNED_SETTINGS } from './learned-score';

/** What the engine knows of a person: plain values, already mapped to ranks and codes by the caller. */
export interface Profile {
  id: number;
  gender: 'male' | 'female' | null;
  age: number | null;
  heightCm: number | null;
  /** 0 = high school or below … 4 = doctorate. */
  educationRank: number | null;
  /** 0 = lowest income band … 6 = highest. */
  incomeRank: number | null;
  maritalStatus: string | null;
  hasChildren: boolean;
  smokes: boolean;
  hobbies: string[];
  personality: string[];
  /** China-region codes: province (2 digits) and city (4 digits). */
  province: string | null;
  city: string | null;
  /** Consented, in service, not paused, not "do not recommend". */
  recommendable: boolean;
}

export const CRITERIA = [
  'age',
  'height',
  'education',
  'maritalStatus',
  'children',
  'income',
  'region',
  'hobbies',
  'personality',
  'smoking',
] as const;
export type Criterion = (typeof CRITERIA)[number];

/** 不在乎 / 一般 / 重要 / 必须: "required" is a hard filter, the others weigh in the score. */
export type Importance = 'indifferent' | 'normal' | 'important' | 'required';

export interface Preferences {
  ageMin: number | null;
  ageMax: number | null;
  heightMin: number | null;
  heightMax: number | null;
  minEducationRank: number | null;
  minIncomeRank: number | null;
  /** Empty: any. */
  maritalStatuses: string[];
  childrenAcceptable: boolean;
  smokingAcceptable: boolean;
  /** Province or city codes; empty: anywhere. */
  regions: string[];
  wantedHobbies: string[];
  wantedPersonality: string[];
  importance: Partial<Record<Criterion, Importance>>;
  /** Per-member weight overrides (e.g. personality matters most to her). */
  weights?: Partial<Record<Criterion, number>>;
}

export type Combination = 'harmonic' | 'geometric' | 'minimum' | 'arithmetic';

export interface MatchSettings {
  /** Agency-wide weight of each criterion. */
  weights: Record<Criterion, number>;
  /** How much each importance multiplies a criterion's weight. */
  importanceFactors: Record<Importance, number>;
  combination: Combination;
  /** Results below this combined score are left out. */
  minimumScore: number;
  /** How what members did moves scores (applyLearned); without it, DEFAULT_LEARNED_SETTINGS. */
  learned?: LearnedSettings;
}

export const DEFAULT_SETTINGS: MatchSettings = {
  weights: {
    age: 3,
    height: 1,
    education: 2,
    maritalStatus: 2,
    children: 2,
    income: 2,
    region: 2,
    hobbies: 1,
    personality: 1,
    smoking: 1,
  },
  importanceFactors: { indifferent: 0, normal: 1, important: 2, required: 3 },
  combination: 'harmonic',
  minimumScore: 0,
};

export interface CriterionScore {
  criterion: Criterion;
  /** How well the candidate fits the member's wish, 0–1. */
  forward: number;
  /** How well the member fits the candidate's wish, 0–1. */
  backward: number;
  /** The weights used in each direction. */
  weight: { forward: number; backward: number };
  /** The stated weights, when revealed weights changed those used (learned scoring only). */
  statedWeight?: { forward: number; backward: number };
}

export interface MatchResult {
  candidateId: number;
  score: number;
  forward: number;
  backward: number;
  breakdown: CriterionScore[];
}

export type ExclusionReason =
  'notRecommendable' | 'self' | 'sameGender' | 'excludedPair' | 'hardFilter' | 'belowMinimum';

/** A member as the engine takes her: what she is, and what she wishes for. */
export interface Person {
  profile: Profile;
  preferences: Preferences;
}

/** How to rank candidates for a member: the agency's settings and what to leave out. */
export interface RankOptions {
  settings: MatchSettings;
  /** Candidates never to suggest to this member (already suggested, in an introduction, declined before). */
  excludedIds?: ReadonlySet<number>;
  /** Criteria left out in both directions: they weigh nothing and exclude no one (the caller may not see them). */
  ignore?: ReadonlySet<Criterion>;
}

/** A search of the whole pool: the best `limit` results. */
export interface MatchOptions extends RankOptions {
  limit: number;
  /**
   * false: the same results, sooner, with `excluded` counting only what is told before scoring (notRecommendable,
   * sameGender, excludedPair): candidates are tested against requirements only while they could still make the list,
   * so hardFilter and belowMinimum are not counted (for a caller that shows no counts, as the batch run). Default true.
   */
  countAll?: boolean;
}

export interface MatchOutcome {
  results: MatchResult[];
  evaluated: number;
  excluded: Partial<Record<ExclusionReason, number>>;
}

/** A member's answer about another: consent to a suggestion or introduction, or to continue after a date (yes), or not. */
export type Answer = 'yes' | 'no';

/** One decision a member made about a candidate, as the learned signals take it (docs/matching-quality.md). */
export interface Outcome {
  /** Who answered. */
  memberId: number;
  /** Whom she answered about. */
  candidateId: number;
  answer: Answer;
  /**
   * How well he fitted her stated wishes when she answered: the similarity (0–1) per criterion in CRITERIA order, as
   * `fitOf` gives it. Kept with the outcome, so that forgetting it later takes back exactly what it added.
   */
  fit: readonly number[];
}

/**
 * How far what members did moves their scores (匹配设置). Off, or with `learnedShare` and `revealedShare` at 0, the
 * scores are the stated ones to the bit; so is the score of a candidate nobody has answered about and who has answered
 * no one, when neither side has revealed weights. Ranges are the caller's to check (匹配设置 refuses others): shares 0–1,
 * weights ≥ 0, half-at and prior answers > 0, priorYesRate strictly between 0 and 1.
 */
export interface LearnedSettings {
  enabled: boolean;
  /** How much his reception (how others answered him) moves his score's log-odds: a multiplier of its log lift, ≥ 0. */
  receptionWeight: number;
  /** How much his openness (how he answered others) moves his score's log-odds: a multiplier of its log lift, ≥ 0. */
  opennessWeight: number;
  /** The most his learned lift may count in a score, 0–1 (0: never): Z = learnedShare × n / (n + learnedHalfAt). */
  learnedShare: number;
  /** His answers given and received (n) at which his learned lift counts half of `learnedShare`. */
  learnedHalfAt: number;
  /** The most her revealed weights may replace her stated ones, 0–1 (0: stated weights only). */
  revealedShare: number;
  /** Answers (yes and no) after which her revealed weights reach half of `revealedShare`. */
  revealedHalfAt: number;
  /** Strength of the Beta prior of every yes rate, in pseudo-answers at the population's rate. */
  priorAnswers: number;
  /** The population's yes rate before any answer is recorded (0–1, exclusive). */
  priorYesRate: number;
}

/** A member's yes rate in one direction: answers counted, yes among them, the posterior mean, and its lift. */
export interface LearnedRate {
  answers: number;
  yes: number;
  /** Posterior mean of the yes rate, 0–1; the population's rate when `answers` is 0. */
  rate: number;
  /** log(rate / population rate): 0 with no answers, > 0 when she is answered / answers yes more than most. */
  lift: number;
}

/** Her revealed weights: how much they count now, and the share of each criterion (CRITERIA order, summing to 1). */
export interface RevealedWeights {
  /** Answers they rest on (she needs at least one yes and one no). */
  answers: number;
  /** Their share in her blended weights now, 0–1: revealedShare × answers / (answers + revealedHalfAt). */
  share: number;
  weights: number[];
}

/**
 * One learned line of a result's explanation. reception: how others answered the candidate (will she say yes to him?);
 * openness: how he answered others (will he say yes to her?); revealedWeights: her (`forward`) and his (`backward`)
 * revealed weights, null when there are none. `effect`: the points it moved the score, taken in the order revealed
 * weights, reception, openness (the effects add up to score − statedScore, up to rounding).
 */
export type LearnedLine =
  | { signal: 'reception' | 'openness'; candidate: LearnedRate; effect: number }
  | { signal: 'revealedWeights'; forward: RevealedWeights | null; backward: RevealedWeights | null; effect: number };

/**
 * A result rescored with what members did: `score` the learned one, `statedScore` the stated wishes' alone,
 * `learnedShare` the share Z (0–1) of the candidate's learned lift that moved it.
 */
export interface LearnedMatchResult extends MatchResult {
  statedScore: number;
  learnedShare: number;
  learned: LearnedLine[];
}

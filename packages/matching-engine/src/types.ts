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
}

export interface MatchOutcome {
  results: MatchResult[];
  evaluated: number;
  excluded: Partial<Record<ExclusionReason, number>>;
}

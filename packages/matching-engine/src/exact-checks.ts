// Exact answers on two records, for the few candidates a scan gets to: similarity() per criterion, the directional score
// of one direction, and whether a member meets another's requirements — each equal to what similarity.ts and score.ts
// give on the decoded members.
import * as layout from './layout';
import { combine, directionalScore, percentOf, round2 } from './score';
import { atLeastSimilarity, FALLOFF, overlapSimilarity, rangeSimilarity, UNKNOWN } from './similarity';
import { Stores } from './stores';
import { CRITERIA, Combination, MatchResult, MatchSettings } from './types';

// Copied once: CommonJS makes each imported name a property read, and this code runs for every candidate scored.
const {
  AGE,
  AGE_AT,
  AGE_MAX_AT,
  AGE_MIN_AT,
  CHILDREN,
  CHILDREN_OK,
  EDUCATION,
  EDUCATION_AT,
  FLAGS_AT,
  HAS_CHILDREN,
  HEIGHT,
  HEIGHT_AT,
  HEIGHT_MAX_AT,
  HEIGHT_MIN_AT,
  HOBBIES,
  HOBBIES_AT,
  ID_AT,
  IMPORTANCE_AT,
  IMPORTANCES,
  INCOME,
  INCOME_AT,
  MANY_REGIONS,
  MARITAL_AT,
  MARITAL_STATUS,
  MARITAL_WANTED_AT,
  MIN_EDUCATION_AT,
  MIN_INCOME_AT,
  NONE,
  OWN_WEIGHTS,
  PERSONALITY,
  PERSONALITY_AT,
  PLACE_AT,
  PREFERENCE_FLAGS_AT,
  RECORD_BYTES,
  REGION,
  REGION_SLOTS,
  REGIONS_AT,
  SMOKES,
  SMOKING_OK,
  WANTED_HOBBIES_AT,
  WANTED_PERSONALITY_AT,
  lowestCriterion,
  orNull,
  popcount,
  requiredOf,
} = layout;

// No typed-array element is written on these paths: in a NocoBase server, after SES's lockdown (at the app's start),
// every store into a typed array takes V8's slow path (5–35× a plain array's; docs/performance.md, session 31), while
// reads stay fast. Records are written only when a member changes; per-match rows are plain arrays of numbers.

/** Per match: the agency's weights and importance factors by position, and the criteria left out. */
export interface Scratch {
  baseWeights: number[];
  factors: number[];
  /** The criteria left out of this match (layout's ignoredBitsOf). */
  ignoredBits: number;
}

/** The Scratch of one match: the settings' weights and factors by position. */
export function scratchFor(settings: MatchSettings, ignoredBits: number): Scratch {
  return {
    baseWeights: CRITERIA.map((criterion) => settings.weights[criterion]),
    factors: IMPORTANCES.map((importance) => settings.importanceFactors[importance]),
    ignoredBits,
  };
}

/**
 * directionalScore (0–100) of how the member in `slot` fits the wish of `holder`, by the holder's weights: Σ wᵢsᵢ / Σ wᵢ
 * summed in CRITERIA order as directionalScore sums (so equal to it to the bit); a criterion of weight 0 adds nothing
 * to either sum, and its similarity is not worked out.
 */
export function directionalScoreOf(stores: Stores, holder: number, slot: number, scratch: Scratch): number {
  const { baseWeights, factors, ignoredBits } = scratch;
  const importance = stores.wishes.uint32[(holder * RECORD_BYTES + IMPORTANCE_AT) >> 2];
  const own = ownWeightsOf(stores, holder);
  let total = 0;
  let weighted = 0;
  for (let c = 0; c < CRITERIA_COUNT; c++) {
    const weight = weightAt(c, importance, own, baseWeights, factors, ignoredBits);
    if (weight === 0) continue;
    total += weight;
    weighted += weight * similarityAt(stores, holder, slot, c);
  }
  return percentOf(weighted, total);
}

/**
 * The pair's MatchResult (evaluatePair's, to the bit: scores, and per criterion in CRITERIA order both similarities and
 * both weights) from the records, for a candidate in `slot` a scan kept for the member in `memberSlot` (both sides'
 * requirements met). Reads no decoded member: a batch explains 20 results for each of thousands of members.
 */
export function resultOf(
  stores: Stores,
  memberSlot: number,
  slot: number,
  scratch: Scratch,
  combination: Combination,
): MatchResult {
  const forwardWeights = weightsOf(stores, memberSlot, scratch);
  const backwardWeights = weightsOf(stores, slot, scratch);
  const forwardSimilarities = CRITERIA.map((_, c) => similarityAt(stores, memberSlot, slot, c));
  const backwardSimilarities = CRITERIA.map((_, c) => similarityAt(stores, slot, memberSlot, c));
  const forward = directionalScore(forwardSimilarities, forwardWeights);
  const backward = directionalScore(backwardSimilarities, backwardWeights);
  return {
    candidateId: stores.profiles.int32[(slot * RECORD_BYTES + ID_AT) >> 2],
    score: round2(combine(forward, backward, combination)),
    forward: round2(forward),
    backward: round2(backward),
    breakdown: CRITERIA.map((criterion, c) => ({
      criterion,
      forward: forwardSimilarities[c],
      backward: backwardSimilarities[c],
      weight: { forward: forwardWeights[c], backward: backwardWeights[c] },
    })),
  };
}

const CRITERIA_COUNT = CRITERIA.length;

/** weightOf for each criterion of the member in `slot`, 0 for a criterion left out, in CRITERIA order. */
export function weightsOf(stores: Stores, slot: number, { baseWeights, factors, ignoredBits }: Scratch): number[] {
  const importance = stores.wishes.uint32[(slot * RECORD_BYTES + IMPORTANCE_AT) >> 2];
  const own = ownWeightsOf(stores, slot);
  return CRITERIA.map((_, c) => weightAt(c, importance, own, baseWeights, factors, ignoredBits));
}

/** Her own weights by CRITERIA position (NaN: none given), or null when she gave none. */
const ownWeightsOf = (stores: Stores, slot: number) =>
  stores.wishes.uint8[slot * RECORD_BYTES + PREFERENCE_FLAGS_AT] & OWN_WEIGHTS ? stores.ownWeights.get(slot)! : null;

/**
 * weightOf for criterion `c`: her own weight (`own`, NaN where none) or the agency's (`baseWeights`), times the factor
 * of her importance (two bits per criterion of `importance`); 0 when `ignoredBits` leaves the criterion out.
 */
function weightAt(
  c: number,
  importance: number,
  own: Float64Array | null,
  baseWeights: number[],
  factors: number[],
  ignoredBits: number,
): number {
  if ((ignoredBits >>> (2 * c)) & 1) return 0;
  const given = own === null ? NaN : own[c];
  // NaN is the one value unequal to itself: no own weight for this criterion.
  return (given === given ? given : baseWeights[c]) * factors[(importance >>> (2 * c)) & 3];
}

/** rangeSimilarity of a profile's Int16 at byte `valueAt` against a wish's Int16 range at `minAt`–`maxAt`. */
const rangeAt = (stores: Stores, valueAt: number, minAt: number, maxAt: number, falloff: number) =>
  rangeSimilarity(
    orNull(stores.profiles.int16[valueAt >> 1]),
    orNull(stores.wishes.int16[minAt >> 1]),
    orNull(stores.wishes.int16[maxAt >> 1]),
    falloff,
  );

/** similarity() on the records for criterion `c` (CRITERIA position): how well the member in `slot` fits the wish of `holder`. */
function similarityAt(stores: Stores, holder: number, slot: number, c: number): number {
  const { profiles: profile, wishes: wish } = stores;
  const at = slot * RECORD_BYTES;
  const wishAt = holder * RECORD_BYTES;
  switch (c) {
    case AGE:
      return rangeAt(stores, at + AGE_AT, wishAt + AGE_MIN_AT, wishAt + AGE_MAX_AT, FALLOFF.age);
    case HEIGHT:
      return rangeAt(stores, at + HEIGHT_AT, wishAt + HEIGHT_MIN_AT, wishAt + HEIGHT_MAX_AT, FALLOFF.height);
    case EDUCATION:
      return atLeastSimilarity(
        orNull(profile.int8[at + EDUCATION_AT]),
        orNull(wish.int8[wishAt + MIN_EDUCATION_AT]),
        2,
      );
    case MARITAL_STATUS:
      return maritalFit(stores, holder, slot);
    case CHILDREN:
      return childrenFit(stores, holder, slot);
    case INCOME:
      return atLeastSimilarity(
        orNull(profile.int8[at + INCOME_AT]),
        orNull(wish.int8[wishAt + MIN_INCOME_AT]),
        FALLOFF.income,
      );
    case REGION:
      return regionFit(stores, holder, slot);
    case HOBBIES: {
      const hobbies = wish.uint32[(wishAt + WANTED_HOBBIES_AT) >> 2];
      return overlapSimilarity(popcount(hobbies), popcount(hobbies & profile.uint32[(at + HOBBIES_AT) >> 2]));
    }
    case PERSONALITY: {
      const personality = wish.uint32[(wishAt + WANTED_PERSONALITY_AT) >> 2];
      return overlapSimilarity(
        popcount(personality),
        popcount(personality & profile.uint32[(at + PERSONALITY_AT) >> 2]),
      );
    }
    default: // SMOKING
      return smokingFit(stores, holder, slot);
  }
}

/** Whether the member in `slot` fully meets every criterion the one in `holder` requires (passesHardFilter), `ignoredBits` left out. */
export function meets(stores: Stores, holder: number, slot: number, ignoredBits: number): boolean {
  // Only the required criteria not left out, lowest first.
  let required = requiredOf(stores.wishes.uint32[(holder * RECORD_BYTES + IMPORTANCE_AT) >> 2]) & ~ignoredBits;
  for (; required !== 0; required &= required - 1)
    if (!fullyMeets(stores, holder, slot, lowestCriterion(required))) return false;
  return true;
}

/** rangeSimilarity(…) === 1 on stored values: no range at all, or a known value inside it. */
const withinRange = (value: number, min: number, max: number) =>
  (min === NONE && max === NONE) ||
  (value !== NONE && (min === NONE || value >= min) && (max === NONE || value <= max));
/** atLeastSimilarity(…) === 1 on stored values: no minimum, or a known rank at or above it. */
const atLeast = (rank: number, minimum: number) => minimum === NONE || (rank !== NONE && rank >= minimum);

/** passesHardFilter(criterion c, similarity) for the member in `slot` and the wish of `holder`, told without the similarity. */
function fullyMeets(stores: Stores, holder: number, slot: number, c: number): boolean {
  const { profiles: profile, wishes: wish } = stores;
  const at = slot * RECORD_BYTES;
  const wishAt = holder * RECORD_BYTES;
  switch (c) {
    case AGE:
      return withinRange(
        profile.int16[(at + AGE_AT) >> 1],
        wish.int16[(wishAt + AGE_MIN_AT) >> 1],
        wish.int16[(wishAt + AGE_MAX_AT) >> 1],
      );
    case HEIGHT:
      return withinRange(
        profile.int16[(at + HEIGHT_AT) >> 1],
        wish.int16[(wishAt + HEIGHT_MIN_AT) >> 1],
        wish.int16[(wishAt + HEIGHT_MAX_AT) >> 1],
      );
    case EDUCATION:
      return atLeast(profile.int8[at + EDUCATION_AT], wish.int8[wishAt + MIN_EDUCATION_AT]);
    case MARITAL_STATUS:
      return maritalFit(stores, holder, slot) === 1;
    case CHILDREN:
      return childrenFit(stores, holder, slot) === 1;
    case INCOME:
      return atLeast(profile.int8[at + INCOME_AT], wish.int8[wishAt + MIN_INCOME_AT]);
    case REGION:
      return regionFit(stores, holder, slot) === 1;
    case HOBBIES: {
      const wanted = wish.uint32[(wishAt + WANTED_HOBBIES_AT) >> 2];
      return wanted === 0 || (wanted & profile.uint32[(at + HOBBIES_AT) >> 2]) !== 0;
    }
    case PERSONALITY: {
      const wanted = wish.uint32[(wishAt + WANTED_PERSONALITY_AT) >> 2];
      return wanted === 0 || (wanted & profile.uint32[(at + PERSONALITY_AT) >> 2]) !== 0;
    }
    default:
      return smokingFit(stores, holder, slot) === 1;
  }
}

function maritalFit(stores: Stores, holder: number, slot: number): number {
  const wanted = stores.wishes.uint8[holder * RECORD_BYTES + MARITAL_WANTED_AT];
  const status = stores.profiles.int8[slot * RECORD_BYTES + MARITAL_AT];
  return wanted === 0 ? 1 : status === NONE ? UNKNOWN : wanted & (1 << status) ? 1 : 0;
}

function childrenFit(stores: Stores, holder: number, slot: number): number {
  return !(stores.profiles.uint8[slot * RECORD_BYTES + FLAGS_AT] & HAS_CHILDREN) ||
    stores.wishes.uint8[holder * RECORD_BYTES + PREFERENCE_FLAGS_AT] & CHILDREN_OK
    ? 1
    : 0;
}

function smokingFit(stores: Stores, holder: number, slot: number): number {
  return !(stores.profiles.uint8[slot * RECORD_BYTES + FLAGS_AT] & SMOKES) ||
    stores.wishes.uint8[holder * RECORD_BYTES + PREFERENCE_FLAGS_AT] & SMOKING_OK
    ? 1
    : 0;
}

/** regionSimilarity on numeric codes, without allocating. */
function regionFit(stores: Stores, holder: number, slot: number): number {
  const wish = stores.wishes;
  const extra =
    wish.uint8[holder * RECORD_BYTES + PREFERENCE_FLAGS_AT] & MANY_REGIONS ? stores.extraRegions.get(holder)! : null;
  const regions = (holder * RECORD_BYTES + REGIONS_AT) >> 1;
  const first = extra ? extra[0] : wish.int16[regions];
  if (!first) return 1;
  const place = stores.profiles.uint16[(slot * RECORD_BYTES + PLACE_AT) >> 1];
  const province = stores.places.province[place];
  const city = stores.places.city[place];
  if (province === NONE && city === NONE) return UNKNOWN;
  const count = extra ? extra.length : REGION_SLOTS;
  let sameProvince = false;
  for (let i = 0; i < count; i++) {
    const wished = extra ? extra[i] : wish.int16[regions + i];
    if (wished === 0) break;
    if (wished === city || wished === province) return 1;
    if (province !== NONE && wished > 99 && Math.floor(wished / 100) === province) sameProvince = true;
  }
  return sameProvince ? 0.6 : 0;
}

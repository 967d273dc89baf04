// Exact answers on two records, for the few candidates a scan gets to: similarity() per criterion, the directional score
// of one direction, and whether a member meets another's requirements — each equal to what similarity.ts and score.ts
// give on the decoded members.
import * as layout from './layout';
import { directionalScore } from './score';
import { atLeastSimilarity, FALLOFF, overlapSimilarity, rangeSimilarity, UNKNOWN } from './similarity';
import { Stores } from './stores';
import { CRITERIA, Criterion, MatchSettings } from './types';

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
  SMOKING,
  SMOKING_OK,
  WANTED_HOBBIES_AT,
  WANTED_PERSONALITY_AT,
  lowestCriterion,
  orNull,
  popcount,
  requiredOf,
} = layout;

/** Per match: the agency's weights and importance factors by position, and room for one candidate's weights and similarities. */
export interface Scratch {
  baseWeights: number[];
  factors: number[];
  weights: Float64Array;
  similarities: Float64Array;
  /** The criteria left out of this match (layout's ignoredBitsOf). */
  ignoredBits: number;
}

/** The Scratch of one match: the settings' weights and factors by position, empty rows for one candidate. */
export function scratchFor(settings: MatchSettings, ignoredBits: number): Scratch {
  return {
    baseWeights: CRITERIA.map((criterion) => settings.weights[criterion]),
    factors: IMPORTANCES.map((importance) => settings.importanceFactors[importance]),
    weights: new Float64Array(CRITERIA.length),
    similarities: new Float64Array(CRITERIA.length),
    ignoredBits,
  };
}

/** directionalScore (0–100) of how the member in `slot` fits the wish of `holder`, by the holder's weights. */
export function directionalScoreOf(stores: Stores, holder: number, slot: number, scratch: Scratch): number {
  weightsOf(stores, holder, scratch);
  similaritiesOf(stores, holder, slot, scratch.similarities);
  return directionalScore(scratch.similarities, scratch.weights);
}

/** weightOf for each criterion of the member in `slot` (the agency's weight or her own, times her importance's factor), into scratch.weights. */
function weightsOf(stores: Stores, slot: number, { weights, baseWeights, factors, ignoredBits }: Scratch) {
  const importance = stores.wishes.uint32[(slot * RECORD_BYTES + IMPORTANCE_AT) >> 2];
  for (let c = 0; c < CRITERIA.length; c++) weights[c] = baseWeights[c] * factors[(importance >>> (2 * c)) & 3];
  if (stores.wishes.uint8[slot * RECORD_BYTES + PREFERENCE_FLAGS_AT] & OWN_WEIGHTS) {
    for (const [criterion, weight] of Object.entries(stores.weightOverrides.get(slot)!)) {
      const c = CRITERIA.indexOf(criterion as Criterion);
      if (weight !== undefined && weight !== null) weights[c] = weight * factors[(importance >>> (2 * c)) & 3];
    }
  }
  for (let c = 0; c < CRITERIA.length; c++) if ((ignoredBits >>> (2 * c)) & 1) weights[c] = 0;
}

/** similarity() on the records: how well the member in `slot` fits the wish of `holder`, per criterion in CRITERIA order. */
function similaritiesOf(stores: Stores, holder: number, slot: number, out: Float64Array) {
  const { profiles: profile, wishes: wish } = stores;
  const at = slot * RECORD_BYTES;
  const wishAt = holder * RECORD_BYTES;
  const age = orNull(profile.int16[(at + AGE_AT) >> 1]);
  out[AGE] = rangeSimilarity(
    age,
    orNull(wish.int16[(wishAt + AGE_MIN_AT) >> 1]),
    orNull(wish.int16[(wishAt + AGE_MAX_AT) >> 1]),
    FALLOFF.age,
  );
  const height = orNull(profile.int16[(at + HEIGHT_AT) >> 1]);
  out[HEIGHT] = rangeSimilarity(
    height,
    orNull(wish.int16[(wishAt + HEIGHT_MIN_AT) >> 1]),
    orNull(wish.int16[(wishAt + HEIGHT_MAX_AT) >> 1]),
    FALLOFF.height,
  );
  out[EDUCATION] = atLeastSimilarity(
    orNull(profile.int8[at + EDUCATION_AT]),
    orNull(wish.int8[wishAt + MIN_EDUCATION_AT]),
    2,
  );
  out[MARITAL_STATUS] = maritalFit(stores, holder, slot);
  out[CHILDREN] = childrenFit(stores, holder, slot);
  out[INCOME] = atLeastSimilarity(
    orNull(profile.int8[at + INCOME_AT]),
    orNull(wish.int8[wishAt + MIN_INCOME_AT]),
    FALLOFF.income,
  );
  out[REGION] = regionFit(stores, holder, slot);
  const hobbies = wish.uint32[(wishAt + WANTED_HOBBIES_AT) >> 2];
  out[HOBBIES] = overlapSimilarity(popcount(hobbies), popcount(hobbies & profile.uint32[(at + HOBBIES_AT) >> 2]));
  const personality = wish.uint32[(wishAt + WANTED_PERSONALITY_AT) >> 2];
  out[PERSONALITY] = overlapSimilarity(
    popcount(personality),
    popcount(personality & profile.uint32[(at + PERSONALITY_AT) >> 2]),
  );
  out[SMOKING] = smokingFit(stores, holder, slot);
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

// A member in and out of her two records: plain objects to numbers (noting spans, strings, places and her requirement
// set in the stores on the way) and back.
import {
  AGE,
  AGE_AT,
  AGE_MAX_AT,
  AGE_MIN_AT,
  CHILDREN,
  CHILDREN_OK,
  EDUCATION,
  EDUCATION_AT,
  FLAGS_AT,
  GENDER_AT,
  GENDERS,
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
  PRESENT,
  RECOMMENDABLE,
  RECORD_BYTES,
  REGION,
  REGION_SLOTS,
  REGIONS_AT,
  REQUIREMENTS_AT,
  SMOKES,
  SMOKING_OK,
  WANTED_HOBBIES_AT,
  WANTED_PERSONALITY_AT,
  lowestCriterion,
  orNone,
  orNull,
  requiredOf,
} from './layout';
import { Stores } from './stores';
import { CRITERIA, Person, Preferences, Profile } from './types';

/**
 * Writes the member into both records of `slot` (which slots.ts chose for her group). Throws RangeError when she brings
 * the 33rd distinct hobby or personality tag, the 9th marital status or the 65537th place (stores.ts).
 */
export function encode(stores: Stores, slot: number, { profile, preferences }: Person) {
  const { int32, uint32, int16, uint16, int8, uint8 } = stores.profiles;
  const at = slot * RECORD_BYTES;
  int32[(at + ID_AT) >> 2] = profile.id;
  uint8[at + FLAGS_AT] =
    PRESENT |
    (profile.recommendable ? RECOMMENDABLE : 0) |
    (profile.hasChildren ? HAS_CHILDREN : 0) |
    (profile.smokes ? SMOKES : 0);
  uint8[at + GENDER_AT] = GENDERS.indexOf(profile.gender);
  int16[(at + AGE_AT) >> 1] = orNone(profile.age);
  stores.ageSpan.note(int16[(at + AGE_AT) >> 1]);
  int16[(at + HEIGHT_AT) >> 1] = orNone(profile.heightCm);
  stores.heightSpan.note(int16[(at + HEIGHT_AT) >> 1]);
  int8[at + EDUCATION_AT] = orNone(profile.educationRank);
  stores.educationSpan.note(int8[at + EDUCATION_AT]);
  int8[at + INCOME_AT] = orNone(profile.incomeRank);
  stores.incomeSpan.note(int8[at + INCOME_AT]);
  int8[at + MARITAL_AT] = profile.maritalStatus === null ? NONE : stores.maritalStatuses.bit(profile.maritalStatus);
  uint32[(at + HOBBIES_AT) >> 2] = stores.hobbies.mask(profile.hobbies);
  uint32[(at + PERSONALITY_AT) >> 2] = stores.personality.mask(profile.personality);
  const province = profile.province === null ? NONE : Number(profile.province);
  uint16[(at + PLACE_AT) >> 1] = stores.places.number(province, profile.city === null ? NONE : Number(profile.city));

  const wish = stores.wishes;
  wish.uint32[(at + IMPORTANCE_AT) >> 2] = CRITERIA.reduce(
    (bits, criterion, i) => bits | (IMPORTANCES.indexOf(preferences.importance[criterion] ?? 'normal') << (2 * i)),
    0,
  );
  wish.int16[(at + AGE_MIN_AT) >> 1] = orNone(preferences.ageMin);
  wish.int16[(at + AGE_MAX_AT) >> 1] = orNone(preferences.ageMax);
  wish.int16[(at + HEIGHT_MIN_AT) >> 1] = orNone(preferences.heightMin);
  wish.int16[(at + HEIGHT_MAX_AT) >> 1] = orNone(preferences.heightMax);
  wish.int8[at + MIN_EDUCATION_AT] = orNone(preferences.minEducationRank);
  wish.int8[at + MIN_INCOME_AT] = orNone(preferences.minIncomeRank);
  wish.uint8[at + MARITAL_WANTED_AT] = stores.maritalStatuses.mask(preferences.maritalStatuses);
  wish.uint32[(at + WANTED_HOBBIES_AT) >> 2] = stores.hobbies.mask(preferences.wantedHobbies);
  wish.uint32[(at + WANTED_PERSONALITY_AT) >> 2] = stores.personality.mask(preferences.wantedPersonality);
  const codes = preferences.regions.map(Number);
  for (let i = 0; i < REGION_SLOTS; i++) wish.int16[((at + REGIONS_AT) >> 1) + i] = codes[i] ?? 0;
  const manyRegions = codes.length > REGION_SLOTS;
  if (manyRegions) stores.extraRegions.set(slot, codes);
  else stores.extraRegions.delete(slot);
  const ownWeights = !!preferences.weights && Object.keys(preferences.weights).length > 0;
  if (ownWeights) stores.ownWeights.set(slot, ownWeightsOf(preferences.weights!));
  else stores.ownWeights.delete(slot);
  wish.uint8[at + PREFERENCE_FLAGS_AT] =
    (preferences.childrenAcceptable ? CHILDREN_OK : 0) |
    (preferences.smokingAcceptable ? SMOKING_OK : 0) |
    (manyRegions ? MANY_REGIONS : 0) |
    (ownWeights ? OWN_WEIGHTS : 0);
  uint32[(at + REQUIREMENTS_AT) >> 2] = requirementSetOf(stores, slot);
}

/** Own weights by CRITERIA position, NaN where none is given (undefined or null: the agency's weight applies). */
const ownWeightsOf = (weights: Partial<Record<string, number | null>>) =>
  Float64Array.from(CRITERIA, (criterion) => weights[criterion] ?? NaN);

/** Own weights by position back to { criterion: weight }, the criteria without one left out; undefined for none. */
const weightsObjectOf = (own: Float64Array | undefined) =>
  own && Object.fromEntries(CRITERIA.flatMap((criterion, c) => (Number.isNaN(own[c]) ? [] : [[criterion, own[c]]])));

/** The member in `slot` as plain objects: what encode() wrote, strings and codes restored (region codes as strings). */
export function decode(stores: Stores, slot: number): Person {
  const { int32, uint32, int16, uint16, int8, uint8 } = stores.profiles;
  const { places, hobbies, personality, maritalStatuses } = stores;
  const wish = stores.wishes;
  const at = slot * RECORD_BYTES;
  const flags = uint8[at + FLAGS_AT];
  const place = uint16[(at + PLACE_AT) >> 1];
  const province = places.province[place];
  const city = places.city[place];
  const marital = int8[at + MARITAL_AT];
  const profile: Profile = {
    id: int32[(at + ID_AT) >> 2],
    gender: GENDERS[uint8[at + GENDER_AT]],
    age: orNull(int16[(at + AGE_AT) >> 1]),
    heightCm: orNull(int16[(at + HEIGHT_AT) >> 1]),
    educationRank: orNull(int8[at + EDUCATION_AT]),
    incomeRank: orNull(int8[at + INCOME_AT]),
    maritalStatus: marital === NONE ? null : maritalStatuses.names[marital],
    hasChildren: !!(flags & HAS_CHILDREN),
    smokes: !!(flags & SMOKES),
    hobbies: hobbies.unmask(uint32[(at + HOBBIES_AT) >> 2]),
    personality: personality.unmask(uint32[(at + PERSONALITY_AT) >> 2]),
    province: province === NONE ? null : String(province),
    city: city === NONE ? null : String(city),
    recommendable: !!(flags & RECOMMENDABLE),
  };
  const importance = wish.uint32[(at + IMPORTANCE_AT) >> 2];
  const regions = (at + REGIONS_AT) >> 1;
  const codes =
    stores.extraRegions.get(slot) ?? Array.from(wish.int16.subarray(regions, regions + REGION_SLOTS)).filter(Boolean);
  const preferenceFlags = wish.uint8[at + PREFERENCE_FLAGS_AT];
  const preferences: Preferences = {
    ageMin: orNull(wish.int16[(at + AGE_MIN_AT) >> 1]),
    ageMax: orNull(wish.int16[(at + AGE_MAX_AT) >> 1]),
    heightMin: orNull(wish.int16[(at + HEIGHT_MIN_AT) >> 1]),
    heightMax: orNull(wish.int16[(at + HEIGHT_MAX_AT) >> 1]),
    minEducationRank: orNull(wish.int8[at + MIN_EDUCATION_AT]),
    minIncomeRank: orNull(wish.int8[at + MIN_INCOME_AT]),
    maritalStatuses: maritalStatuses.unmask(wish.uint8[at + MARITAL_WANTED_AT]),
    childrenAcceptable: !!(preferenceFlags & CHILDREN_OK),
    smokingAcceptable: !!(preferenceFlags & SMOKING_OK),
    regions: codes.map(String),
    wantedHobbies: hobbies.unmask(wish.uint32[(at + WANTED_HOBBIES_AT) >> 2]),
    wantedPersonality: personality.unmask(wish.uint32[(at + WANTED_PERSONALITY_AT) >> 2]),
    importance: Object.fromEntries(
      CRITERIA.map((criterion, i) => [criterion, IMPORTANCES[(importance >>> (2 * i)) & 3]]),
    ),
    weights: weightsObjectOf(stores.ownWeights.get(slot)),
  };
  return { profile, preferences };
}

/** The number of the requirement set of the member in `slot` (0: she requires nothing), from what her wish record holds. */
function requirementSetOf(stores: Stores, slot: number): number {
  const { uint32, int16, int8, uint8 } = stores.wishes;
  const at = slot * RECORD_BYTES;
  let key = '';
  for (let required = requiredOf(uint32[(at + IMPORTANCE_AT) >> 2]); required !== 0; required &= required - 1) {
    const c = lowestCriterion(required);
    key += `${c}:`;
    if (c === AGE) key += `${int16[(at + AGE_MIN_AT) >> 1]},${int16[(at + AGE_MAX_AT) >> 1]};`;
    else if (c === HEIGHT) key += `${int16[(at + HEIGHT_MIN_AT) >> 1]},${int16[(at + HEIGHT_MAX_AT) >> 1]};`;
    else if (c === EDUCATION) key += `${int8[at + MIN_EDUCATION_AT]};`;
    else if (c === MARITAL_STATUS) key += `${uint8[at + MARITAL_WANTED_AT]};`;
    else if (c === CHILDREN) key += `${uint8[at + PREFERENCE_FLAGS_AT] & CHILDREN_OK};`;
    else if (c === INCOME) key += `${int8[at + MIN_INCOME_AT]};`;
    else if (c === REGION)
      key += `${stores.extraRegions.get(slot) ?? int16.subarray((at + REGIONS_AT) >> 1, ((at + REGIONS_AT) >> 1) + REGION_SLOTS)};`;
    else if (c === HOBBIES) key += `${uint32[(at + WANTED_HOBBIES_AT) >> 2]};`;
    else if (c === PERSONALITY) key += `${uint32[(at + WANTED_PERSONALITY_AT) >> 2]};`;
    else key += `${uint8[at + PREFERENCE_FLAGS_AT] & SMOKING_OK};`;
  }
  return key === '' ? 0 : stores.requirementSets.number(key);
}

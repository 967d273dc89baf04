// How the index stores a member: two 32-byte records, her profile (read for every candidate) and her wish (read for the
// few scored), the codes their fields hold, and the bit arithmetic on them. Every other index file reads records through these.
import { CRITERIA, Criterion, Importance } from './types';

/** Importance codes: the two bits each criterion has in the wish record's importance word. */
export const IMPORTANCES: Importance[] = ['indifferent', 'normal', 'important', 'required'];
/** Gender codes of the profile record. */
export const GENDERS = [null, 'male', 'female'] as const;
/** Wished regions kept in the wish record; more go to Stores.extraRegions. */
export const REGION_SLOTS = 4;
/** A number field's "unknown" (null in a Profile or Preferences). */
export const NONE = -1;

// Positions in CRITERIA.
export const AGE = 0;
export const HEIGHT = 1;
export const EDUCATION = 2;
export const MARITAL_STATUS = 3;
export const CHILDREN = 4;
export const INCOME = 5;
export const REGION = 6;
export const HOBBIES = 7;
export const PERSONALITY = 8;
export const SMOKING = 9;

export const RECORD_BYTES = 32;
// Profile record: byte offsets.
export const ID_AT = 0; // Int32
export const HOBBIES_AT = 4; // Uint32 bitmask
export const PERSONALITY_AT = 8; // Uint32 bitmask
export const REQUIREMENTS_AT = 12; // Uint32: her requirement set, 0 for none
export const AGE_AT = 16; // Int16
export const HEIGHT_AT = 18; // Int16
export const PLACE_AT = 20; // Uint16
export const FLAGS_AT = 22; // Uint8
export const GENDER_AT = 23; // Uint8: GENDERS index
export const EDUCATION_AT = 24; // Int8
export const INCOME_AT = 25; // Int8
export const MARITAL_AT = 26; // Int8: marital-status bit
// Wish record: byte offsets.
export const IMPORTANCE_AT = 0; // Uint32: two bits per criterion
export const WANTED_HOBBIES_AT = 4; // Uint32 bitmask
export const WANTED_PERSONALITY_AT = 8; // Uint32 bitmask
export const AGE_MIN_AT = 12; // Int16 …
export const AGE_MAX_AT = 14;
export const HEIGHT_MIN_AT = 16;
export const HEIGHT_MAX_AT = 18;
export const REGIONS_AT = 20; // … REGION_SLOTS of them, 0 for none
export const MARITAL_WANTED_AT = 28; // Uint8 bitmask
export const PREFERENCE_FLAGS_AT = 29; // Uint8
export const MIN_EDUCATION_AT = 30; // Int8
export const MIN_INCOME_AT = 31; // Int8

// Profile flags.
export const PRESENT = 1;
export const RECOMMENDABLE = 2;
export const HAS_CHILDREN = 4;
export const SMOKES = 8;
/** Set only while a match runs: the candidate is one of the member's excluded pairs. */
export const EXCLUDED_PAIR = 16;
// Preference flags.
export const CHILDREN_OK = 1;
export const SMOKING_OK = 2;
/** More than REGION_SLOTS wished regions: all of them are in Stores.extraRegions. */
export const MANY_REGIONS = 4;
/** Own weights for some criteria, in Stores.ownWeights. */
export const OWN_WEIGHTS = 8;

/** Slots come in chunks of one group each, so that a scan reads its group's records in a row. */
export const CHUNK_SLOTS = 256;

/** The group (gender × consent) a member is kept in: GENDERS index × 2 + 1 if she may be suggested. */
export const groupNumber = (gender: number, recommendable: boolean) => gender * 2 + (recommendable ? 1 : 0);

/** Two importance bits per criterion, both set for "required": keeps the low bit of each required pair. */
export const requiredOf = (importance: number) => importance & (importance >>> 1) & 0x55555;

/** The low importance bit of each criterion left out of a match: masks them out of requiredOf. */
export const ignoredBitsOf = (ignore: ReadonlySet<Criterion> | undefined) =>
  CRITERIA.reduce((bits, criterion, c) => (ignore?.has(criterion) ? bits | (1 << (2 * c)) : bits), 0);

/** The CRITERIA position of the lowest criterion in a requiredOf-style mask (one bit per criterion, at 2 × position). */
export const lowestCriterion = (mask: number) => (31 - Math.clz32(mask & -mask)) >>> 1;

/** Set bits of a 32-bit mask (shared hobbies, shared personality tags); the SWAR count of Hacker's Delight, §5-1. */
export const popcount = (n: number) => {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
};

/** A Profile or Preferences number as stored: null becomes NONE. */
export const orNone = (value: number | null) => (value === null ? NONE : value);
/** A stored number as a Profile or Preferences has it: NONE becomes null. */
export const orNull = (value: number) => (value === NONE ? null : value);

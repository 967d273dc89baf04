// A member's wish made ready for a scan: for each criterion, a table from the value a candidate holds to weight ×
// similarity(), so that scoring a candidate forward is ten lookups; and bounds that let the scan stop early.
import {
  IMPORTANCE_AT,
  NONE,
  RECORD_BYTES,
  WANTED_HOBBIES_AT,
  WANTED_PERSONALITY_AT,
  orNull,
  requiredOf,
} from './layout';
import { passesHardFilter, similarity } from './similarity';
import { Stores } from './stores';
import { CRITERIA, Criterion, Person, Profile } from './types';

/** One member's wish, made ready for a scan: tables by the value a candidate holds, and bounds for pruning. */
export interface Wish {
  /**
   * Per criterion (CRITERIA order) and candidate value: weight × similarity(), -Infinity where it fails her requirement.
   * Indexed by value − the field's low (age, height, education, income), marital bit + 1, 0/1 (children, smoking),
   * place number (region), or the count of wished items shared (hobbies, personality).
   */
  fits: number[][];
  ageLow: number;
  heightLow: number;
  educationLow: number;
  incomeLow: number;
  wantedHobbies: number;
  wantedPersonality: number;
  /** Σ of the weights in CRITERIA order, as directionalScore sums them. */
  total: number;
  /** By position k: the most criteria k on can add; Infinity while one is required, so that her requirements are always looked up. */
  restFrom: number[];
}

/**
 * The wish of the member in `slot` (decoded as `person`) for a scan, by her `weights` (weightOf per criterion, 0 where
 * ignored). Each table comes from similarity() of a probe profile that takes, in turn, every value candidates hold.
 */
export function wishTables(
  stores: Stores,
  slot: number,
  { profile, preferences }: Person,
  weights: readonly number[],
  ignoredBits: number,
): Wish {
  const probe: Profile = { ...profile };
  const { places, maritalStatuses } = stores;
  const code = (value: number) => (value === NONE ? null : String(value));
  const upTo = (last: number) => Array.from({ length: last + 1 }, (_, i) => i);
  // Per criterion: the values its table covers, and how the probe takes one.
  const covered: Record<Criterion, [readonly number[], (value: number) => void]> = {
    age: [stores.ageSpan.values, (age) => (probe.age = orNull(age))],
    height: [stores.heightSpan.values, (height) => (probe.heightCm = orNull(height))],
    education: [stores.educationSpan.values, (rank) => (probe.educationRank = orNull(rank))],
    maritalStatus: [
      upTo(maritalStatuses.names.length),
      (bit) => (probe.maritalStatus = bit === 0 ? null : maritalStatuses.names[bit - 1]),
    ],
    children: [[0, 1], (has) => (probe.hasChildren = has === 1)],
    income: [stores.incomeSpan.values, (rank) => (probe.incomeRank = orNull(rank))],
    region: [
      upTo(places.province.length - 1),
      (place) => {
        probe.province = code(places.province[place]);
        probe.city = code(places.city[place]);
      },
    ],
    hobbies: [
      upTo(preferences.wantedHobbies.length),
      (shared) => (probe.hobbies = preferences.wantedHobbies.slice(0, shared)),
    ],
    personality: [
      upTo(preferences.wantedPersonality.length),
      (shared) => (probe.personality = preferences.wantedPersonality.slice(0, shared)),
    ],
    smoking: [[0, 1], (smokes) => (probe.smokes = smokes === 1)],
  };
  const fits = CRITERIA.map((criterion, c) => {
    const [values, setProbe] = covered[criterion];
    const required = preferences.importance[criterion] === 'required' && !((ignoredBits >>> (2 * c)) & 1);
    return values.map((value) => {
      setProbe(value);
      const fit = similarity(criterion, probe, preferences);
      return required && !passesHardFilter(criterion, fit) ? -Infinity : weights[c] * fit;
    });
  });
  const at = slot * RECORD_BYTES;
  const required = requiredOf(stores.wishes.uint32[(at + IMPORTANCE_AT) >> 2]) & ~ignoredBits;
  const sumFrom = (k: number) => weights.slice(k).reduce((sum, weight) => sum + weight, 0);
  return {
    fits,
    ageLow: stores.ageSpan.low,
    heightLow: stores.heightSpan.low,
    educationLow: stores.educationSpan.low,
    incomeLow: stores.incomeSpan.low,
    wantedHobbies: stores.wishes.uint32[(at + WANTED_HOBBIES_AT) >> 2],
    wantedPersonality: stores.wishes.uint32[(at + WANTED_PERSONALITY_AT) >> 2],
    total: sumFrom(0),
    restFrom: Array.from({ length: CRITERIA.length + 1 }, (_, k) =>
      required >>> (2 * k) !== 0 ? Infinity : sumFrom(k),
    ),
  };
}

// The candidate pool as records of numbers, grouped by gender and consent, changed one member at a time; a member's top-K
// is a tight loop over the group she may be suggested from. Results equal the reference matcher's (tests compare them).
import { byRank, evaluatePair, MatchOptions, Person } from './reference';
import { atLeastSimilarity, FALLOFF, overlapSimilarity, passesHardFilter, rangeSimilarity, similarity, UNKNOWN } from './similarity';
import { combine, round2, weightOf } from './score';
import { Combination, CRITERIA, Criterion, ExclusionReason, Importance, MatchOutcome, MatchResult, MatchSettings, Preferences, Profile } from './types';

const IMPORTANCES: Importance[] = ['indifferent', 'normal', 'important', 'required'];
const GENDERS = [null, 'male', 'female'] as const;
const REGION_SLOTS = 4;
const NONE = -1;

// Positions in CRITERIA, as literals so that a switch over them compiles to a jump table.
const AGE = 0;
const HEIGHT = 1;
const EDUCATION = 2;
const MARITAL_STATUS = 3;
const CHILDREN = 4;
const INCOME = 5;
const REGION = 6;
const HOBBIES = 7;
const PERSONALITY = 8;
const SMOKING = 9;

// A member is two 32-byte records, her profile (read for every candidate) and her wish (read for the few scored): byte offsets.
const RECORD_BYTES = 32;
// Profile record.
const ID_AT = 0; // Int32
const HOBBIES_AT = 4; // Uint32 bitmask
const PERSONALITY_AT = 8; // Uint32 bitmask
const REQUIREMENTS_AT = 12; // Uint32: her requirement set, 0 for none
const AGE_AT = 16; // Int16
const HEIGHT_AT = 18; // Int16
const PLACE_AT = 20; // Uint16
const FLAGS_AT = 22; // Uint8
const GENDER_AT = 23; // Uint8: GENDERS index
const EDUCATION_AT = 24; // Int8
const INCOME_AT = 25; // Int8
const MARITAL_AT = 26; // Int8: marital-status bit
// Wish record.
const IMPORTANCE_AT = 0; // Uint32: two bits per criterion
const WANTED_HOBBIES_AT = 4; // Uint32 bitmask
const WANTED_PERSONALITY_AT = 8; // Uint32 bitmask
const AGE_MIN_AT = 12; // Int16 …
const AGE_MAX_AT = 14;
const HEIGHT_MIN_AT = 16;
const HEIGHT_MAX_AT = 18;
const REGIONS_AT = 20; // … REGION_SLOTS of them, 0 for none
const MARITAL_WANTED_AT = 28; // Uint8 bitmask
const PREFERENCE_FLAGS_AT = 29; // Uint8
const MIN_EDUCATION_AT = 30; // Int8
const MIN_INCOME_AT = 31; // Int8

// Profile flags.
const PRESENT = 1;
const RECOMMENDABLE = 2;
const HAS_CHILDREN = 4;
const SMOKES = 8;
/** Set only while a match runs: the candidate is one of the member's excluded pairs. */
const EXCLUDED_PAIR = 16;
// Preference flags.
const CHILDREN_OK = 1;
const SMOKING_OK = 2;
/** More than REGION_SLOTS wished regions: all of them are in `extraRegions`. */
const MANY_REGIONS = 4;
/** Own weights for some criteria, in `weightOverrides`. */
const OWN_WEIGHTS = 8;

/** Slots come in chunks of one group each, so that a scan reads its group's records in a row. */
const CHUNK_SLOTS = 256;

/** Two importance bits per criterion, both set for "required": keeps the low bit of each required pair. */
const requiredOf = (importance: number) => importance & (importance >>> 1) & 0x55555;
/** The low importance bit of each criterion left out of a match: masks them out of requiredOf. */
const ignoredBitsOf = (ignore: ReadonlySet<Criterion> | undefined) => CRITERIA.reduce((bits, criterion, c) => (ignore?.has(criterion) ? bits | (1 << (2 * c)) : bits), 0);
// Scores compare rounded to 0.01: a bound 0.01 below the worst kept score rounds below it, 0.004 above rounds to it at most.
const PRUNE_MARGIN = 0.01;
const TIE_MARGIN = 0.004;
// Whether a member meets a requirement set, per match.
const UNTESTED = 0;
const MET = 1;
const UNMET = 2;

const popcount = (n: number) => {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
};
const orNone = (value: number | null) => (value === null ? NONE : value);
const orNull = (value: number) => (value === NONE ? null : value);
/** rangeSimilarity(…) === 1 on stored values: no range at all, or a known value inside it. */
const withinRange = (value: number, min: number, max: number) =>
  (min === NONE && max === NONE) || (value !== NONE && (min === NONE || value >= min) && (max === NONE || value <= max));
/** atLeastSimilarity(…) === 1 on stored values: no minimum, or a known rank at or above it. */
const atLeast = (rank: number, minimum: number) => minimum === NONE || (rank !== NONE && rank >= minimum);

/** The least forward score that, with a perfect 100 the other way, still combines to `target` (combine grows with both). */
function forwardNeededFor(target: number, how: Combination): number {
  if (target <= 0) return 0;
  switch (how) {
    case 'harmonic':
      return (100 * target) / (200 - target);
    case 'geometric':
      return (target * target) / 100;
    case 'minimum':
      return target;
    case 'arithmetic':
      return 2 * target - 100;
  }
}

/** Strings (hobbies, marital statuses) to bit positions; a bitmask holds at most `limit` of them. */
class Dictionary {
  private readonly bits = new Map<string, number>();
  readonly names: string[] = [];
  constructor(private readonly what: string, private readonly limit: number) {}

  bit(name: string): number {
    let bit = this.bits.get(name);
    if (bit === undefined) {
      if (this.names.length >= this.limit) throw new RangeError(`the matching index holds at most ${this.limit} distinct ${this.what}`);
      bit = this.names.push(name) - 1;
      this.bits.set(name, bit);
    }
    return bit;
  }

  mask(names: readonly string[]): number {
    return names.reduce((mask, name) => (mask | (1 << this.bit(name))) >>> 0, 0);
  }

  unmask(mask: number): string[] {
    return this.names.filter((_, bit) => mask & (1 << bit));
  }
}

/** The (province, city) pairs members live in, numbered, so that a member's region wish is one lookup per candidate. */
class Places {
  private readonly numbers = new Map<string, number>();
  readonly province: number[] = [];
  readonly city: number[] = [];

  number(province: number, city: number): number {
    const key = `${province}/${city}`;
    let place = this.numbers.get(key);
    if (place === undefined) {
      if (this.province.length > 0xffff) throw new RangeError('the matching index holds at most 65536 distinct places');
      place = this.province.push(province) - 1;
      this.city.push(city);
      this.numbers.set(key, place);
    }
    return place;
  }
}

/** Members' requirements (required criteria with their wishes), numbered from 1: a match tests each set once, not each candidate. */
class RequirementSets {
  private readonly numbers = new Map<string, number>();

  number(key: string): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(key, number);
    }
    return number;
  }

  get count() {
    return this.numbers.size;
  }
}

/** The lowest and highest value a field has held, so that a table by value covers every candidate. */
class Span {
  low = NONE;
  high = NONE;

  note(value: number) {
    this.low = Math.min(this.low, value);
    this.high = Math.max(this.high, value);
  }

  get values(): number[] {
    return Array.from({ length: this.high - this.low + 1 }, (_, i) => this.low + i);
  }
}

/** Records of RECORD_BYTES, slot after slot in one buffer, seen as each kind of number a field is stored as. */
class Records {
  int32 = new Int32Array(0);
  uint32 = new Uint32Array(0);
  int16 = new Int16Array(0);
  uint16 = new Uint16Array(0);
  int8 = new Int8Array(0);
  uint8 = new Uint8Array(0);

  grow(slots: number) {
    const buffer = new ArrayBuffer(slots * RECORD_BYTES);
    new Uint8Array(buffer).set(this.uint8);
    this.int32 = new Int32Array(buffer);
    this.uint32 = new Uint32Array(buffer);
    this.int16 = new Int16Array(buffer);
    this.uint16 = new Uint16Array(buffer);
    this.int8 = new Int8Array(buffer);
    this.uint8 = new Uint8Array(buffer);
  }
}

/** The members of one gender (GENDERS index) and consent: the chunks their slots are in, and the free slots there. */
class Group {
  readonly chunks: number[] = [];
  readonly freeSlots: number[] = [];
  size = 0;
}

/** One member's wish, made ready for a scan: tables by the value a candidate holds, and bounds for pruning. */
interface Wish {
  /** Per criterion (CRITERIA order) and candidate value: weight × similarity(), -Infinity where it fails her requirement. */
  fits: Float64Array[];
  ageLow: number;
  heightLow: number;
  educationLow: number;
  incomeLow: number;
  wantedHobbies: number;
  wantedPersonality: number;
  /** Σ of the weights in CRITERIA order, as directionalScore sums them. */
  total: number;
  /** By position k: the most criteria k on can add; Infinity while one is required, so that her requirements are always looked up. */
  restFrom: Float64Array;
}

/** Per match: the agency's weights and importance factors by position, and room for one candidate's weights and similarities. */
interface Scratch {
  baseWeights: number[];
  factors: number[];
  weights: Float64Array;
  similarities: Float64Array;
  /** The criteria left out of this match (ignoredBitsOf). */
  ignoredBits: number;
}

export class MatchIndex {
  private capacity = 0;
  private chunkCount = 0;
  private readonly slotOf = new Map<number, number>();
  private readonly profiles = new Records();
  private readonly wishes = new Records();
  /** By gender (GENDERS index) × 2 + recommendable: a match scans only the groups it may suggest from. */
  private readonly groups = Array.from({ length: GENDERS.length * 2 }, () => new Group());
  private readonly hobbies = new Dictionary('hobbies', 32);
  private readonly personality = new Dictionary('personality tags', 32);
  private readonly maritalStatuses = new Dictionary('marital statuses', 8);
  private readonly places = new Places();
  private readonly requirementSets = new RequirementSets();
  private readonly ageSpan = new Span();
  private readonly heightSpan = new Span();
  private readonly educationSpan = new Span();
  private readonly incomeSpan = new Span();
  /** Rare extras kept aside: more than REGION_SLOTS wished regions, per-member weights. */
  private readonly extraRegions = new Map<number, number[]>();
  private readonly weightOverrides = new Map<number, Partial<Record<Criterion, number>>>();

  constructor(private settings: MatchSettings) {}

  get count() {
    return this.slotOf.size;
  }

  /** Bytes held by the records of the groups' chunks (the id map and rare extras aside). */
  get columnBytes() {
    return this.chunkCount * CHUNK_SLOTS * 2 * RECORD_BYTES;
  }

  setSettings(settings: MatchSettings) {
    this.settings = settings;
  }

  has(id: number) {
    return this.slotOf.has(id);
  }

  /** Adds a member or replaces what the index knows of her. */
  upsert({ profile, preferences }: Person) {
    const gender = GENDERS.indexOf(profile.gender);
    const group = gender * 2 + (profile.recommendable ? 1 : 0);
    let slot = this.slotOf.get(profile.id);
    // A member whose gender or consent changed moves to a slot of her new group.
    if (slot !== undefined && this.groupOf(slot) !== group) {
      this.release(slot);
      slot = undefined;
    }
    if (slot === undefined) {
      slot = this.allocate(group);
      this.slotOf.set(profile.id, slot);
    }
    const { int32, uint32, int16, uint16, int8, uint8 } = this.profiles;
    const at = slot * RECORD_BYTES;
    int32[(at + ID_AT) >> 2] = profile.id;
    uint8[at + FLAGS_AT] = PRESENT | (profile.recommendable ? RECOMMENDABLE : 0) | (profile.hasChildren ? HAS_CHILDREN : 0) | (profile.smokes ? SMOKES : 0);
    uint8[at + GENDER_AT] = gender;
    int16[(at + AGE_AT) >> 1] = orNone(profile.age);
    this.ageSpan.note(int16[(at + AGE_AT) >> 1]);
    int16[(at + HEIGHT_AT) >> 1] = orNone(profile.heightCm);
    this.heightSpan.note(int16[(at + HEIGHT_AT) >> 1]);
    int8[at + EDUCATION_AT] = orNone(profile.educationRank);
    this.educationSpan.note(int8[at + EDUCATION_AT]);
    int8[at + INCOME_AT] = orNone(profile.incomeRank);
    this.incomeSpan.note(int8[at + INCOME_AT]);
    int8[at + MARITAL_AT] = profile.maritalStatus === null ? NONE : this.maritalStatuses.bit(profile.maritalStatus);
    uint32[(at + HOBBIES_AT) >> 2] = this.hobbies.mask(profile.hobbies);
    uint32[(at + PERSONALITY_AT) >> 2] = this.personality.mask(profile.personality);
    const province = profile.province === null ? NONE : Number(profile.province);
    uint16[(at + PLACE_AT) >> 1] = this.places.number(province, profile.city === null ? NONE : Number(profile.city));

    const wish = this.wishes;
    wish.uint32[(at + IMPORTANCE_AT) >> 2] = CRITERIA.reduce((bits, criterion, i) => bits | (IMPORTANCES.indexOf(preferences.importance[criterion] ?? 'normal') << (2 * i)), 0);
    wish.int16[(at + AGE_MIN_AT) >> 1] = orNone(preferences.ageMin);
    wish.int16[(at + AGE_MAX_AT) >> 1] = orNone(preferences.ageMax);
    wish.int16[(at + HEIGHT_MIN_AT) >> 1] = orNone(preferences.heightMin);
    wish.int16[(at + HEIGHT_MAX_AT) >> 1] = orNone(preferences.heightMax);
    wish.int8[at + MIN_EDUCATION_AT] = orNone(preferences.minEducationRank);
    wish.int8[at + MIN_INCOME_AT] = orNone(preferences.minIncomeRank);
    wish.uint8[at + MARITAL_WANTED_AT] = this.maritalStatuses.mask(preferences.maritalStatuses);
    wish.uint32[(at + WANTED_HOBBIES_AT) >> 2] = this.hobbies.mask(preferences.wantedHobbies);
    wish.uint32[(at + WANTED_PERSONALITY_AT) >> 2] = this.personality.mask(preferences.wantedPersonality);
    const codes = preferences.regions.map(Number);
    for (let i = 0; i < REGION_SLOTS; i++) wish.int16[((at + REGIONS_AT) >> 1) + i] = codes[i] ?? 0;
    const manyRegions = codes.length > REGION_SLOTS;
    if (manyRegions) this.extraRegions.set(slot, codes);
    else this.extraRegions.delete(slot);
    const ownWeights = !!preferences.weights && Object.keys(preferences.weights).length > 0;
    if (ownWeights) this.weightOverrides.set(slot, preferences.weights!);
    else this.weightOverrides.delete(slot);
    wish.uint8[at + PREFERENCE_FLAGS_AT] = (preferences.childrenAcceptable ? CHILDREN_OK : 0) | (preferences.smokingAcceptable ? SMOKING_OK : 0) |
      (manyRegions ? MANY_REGIONS : 0) | (ownWeights ? OWN_WEIGHTS : 0);
    uint32[(at + REQUIREMENTS_AT) >> 2] = this.requirementSetOf(slot);
  }

  remove(id: number) {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.release(slot);
    this.slotOf.delete(id);
  }

  /** What the index holds of one member, as plain objects. */
  person(id: number): Person | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.decode(slot);
  }

  /** The member's best candidates, reciprocal hard filters first, with the reasons for each result. */
  match(memberId: number, options: MatchOptions): MatchOutcome {
    const memberSlot = this.slotOf.get(memberId);
    if (memberSlot === undefined) throw new Error(`member ${memberId} is not in the matching index`);
    const member = this.decode(memberSlot);
    const { settings, ignore } = options;
    const ignoredBits = ignoredBitsOf(ignore);
    const forwardWeights = Float64Array.from(CRITERIA, (criterion) => (ignore?.has(criterion) ? 0 : weightOf(criterion, member.preferences, settings)));
    const memberGender = this.profiles.uint8[memberSlot * RECORD_BYTES + GENDER_AT];
    const memberRecommendable = this.profiles.uint8[memberSlot * RECORD_BYTES + FLAGS_AT] & RECOMMENDABLE ? 1 : 0;

    // The reference's prechecks in its order (self, notRecommendable, sameGender, excludedPair), counted from group sizes.
    const groupSize = (gender: number, recommendable: number) => this.groups[gender * 2 + recommendable].size;
    const notRecommendable = GENDERS.reduce((sum, _, gender) => sum + groupSize(gender, 0), 0) - (1 - memberRecommendable);
    const sameGender = groupSize(0, 1) + (memberGender === 0 ? 0 : groupSize(memberGender, 1)) - memberRecommendable;
    const suggestable = GENDERS.flatMap((gender, g) => (gender !== null && g !== memberGender ? [this.groups[g * 2 + 1]] : []));
    const excludedPairs = [...(options.excludedIds ?? [])]
      .map((id) => this.slotOf.get(id))
      .filter((slot): slot is number => slot !== undefined && suggestable.includes(this.groups[this.groupOf(slot)]));
    const evaluated = suggestable.reduce((sum, group) => sum + group.size, 0) - excludedPairs.length;

    const top = new TopK(Math.max(0, Math.min(Math.floor(options.limit), evaluated)));
    const flags = this.profiles.uint8;
    for (const slot of excludedPairs) flags[slot * RECORD_BYTES + FLAGS_AT] |= EXCLUDED_PAIR;
    let scanned: { hardFilter: number; belowMinimum: number };
    try {
      scanned = this.scan(memberSlot, this.wishOf(memberSlot, member, forwardWeights, ignoredBits), suggestable, settings, ignoredBits, top);
    } finally {
      for (const slot of excludedPairs) flags[slot * RECORD_BYTES + FLAGS_AT] &= ~EXCLUDED_PAIR;
    }

    const results: MatchResult[] = top
      .ranked()
      .map((id) => evaluatePair(member, this.decode(this.slotOf.get(id)!), settings, { ignore }) as MatchResult)
      .sort(byRank);
    const counts: [ExclusionReason, number][] = [
      ['notRecommendable', notRecommendable], ['sameGender', sameGender], ['excludedPair', excludedPairs.length],
      ['hardFilter', scanned.hardFilter], ['belowMinimum', scanned.belowMinimum],
    ];
    return { results, evaluated, excluded: Object.fromEntries(counts.filter(([, n]) => n > 0)) };
  }

  /** Scores the groups' candidates (excluded pairs marked) into `top`; counts those out by a hard filter or the minimum. */
  private scan(memberSlot: number, wish: Wish, groups: Group[], settings: MatchSettings, ignoredBits: number, top: TopK) {
    const { combination, minimumScore } = settings;
    const { int32, uint32, int16, uint16, int8, uint8 } = this.profiles;
    const { fits, ageLow, heightLow, educationLow, incomeLow, wantedHobbies, wantedPersonality, total, restFrom } = wish;
    const ageFit = fits[AGE];
    const heightFit = fits[HEIGHT];
    const educationFit = fits[EDUCATION];
    const maritalFit = fits[MARITAL_STATUS];
    const childrenFit = fits[CHILDREN];
    const incomeFit = fits[INCOME];
    const regionFit = fits[REGION];
    const hobbiesFit = fits[HOBBIES];
    const personalityFit = fits[PERSONALITY];
    const smokingFit = fits[SMOKING];
    const restFromAge = restFrom[AGE];
    const restFromHeight = restFrom[HEIGHT];
    const restFromChildren = restFrom[CHILDREN];
    const restFromHobbies = restFrom[HOBBIES];
    const scratch: Scratch = {
      baseWeights: CRITERIA.map((criterion) => settings.weights[criterion]),
      factors: IMPORTANCES.map((importance) => settings.importanceFactors[importance]),
      weights: new Float64Array(CRITERIA.length),
      similarities: new Float64Array(CRITERIA.length),
      ignoredBits,
    };
    // Whether the member meets each requirement set, tested when a candidate first has it.
    const metRequirementSets = new Uint8Array(this.requirementSets.count + 1);
    let hardFilter = 0;
    let belowMinimum = 0;
    // Below this forward score even a perfect fit the other way stays under the minimum score.
    const hopelessBelow = forwardNeededFor(minimumScore - PRUNE_MARGIN, combination);
    // The weighted fit needed to reach the worst kept score, or to tie it with a lower id; none before the list is full or with a minimum.
    let outrankedBelow = -Infinity;
    let tiedBelow = -Infinity;
    let worstId = 0;
    for (let g = 0; g < groups.length; g++) {
      const { chunks } = groups[g];
      for (let k = 0; k < chunks.length; k++) {
        for (let s = chunks[k], end = s + CHUNK_SLOTS; s < end; s++) {
          const at = s * RECORD_BYTES;
          const flags = uint8[at + FLAGS_AT];
          if ((flags & (PRESENT | EXCLUDED_PAIR)) !== PRESENT) continue;
          // Hard filters come before any pruning: a candidate who fails one counts as hardFilter whatever her score.
          const requirementSet = uint32[(at + REQUIREMENTS_AT) >> 2];
          if (requirementSet !== 0) {
            let met = metRequirementSets[requirementSet];
            if (met === UNTESTED) met = metRequirementSets[requirementSet] = this.meets(s, memberSlot, ignoredBits) ? MET : UNMET;
            if (met === UNMET) {
              hardFilter++;
              continue;
            }
          }
          const id = int32[(at + ID_AT) >> 2];
          const needed = id > worstId ? tiedBelow : outrankedBelow;
          // Added in CRITERIA order as directionalScore adds (so, to the bit); each step only while perfect fits on the rest could reach `needed`.
          let weighted = 0;
          if (restFromAge >= needed) {
            weighted = ageFit[int16[(at + AGE_AT) >> 1] - ageLow];
            if (weighted + restFromHeight >= needed) {
              weighted = weighted + heightFit[int16[(at + HEIGHT_AT) >> 1] - heightLow] + educationFit[int8[at + EDUCATION_AT] - educationLow] +
                maritalFit[int8[at + MARITAL_AT] + 1];
              if (weighted + restFromChildren >= needed) {
                weighted = weighted + childrenFit[flags & HAS_CHILDREN ? 1 : 0] + incomeFit[int8[at + INCOME_AT] - incomeLow] +
                  regionFit[uint16[(at + PLACE_AT) >> 1]];
                if (weighted + restFromHobbies >= needed) {
                  weighted = weighted + hobbiesFit[popcount(wantedHobbies & uint32[(at + HOBBIES_AT) >> 2])] +
                    personalityFit[popcount(wantedPersonality & uint32[(at + PERSONALITY_AT) >> 2])] + smokingFit[flags & SMOKES ? 1 : 0];
                }
              }
            }
          }
          // A table's -Infinity: she fails a criterion the member requires.
          if (weighted === -Infinity) {
            hardFilter++;
            continue;
          }
          if (weighted < needed) continue;
          const forward = total === 0 ? 100 : (100 * weighted) / total;
          if (forward < hopelessBelow) {
            belowMinimum++;
            continue;
          }
          const score = round2(combine(forward, this.directionalScore(s, memberSlot, scratch), combination));
          if (score < minimumScore) {
            belowMinimum++;
            continue;
          }
          top.offer(score, id);
          if (top.full && minimumScore <= 0) {
            outrankedBelow = (forwardNeededFor(top.worstScore - PRUNE_MARGIN, combination) * total) / 100;
            tiedBelow = (forwardNeededFor(top.worstScore + TIE_MARGIN, combination) * total) / 100;
            worstId = top.worstId;
          }
        }
      }
    }
    return { hardFilter, belowMinimum };
  }

  /** The member's wish for a scan; tables from similarity() of a probe profile that takes each value candidates hold in turn. */
  private wishOf(slot: number, { profile, preferences }: Person, weights: Float64Array, ignoredBits: number): Wish {
    const probe: Profile = { ...profile };
    const { places, maritalStatuses } = this;
    const code = (value: number) => (value === NONE ? null : String(value));
    const upTo = (last: number) => Array.from({ length: last + 1 }, (_, i) => i);
    // Per criterion: the values its table covers, and how the probe takes one.
    const covered: Record<Criterion, [number[], (value: number) => void]> = {
      age: [this.ageSpan.values, (age) => (probe.age = orNull(age))],
      height: [this.heightSpan.values, (height) => (probe.heightCm = orNull(height))],
      education: [this.educationSpan.values, (rank) => (probe.educationRank = orNull(rank))],
      maritalStatus: [upTo(maritalStatuses.names.length), (bit) => (probe.maritalStatus = bit === 0 ? null : maritalStatuses.names[bit - 1])],
      children: [[0, 1], (has) => (probe.hasChildren = has === 1)],
      income: [this.incomeSpan.values, (rank) => (probe.incomeRank = orNull(rank))],
      region: [upTo(places.province.length - 1), (place) => {
        probe.province = code(places.province[place]);
        probe.city = code(places.city[place]);
      }],
      hobbies: [upTo(preferences.wantedHobbies.length), (shared) => (probe.hobbies = preferences.wantedHobbies.slice(0, shared))],
      personality: [upTo(preferences.wantedPersonality.length), (shared) => (probe.personality = preferences.wantedPersonality.slice(0, shared))],
      smoking: [[0, 1], (smokes) => (probe.smokes = smokes === 1)],
    };
    const fits = CRITERIA.map((criterion, c) => {
      const [values, setProbe] = covered[criterion];
      const required = preferences.importance[criterion] === 'required' && !((ignoredBits >>> (2 * c)) & 1);
      return Float64Array.from(values, (value) => {
        setProbe(value);
        const fit = similarity(criterion, probe, preferences);
        return required && !passesHardFilter(criterion, fit) ? -Infinity : weights[c] * fit;
      });
    });
    const at = slot * RECORD_BYTES;
    const required = requiredOf(this.wishes.uint32[(at + IMPORTANCE_AT) >> 2]) & ~ignoredBits;
    const sumFrom = (k: number) => weights.slice(k).reduce((sum, weight) => sum + weight, 0);
    return {
      fits,
      ageLow: this.ageSpan.low,
      heightLow: this.heightSpan.low,
      educationLow: this.educationSpan.low,
      incomeLow: this.incomeSpan.low,
      wantedHobbies: this.wishes.uint32[(at + WANTED_HOBBIES_AT) >> 2],
      wantedPersonality: this.wishes.uint32[(at + WANTED_PERSONALITY_AT) >> 2],
      total: sumFrom(0),
      restFrom: Float64Array.from({ length: CRITERIA.length + 1 }, (_, k) => (required >>> (2 * k) !== 0 ? Infinity : sumFrom(k))),
    };
  }

  /** Whether the member in `slot` fully meets every criterion the one in `holder` requires (passesHardFilter). */
  private meets(holder: number, slot: number, ignoredBits: number): boolean {
    // Only the required criteria not left out, lowest first.
    let required = requiredOf(this.wishes.uint32[(holder * RECORD_BYTES + IMPORTANCE_AT) >> 2]) & ~ignoredBits;
    for (; required !== 0; required &= required - 1) if (!this.fullyMeets(holder, slot, (31 - Math.clz32(required & -required)) >>> 1)) return false;
    return true;
  }

  /** passesHardFilter(criterion c, similarity) for the member in `slot` and the wish of `holder`, told without the similarity. */
  private fullyMeets(holder: number, slot: number, c: number): boolean {
    const profile = this.profiles;
    const wish = this.wishes;
    const at = slot * RECORD_BYTES;
    const wishAt = holder * RECORD_BYTES;
    switch (c) {
      case AGE:
        return withinRange(profile.int16[(at + AGE_AT) >> 1], wish.int16[(wishAt + AGE_MIN_AT) >> 1], wish.int16[(wishAt + AGE_MAX_AT) >> 1]);
      case HEIGHT:
        return withinRange(profile.int16[(at + HEIGHT_AT) >> 1], wish.int16[(wishAt + HEIGHT_MIN_AT) >> 1], wish.int16[(wishAt + HEIGHT_MAX_AT) >> 1]);
      case EDUCATION:
        return atLeast(profile.int8[at + EDUCATION_AT], wish.int8[wishAt + MIN_EDUCATION_AT]);
      case MARITAL_STATUS:
        return this.maritalFit(holder, slot) === 1;
      case CHILDREN:
        return this.childrenFit(holder, slot) === 1;
      case INCOME:
        return atLeast(profile.int8[at + INCOME_AT], wish.int8[wishAt + MIN_INCOME_AT]);
      case REGION:
        return this.regionFit(holder, slot) === 1;
      case HOBBIES: {
        const wanted = wish.uint32[(wishAt + WANTED_HOBBIES_AT) >> 2];
        return wanted === 0 || (wanted & profile.uint32[(at + HOBBIES_AT) >> 2]) !== 0;
      }
      case PERSONALITY: {
        const wanted = wish.uint32[(wishAt + WANTED_PERSONALITY_AT) >> 2];
        return wanted === 0 || (wanted & profile.uint32[(at + PERSONALITY_AT) >> 2]) !== 0;
      }
      default:
        return this.smokingFit(holder, slot) === 1;
    }
  }

  /** The directional score (directionalScore, 0–100) of how the member in `slot` fits the wish of `holder`, by her weights. */
  private directionalScore(holder: number, slot: number, scratch: Scratch): number {
    const { weights, similarities } = scratch;
    this.weightsOf(holder, scratch);
    this.similarities(holder, slot, similarities);
    // Summed as directionalScore sums, so that the score is the reference's to the bit.
    let total = 0;
    let weighted = 0;
    for (let c = 0; c < CRITERIA.length; c++) {
      total += weights[c];
      weighted += weights[c] * similarities[c];
    }
    return total === 0 ? 100 : (100 * weighted) / total;
  }

  /** weightOf for each criterion of the member in `slot` (the agency's weight or her own, times her importance's factor). */
  private weightsOf(slot: number, { weights, baseWeights, factors, ignoredBits }: Scratch) {
    const importance = this.wishes.uint32[(slot * RECORD_BYTES + IMPORTANCE_AT) >> 2];
    for (let c = 0; c < CRITERIA.length; c++) weights[c] = baseWeights[c] * factors[(importance >>> (2 * c)) & 3];
    if (this.wishes.uint8[slot * RECORD_BYTES + PREFERENCE_FLAGS_AT] & OWN_WEIGHTS) {
      for (const [criterion, weight] of Object.entries(this.weightOverrides.get(slot)!)) {
        const c = CRITERIA.indexOf(criterion as Criterion);
        if (weight !== undefined && weight !== null) weights[c] = weight * factors[(importance >>> (2 * c)) & 3];
      }
    }
    for (let c = 0; c < CRITERIA.length; c++) if ((ignoredBits >>> (2 * c)) & 1) weights[c] = 0;
  }

  /** similarity() on the records: how well the member in `slot` fits the wish of `holder`, per criterion in CRITERIA order. */
  private similarities(holder: number, slot: number, out: Float64Array) {
    const profile = this.profiles;
    const wish = this.wishes;
    const at = slot * RECORD_BYTES;
    const wishAt = holder * RECORD_BYTES;
    const age = orNull(profile.int16[(at + AGE_AT) >> 1]);
    out[AGE] = rangeSimilarity(age, orNull(wish.int16[(wishAt + AGE_MIN_AT) >> 1]), orNull(wish.int16[(wishAt + AGE_MAX_AT) >> 1]), FALLOFF.age);
    const height = orNull(profile.int16[(at + HEIGHT_AT) >> 1]);
    out[HEIGHT] = rangeSimilarity(height, orNull(wish.int16[(wishAt + HEIGHT_MIN_AT) >> 1]), orNull(wish.int16[(wishAt + HEIGHT_MAX_AT) >> 1]), FALLOFF.height);
    out[EDUCATION] = atLeastSimilarity(orNull(profile.int8[at + EDUCATION_AT]), orNull(wish.int8[wishAt + MIN_EDUCATION_AT]), 2);
    out[MARITAL_STATUS] = this.maritalFit(holder, slot);
    out[CHILDREN] = this.childrenFit(holder, slot);
    out[INCOME] = atLeastSimilarity(orNull(profile.int8[at + INCOME_AT]), orNull(wish.int8[wishAt + MIN_INCOME_AT]), FALLOFF.income);
    out[REGION] = this.regionFit(holder, slot);
    const hobbies = wish.uint32[(wishAt + WANTED_HOBBIES_AT) >> 2];
    out[HOBBIES] = overlapSimilarity(popcount(hobbies), popcount(hobbies & profile.uint32[(at + HOBBIES_AT) >> 2]));
    const personality = wish.uint32[(wishAt + WANTED_PERSONALITY_AT) >> 2];
    out[PERSONALITY] = overlapSimilarity(popcount(personality), popcount(personality & profile.uint32[(at + PERSONALITY_AT) >> 2]));
    out[SMOKING] = this.smokingFit(holder, slot);
  }

  private maritalFit(holder: number, slot: number): number {
    const wanted = this.wishes.uint8[holder * RECORD_BYTES + MARITAL_WANTED_AT];
    const status = this.profiles.int8[slot * RECORD_BYTES + MARITAL_AT];
    return wanted === 0 ? 1 : status === NONE ? UNKNOWN : wanted & (1 << status) ? 1 : 0;
  }

  private childrenFit(holder: number, slot: number): number {
    return !(this.profiles.uint8[slot * RECORD_BYTES + FLAGS_AT] & HAS_CHILDREN) || this.wishes.uint8[holder * RECORD_BYTES + PREFERENCE_FLAGS_AT] & CHILDREN_OK ? 1 : 0;
  }

  private smokingFit(holder: number, slot: number): number {
    return !(this.profiles.uint8[slot * RECORD_BYTES + FLAGS_AT] & SMOKES) || this.wishes.uint8[holder * RECORD_BYTES + PREFERENCE_FLAGS_AT] & SMOKING_OK ? 1 : 0;
  }

  /** regionSimilarity on numeric codes, without allocating. */
  private regionFit(holder: number, slot: number): number {
    const wish = this.wishes;
    const extra = wish.uint8[holder * RECORD_BYTES + PREFERENCE_FLAGS_AT] & MANY_REGIONS ? this.extraRegions.get(holder)! : null;
    const regions = (holder * RECORD_BYTES + REGIONS_AT) >> 1;
    const first = extra ? extra[0] : wish.int16[regions];
    if (!first) return 1;
    const place = this.profiles.uint16[(slot * RECORD_BYTES + PLACE_AT) >> 1];
    const province = this.places.province[place];
    const city = this.places.city[place];
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

  /** The number of the requirement set of the member in `slot` (0: she requires nothing), from what her wish record holds. */
  private requirementSetOf(slot: number): number {
    const { uint32, int16, int8, uint8 } = this.wishes;
    const at = slot * RECORD_BYTES;
    let key = '';
    for (let required = requiredOf(uint32[(at + IMPORTANCE_AT) >> 2]); required !== 0; required &= required - 1) {
      const c = (31 - Math.clz32(required & -required)) >>> 1;
      key += `${c}:`;
      if (c === AGE) key += `${int16[(at + AGE_MIN_AT) >> 1]},${int16[(at + AGE_MAX_AT) >> 1]};`;
      else if (c === HEIGHT) key += `${int16[(at + HEIGHT_MIN_AT) >> 1]},${int16[(at + HEIGHT_MAX_AT) >> 1]};`;
      else if (c === EDUCATION) key += `${int8[at + MIN_EDUCATION_AT]};`;
      else if (c === MARITAL_STATUS) key += `${uint8[at + MARITAL_WANTED_AT]};`;
      else if (c === CHILDREN) key += `${uint8[at + PREFERENCE_FLAGS_AT] & CHILDREN_OK};`;
      else if (c === INCOME) key += `${int8[at + MIN_INCOME_AT]};`;
      else if (c === REGION) key += `${this.extraRegions.get(slot) ?? int16.subarray((at + REGIONS_AT) >> 1, ((at + REGIONS_AT) >> 1) + REGION_SLOTS)};`;
      else if (c === HOBBIES) key += `${uint32[(at + WANTED_HOBBIES_AT) >> 2]};`;
      else if (c === PERSONALITY) key += `${uint32[(at + WANTED_PERSONALITY_AT) >> 2]};`;
      else key += `${uint8[at + PREFERENCE_FLAGS_AT] & SMOKING_OK};`;
    }
    return key === '' ? 0 : this.requirementSets.number(key);
  }

  private groupOf(slot: number): number {
    const at = slot * RECORD_BYTES;
    return this.profiles.uint8[at + GENDER_AT] * 2 + (this.profiles.uint8[at + FLAGS_AT] & RECOMMENDABLE ? 1 : 0);
  }

  /** A free slot of the group, from a new chunk if it has none. */
  private allocate(g: number): number {
    const group = this.groups[g];
    if (group.freeSlots.length === 0) {
      const first = this.chunkCount++ * CHUNK_SLOTS;
      if (first + CHUNK_SLOTS > this.capacity) {
        this.capacity = Math.max(4 * CHUNK_SLOTS, this.capacity * 2);
        this.profiles.grow(this.capacity);
        this.wishes.grow(this.capacity);
      }
      group.chunks.push(first);
      for (let slot = first + CHUNK_SLOTS - 1; slot >= first; slot--) group.freeSlots.push(slot);
    }
    group.size++;
    return group.freeSlots.pop()!;
  }

  /** Frees the member's slot for her group's next member. */
  private release(slot: number) {
    const group = this.groups[this.groupOf(slot)];
    group.size--;
    group.freeSlots.push(slot);
    this.profiles.uint8[slot * RECORD_BYTES + FLAGS_AT] = 0;
    this.extraRegions.delete(slot);
    this.weightOverrides.delete(slot);
  }

  private decode(slot: number): Person {
    const { int32, uint32, int16, uint16, int8, uint8 } = this.profiles;
    const wish = this.wishes;
    const at = slot * RECORD_BYTES;
    const flags = uint8[at + FLAGS_AT];
    const place = uint16[(at + PLACE_AT) >> 1];
    const province = this.places.province[place];
    const city = this.places.city[place];
    const marital = int8[at + MARITAL_AT];
    const profile: Profile = {
      id: int32[(at + ID_AT) >> 2],
      gender: GENDERS[uint8[at + GENDER_AT]],
      age: orNull(int16[(at + AGE_AT) >> 1]),
      heightCm: orNull(int16[(at + HEIGHT_AT) >> 1]),
      educationRank: orNull(int8[at + EDUCATION_AT]),
      incomeRank: orNull(int8[at + INCOME_AT]),
      maritalStatus: marital === NONE ? null : this.maritalStatuses.names[marital],
      hasChildren: !!(flags & HAS_CHILDREN),
      smokes: !!(flags & SMOKES),
      hobbies: this.hobbies.unmask(uint32[(at + HOBBIES_AT) >> 2]),
      personality: this.personality.unmask(uint32[(at + PERSONALITY_AT) >> 2]),
      province: province === NONE ? null : String(province),
      city: city === NONE ? null : String(city),
      recommendable: !!(flags & RECOMMENDABLE),
    };
    const importance = wish.uint32[(at + IMPORTANCE_AT) >> 2];
    const regions = (at + REGIONS_AT) >> 1;
    const codes = this.extraRegions.get(slot) ?? Array.from(wish.int16.subarray(regions, regions + REGION_SLOTS)).filter(Boolean);
    const preferenceFlags = wish.uint8[at + PREFERENCE_FLAGS_AT];
    const preferences: Preferences = {
      ageMin: orNull(wish.int16[(at + AGE_MIN_AT) >> 1]),
      ageMax: orNull(wish.int16[(at + AGE_MAX_AT) >> 1]),
      heightMin: orNull(wish.int16[(at + HEIGHT_MIN_AT) >> 1]),
      heightMax: orNull(wish.int16[(at + HEIGHT_MAX_AT) >> 1]),
      minEducationRank: orNull(wish.int8[at + MIN_EDUCATION_AT]),
      minIncomeRank: orNull(wish.int8[at + MIN_INCOME_AT]),
      maritalStatuses: this.maritalStatuses.unmask(wish.uint8[at + MARITAL_WANTED_AT]),
      childrenAcceptable: !!(preferenceFlags & CHILDREN_OK),
      smokingAcceptable: !!(preferenceFlags & SMOKING_OK),
      regions: codes.map(String),
      wantedHobbies: this.hobbies.unmask(wish.uint32[(at + WANTED_HOBBIES_AT) >> 2]),
      wantedPersonality: this.personality.unmask(wish.uint32[(at + WANTED_PERSONALITY_AT) >> 2]),
      importance: Object.fromEntries(CRITERIA.map((criterion, i) => [criterion, IMPORTANCES[(importance >>> (2 * i)) & 3]])),
      weights: this.weightOverrides.get(slot),
    };
    return { profile, preferences };
  }
}

/** The best `limit` (score, id) pairs seen: a min-heap in typed arrays, worst on top; ties go to the lower id. */
class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.scores = new Float64Array(limit);
    this.ids = new Int32Array(limit);
  }

  offer(score: number, id: number) {
    if (this.size < this.limit) this.siftUp(this.size++, score, id);
    else if (this.limit > 0 && worse(this.scores[0], this.ids[0], score, id)) this.siftDown(score, id);
  }

  get full() {
    return this.size >= this.limit;
  }

  /** The score a newcomer has to beat, or tie with a lower id than `worstId`. */
  get worstScore() {
    return this.size ? this.scores[0] : -Infinity;
  }

  get worstId() {
    return this.size ? this.ids[0] : 0;
  }

  /** The ids, best first. */
  ranked(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    return order.sort((a, b) => this.scores[b] - this.scores[a] || this.ids[a] - this.ids[b]).map((i) => this.ids[i]);
  }

  /** Places (score, id) at `i` or above, moving worse parents down. */
  private siftUp(i: number, score: number, id: number) {
    const { scores, ids } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(score, id, scores[parent], ids[parent])) break;
      scores[i] = scores[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    scores[i] = score;
    ids[i] = id;
  }

  /** Replaces the worst entry with (score, id) and moves it down to its place. */
  private siftDown(score: number, id: number) {
    const { scores, ids, size } = this;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && worse(scores[child + 1], ids[child + 1], scores[child], ids[child])) child++;
      if (!worse(scores[child], ids[child], score, id)) break;
      scores[i] = scores[child];
      ids[i] = ids[child];
      i = child;
    }
    scores[i] = score;
    ids[i] = id;
  }
}

/** Whether (score a, id a) ranks below (score b, id b): a lower score, or the same with a higher id. */
const worse = (scoreA: number, idA: number, scoreB: number, idB: number) => scoreA < scoreB || (scoreA === scoreB && idA > idB);

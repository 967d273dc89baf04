// The candidate pool as columns of typed arrays: one member's top-K is a tight loop over numbers, and a member is
// added, changed or removed one at a time. Results equal the reference matcher's (tests compare them).
import { byRank, evaluatePair, MatchOptions, Person } from './reference';
import { atLeastSimilarity, FALLOFF, overlapSimilarity, passesHardFilter, rangeSimilarity } from './similarity';
import { combine, directionalScore, round2, weightOf } from './score';
import { CRITERIA, Criterion, ExclusionReason, Importance, MatchOutcome, MatchResult, MatchSettings, Preferences, Profile } from './types';

const IMPORTANCES: Importance[] = ['indifferent', 'normal', 'important', 'required'];
const GENDERS = [null, 'male', 'female'] as const;
const REGION_SLOTS = 4;
const NONE = -1;

const RECOMMENDABLE = 1;
const HAS_CHILDREN = 2;
const SMOKES = 4;
const PRESENT = 8;
const CHILDREN_OK = 1;
const SMOKING_OK = 2;

const popcount = (n: number) => {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
};
const orNone = (value: number | null) => (value === null ? NONE : value);
const orNull = (value: number) => (value === NONE ? null : value);

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

export class MatchIndex {
  private size = 0;
  private capacity = 0;
  private readonly slotOf = new Map<number, number>();
  private readonly freeSlots: number[] = [];
  private readonly hobbies = new Dictionary('hobbies', 32);
  private readonly personality = new Dictionary('personality tags', 32);
  private readonly maritalStatuses = new Dictionary('marital statuses', 8);
  /** Rare extras kept aside: more than REGION_SLOTS wished regions, per-member weights. */
  private readonly extraRegions = new Map<number, number[]>();
  private readonly weightOverrides = new Map<number, Partial<Record<Criterion, number>>>();

  private id = new Int32Array(0);
  private flags = new Uint8Array(0);
  private gender = new Uint8Array(0);
  private age = new Int16Array(0);
  private height = new Int16Array(0);
  private education = new Int8Array(0);
  private income = new Int8Array(0);
  private marital = new Int8Array(0);
  private hobbyMask = new Uint32Array(0);
  private personalityMask = new Uint32Array(0);
  private province = new Int16Array(0);
  private city = new Int16Array(0);
  private ageMin = new Int16Array(0);
  private ageMax = new Int16Array(0);
  private heightMin = new Int16Array(0);
  private heightMax = new Int16Array(0);
  private minEducation = new Int8Array(0);
  private minIncome = new Int8Array(0);
  private maritalWanted = new Uint8Array(0);
  private preferenceFlags = new Uint8Array(0);
  private wantedHobbies = new Uint32Array(0);
  private wantedPersonality = new Uint32Array(0);
  private regions = new Int16Array(0);
  private importance = new Uint32Array(0);

  constructor(private settings: MatchSettings) {}

  get count() {
    return this.slotOf.size;
  }

  /** Bytes held by the columns (the id map and rare extras aside). */
  get columnBytes() {
    const columns = [this.id, this.flags, this.gender, this.age, this.height, this.education, this.income, this.marital, this.hobbyMask,
      this.personalityMask, this.province, this.city, this.ageMin, this.ageMax, this.heightMin, this.heightMax, this.minEducation,
      this.minIncome, this.maritalWanted, this.preferenceFlags, this.wantedHobbies, this.wantedPersonality, this.regions, this.importance];
    return columns.reduce((bytes, column) => bytes + (column.byteLength / Math.max(1, this.capacity)) * this.size, 0);
  }

  setSettings(settings: MatchSettings) {
    this.settings = settings;
  }

  has(id: number) {
    return this.slotOf.has(id);
  }

  /** Adds a member or replaces what the index knows of her. */
  upsert({ profile, preferences }: Person) {
    let slot = this.slotOf.get(profile.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.size++;
      if (slot >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
      this.slotOf.set(profile.id, slot);
    }
    this.id[slot] = profile.id;
    this.flags[slot] = PRESENT | (profile.recommendable ? RECOMMENDABLE : 0) | (profile.hasChildren ? HAS_CHILDREN : 0) | (profile.smokes ? SMOKES : 0);
    this.gender[slot] = GENDERS.indexOf(profile.gender);
    this.age[slot] = orNone(profile.age);
    this.height[slot] = orNone(profile.heightCm);
    this.education[slot] = orNone(profile.educationRank);
    this.income[slot] = orNone(profile.incomeRank);
    this.marital[slot] = profile.maritalStatus === null ? NONE : this.maritalStatuses.bit(profile.maritalStatus);
    this.hobbyMask[slot] = this.hobbies.mask(profile.hobbies);
    this.personalityMask[slot] = this.personality.mask(profile.personality);
    this.province[slot] = profile.province === null ? NONE : Number(profile.province);
    this.city[slot] = profile.city === null ? NONE : Number(profile.city);

    this.ageMin[slot] = orNone(preferences.ageMin);
    this.ageMax[slot] = orNone(preferences.ageMax);
    this.heightMin[slot] = orNone(preferences.heightMin);
    this.heightMax[slot] = orNone(preferences.heightMax);
    this.minEducation[slot] = orNone(preferences.minEducationRank);
    this.minIncome[slot] = orNone(preferences.minIncomeRank);
    this.maritalWanted[slot] = this.maritalStatuses.mask(preferences.maritalStatuses);
    this.preferenceFlags[slot] = (preferences.childrenAcceptable ? CHILDREN_OK : 0) | (preferences.smokingAcceptable ? SMOKING_OK : 0);
    this.wantedHobbies[slot] = this.hobbies.mask(preferences.wantedHobbies);
    this.wantedPersonality[slot] = this.personality.mask(preferences.wantedPersonality);
    const codes = preferences.regions.map(Number);
    for (let i = 0; i < REGION_SLOTS; i++) this.regions[slot * REGION_SLOTS + i] = codes[i] ?? 0;
    if (codes.length > REGION_SLOTS) this.extraRegions.set(slot, codes);
    else this.extraRegions.delete(slot);
    this.importance[slot] = CRITERIA.reduce((bits, criterion, i) => bits | (IMPORTANCES.indexOf(preferences.importance[criterion] ?? 'normal') << (2 * i)), 0) >>> 0;
    if (preferences.weights && Object.keys(preferences.weights).length) this.weightOverrides.set(slot, preferences.weights);
    else this.weightOverrides.delete(slot);
  }

  remove(id: number) {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.flags[slot] = 0;
    this.slotOf.delete(id);
    this.extraRegions.delete(slot);
    this.weightOverrides.delete(slot);
    this.freeSlots.push(slot);
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
    const { settings } = options;
    const forwardWeights = CRITERIA.map((criterion) => weightOf(criterion, member.preferences, settings));
    const memberRequired = CRITERIA.flatMap((criterion, c) => (member.preferences.importance[criterion] === 'required' ? [c] : []));
    const baseWeights = CRITERIA.map((criterion) => settings.weights[criterion]);
    const factors = IMPORTANCES.map((importance) => settings.importanceFactors[importance]);
    let notRecommendable = 0;
    let sameGender = 0;
    let excludedPair = 0;
    let hardFilter = 0;
    let belowMinimum = 0;
    const excludedIds = options.excludedIds?.size ? options.excludedIds : null;
    const memberGender = this.gender[memberSlot];
    const top = new TopK(options.limit);
    const forward = new Float64Array(CRITERIA.length);
    const backward = new Float64Array(CRITERIA.length);
    const backwardWeights = new Float64Array(CRITERIA.length);
    let evaluated = 0;

    for (let s = 0; s < this.size; s++) {
      const flags = this.flags[s];
      if (!(flags & PRESENT) || s === memberSlot) continue;
      if (!(flags & RECOMMENDABLE)) {
        notRecommendable++;
        continue;
      }
      if (this.gender[s] === 0 || this.gender[s] === memberGender) {
        sameGender++;
        continue;
      }
      if (excludedIds !== null && excludedIds.has(this.id[s])) {
        excludedPair++;
        continue;
      }
      evaluated++;
      this.similarities(memberSlot, s, forward);
      let failsHardFilter = false;
      for (let r = 0; r < memberRequired.length; r++) if (!passesHardFilter(CRITERIA[memberRequired[r]], forward[memberRequired[r]])) failsHardFilter = true;
      const candidateImportance = this.importance[s];
      // Two bits per criterion; both set means "required": only then is the other direction needed for the filter.
      const candidateRequires = (candidateImportance & (candidateImportance >>> 1) & 0x55555) !== 0;
      if (!failsHardFilter && candidateRequires) {
        this.similarities(s, memberSlot, backward);
        for (let c = 0; c < CRITERIA.length; c++) {
          if (((candidateImportance >>> (2 * c)) & 3) === 3 && !passesHardFilter(CRITERIA[c], backward[c])) failsHardFilter = true;
        }
      }
      if (failsHardFilter) {
        hardFilter++;
        continue;
      }
      const forwardScore = directionalScore(forward, forwardWeights);
      // Out-ranked whatever the other direction says: skip it (with a minimum score set, it must be known to count).
      if (settings.minimumScore <= 0 && top.full && round2(combine(forwardScore, 100, settings.combination)) < top.worst) continue;
      if (!candidateRequires) this.similarities(s, memberSlot, backward);
      const overrides = this.weightOverrides.get(s);
      for (let c = 0; c < CRITERIA.length; c++) {
        const importance = (candidateImportance >>> (2 * c)) & 3;
        backwardWeights[c] = (overrides?.[CRITERIA[c]] ?? baseWeights[c]) * factors[importance];
      }
      const score = round2(combine(forwardScore, directionalScore(backward, backwardWeights), settings.combination));
      if (score < settings.minimumScore) {
        belowMinimum++;
        continue;
      }
      top.offer(score, this.id[s]);
    }

    const results: MatchResult[] = top
      .ranked()
      .map(({ id }) => evaluatePair(member, this.decode(this.slotOf.get(id)!), settings) as MatchResult)
      .sort(byRank);
    const counts: [ExclusionReason, number][] = [
      ['notRecommendable', notRecommendable], ['sameGender', sameGender], ['excludedPair', excludedPair], ['hardFilter', hardFilter], ['belowMinimum', belowMinimum],
    ];
    return { results, evaluated, excluded: Object.fromEntries(counts.filter(([, n]) => n > 0)) };
  }

  /** How well `candidate` fits the wish of `holder`, per criterion (in CRITERIA order), into `out`. */
  private similarities(holder: number, candidate: number, out: Float64Array) {
    out[0] = rangeSimilarity(orNull(this.age[candidate]), orNull(this.ageMin[holder]), orNull(this.ageMax[holder]), FALLOFF.age);
    out[1] = rangeSimilarity(orNull(this.height[candidate]), orNull(this.heightMin[holder]), orNull(this.heightMax[holder]), FALLOFF.height);
    out[2] = atLeastSimilarity(orNull(this.education[candidate]), orNull(this.minEducation[holder]), 2);
    const wantedMarital = this.maritalWanted[holder];
    out[3] = wantedMarital === 0 ? 1 : this.marital[candidate] === NONE ? 0.5 : wantedMarital & (1 << this.marital[candidate]) ? 1 : 0;
    out[4] = !(this.flags[candidate] & HAS_CHILDREN) || this.preferenceFlags[holder] & CHILDREN_OK ? 1 : 0;
    out[5] = atLeastSimilarity(orNull(this.income[candidate]), orNull(this.minIncome[holder]), FALLOFF.income);
    out[6] = this.regionFit(holder, candidate);
    const hobbies = this.wantedHobbies[holder];
    out[7] = overlapSimilarity(popcount(hobbies), popcount(hobbies & this.hobbyMask[candidate]));
    const personality = this.wantedPersonality[holder];
    out[8] = overlapSimilarity(popcount(personality), popcount(personality & this.personalityMask[candidate]));
    out[9] = !(this.flags[candidate] & SMOKES) || this.preferenceFlags[holder] & SMOKING_OK ? 1 : 0;
  }

  /** regionSimilarity on numeric codes, without allocating in the scan. */
  private regionFit(holder: number, candidate: number): number {
    const extra = this.extraRegions.get(holder);
    const first = extra ? extra[0] : this.regions[holder * REGION_SLOTS];
    if (!first) return 1;
    const province = this.province[candidate];
    const city = this.city[candidate];
    if (province === NONE && city === NONE) return 0.5;
    const count = extra ? extra.length : REGION_SLOTS;
    const base = holder * REGION_SLOTS;
    let sameProvince = false;
    for (let i = 0; i < count; i++) {
      const wished = extra ? extra[i] : this.regions[base + i];
      if (wished === 0) break;
      if (wished === city || wished === province) return 1;
      if (province !== NONE && wished > 99 && Math.floor(wished / 100) === province) sameProvince = true;
    }
    return sameProvince ? 0.6 : 0;
  }

  private decode(slot: number): Person {
    const flags = this.flags[slot];
    const importance = this.importance[slot];
    const profile: Profile = {
      id: this.id[slot],
      gender: GENDERS[this.gender[slot]],
      age: orNull(this.age[slot]),
      heightCm: orNull(this.height[slot]),
      educationRank: orNull(this.education[slot]),
      incomeRank: orNull(this.income[slot]),
      maritalStatus: this.marital[slot] === NONE ? null : this.maritalStatuses.names[this.marital[slot]],
      hasChildren: !!(flags & HAS_CHILDREN),
      smokes: !!(flags & SMOKES),
      hobbies: this.hobbies.unmask(this.hobbyMask[slot]),
      personality: this.personality.unmask(this.personalityMask[slot]),
      province: this.province[slot] === NONE ? null : String(this.province[slot]),
      city: this.city[slot] === NONE ? null : String(this.city[slot]),
      recommendable: !!(flags & RECOMMENDABLE),
    };
    const regions = this.extraRegions.get(slot) ?? Array.from(this.regions.subarray(slot * REGION_SLOTS, (slot + 1) * REGION_SLOTS)).filter(Boolean);
    const preferences: Preferences = {
      ageMin: orNull(this.ageMin[slot]),
      ageMax: orNull(this.ageMax[slot]),
      heightMin: orNull(this.heightMin[slot]),
      heightMax: orNull(this.heightMax[slot]),
      minEducationRank: orNull(this.minEducation[slot]),
      minIncomeRank: orNull(this.minIncome[slot]),
      maritalStatuses: this.maritalStatuses.unmask(this.maritalWanted[slot]),
      childrenAcceptable: !!(this.preferenceFlags[slot] & CHILDREN_OK),
      smokingAcceptable: !!(this.preferenceFlags[slot] & SMOKING_OK),
      regions: regions.map(String),
      wantedHobbies: this.hobbies.unmask(this.wantedHobbies[slot]),
      wantedPersonality: this.personality.unmask(this.wantedPersonality[slot]),
      importance: Object.fromEntries(CRITERIA.map((criterion, i) => [criterion, IMPORTANCES[(importance >>> (2 * i)) & 3]])),
      weights: this.weightOverrides.get(slot),
    };
    return { profile, preferences };
  }

  private grow(capacity: number) {
    const grown = <T extends Int8Array | Uint8Array | Int16Array | Int32Array | Uint32Array>(array: T, width = 1): T => {
      const next = new (array.constructor as any)(capacity * width) as T;
      next.set(array);
      return next;
    };
    this.id = grown(this.id);
    this.flags = grown(this.flags);
    this.gender = grown(this.gender);
    this.age = grown(this.age);
    this.height = grown(this.height);
    this.education = grown(this.education);
    this.income = grown(this.income);
    this.marital = grown(this.marital);
    this.hobbyMask = grown(this.hobbyMask);
    this.personalityMask = grown(this.personalityMask);
    this.province = grown(this.province);
    this.city = grown(this.city);
    this.ageMin = grown(this.ageMin);
    this.ageMax = grown(this.ageMax);
    this.heightMin = grown(this.heightMin);
    this.heightMax = grown(this.heightMax);
    this.minEducation = grown(this.minEducation);
    this.minIncome = grown(this.minIncome);
    this.maritalWanted = grown(this.maritalWanted);
    this.preferenceFlags = grown(this.preferenceFlags);
    this.wantedHobbies = grown(this.wantedHobbies);
    this.wantedPersonality = grown(this.wantedPersonality);
    this.regions = grown(this.regions, REGION_SLOTS);
    this.importance = grown(this.importance);
    this.capacity = capacity;
  }
}

/** The best `limit` (score, id) pairs seen: a small min-heap, worst on top; ties go to the lower id. */
class TopK {
  private readonly heap: { score: number; id: number }[] = [];
  constructor(private readonly limit: number) {}

  private worse(a: { score: number; id: number }, b: { score: number; id: number }) {
    return a.score < b.score || (a.score === b.score && a.id > b.id);
  }

  offer(score: number, id: number) {
    const item = { score, id };
    if (this.heap.length < this.limit) {
      this.heap.push(item);
      this.up(this.heap.length - 1);
    } else if (this.limit > 0 && this.worse(this.heap[0], item)) {
      this.heap[0] = item;
      this.down(0);
    }
  }

  get full() {
    return this.heap.length >= this.limit;
  }

  /** The lowest score still in the list. */
  get worst() {
    return this.heap.length ? this.heap[0].score : -Infinity;
  }

  ranked() {
    return [...this.heap].sort((a, b) => b.score - a.score || a.id - b.id);
  }

  private up(i: number) {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(this.heap[i], this.heap[parent])) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private down(i: number) {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.heap.length && this.worse(this.heap[left], this.heap[worst])) worst = left;
      if (right < this.heap.length && this.worse(this.heap[right], this.heap[worst])) worst = right;
      if (worst === i) return;
      [this.heap[i], this.heap[worst]] = [this.heap[worst], this.heap[i]];
      i = worst;
    }
  }
}

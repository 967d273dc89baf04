// The candidate pool as records of numbers, grouped by gender and consent, changed one member at a time; a member's top-K
// is a tight loop over the groups she may be suggested from (scan.ts). Results equal the reference matcher's (tests compare them).
import { decode, encode } from './codec';
import { byRank, rankAll } from './evaluation';
import { resultOf, scratchFor, weightsOf } from './exact-checks';
import {
  EXCLUDED_PAIR,
  FLAGS_AT,
  GENDER_AT,
  GENDERS,
  RECOMMENDABLE,
  RECORD_BYTES,
  groupNumber,
  ignoredBitsOf,
} from './layout';
import { scan, ScanCounts } from './scan';
import { Slots } from './slots';
import { Stores } from './stores';
import { TopK } from './top-k';
import { ExclusionReason, MatchOptions, MatchOutcome, MatchResult, Person, RankOptions } from './types';
import { wishTables } from './wish-tables';

export class MatchIndex {
  private readonly stores = new Stores();
  private readonly slots = new Slots(this.stores);

  /** Members held. */
  get count() {
    return this.slots.count;
  }

  /** Bytes held by the records of the groups' chunks (the id map and rare extras aside). */
  get columnBytes() {
    return this.slots.columnBytes;
  }

  has(id: number) {
    return this.slots.of(id) !== undefined;
  }

  /**
   * Adds a member or replaces what the index knows of her. Throws RangeError when she brings the 33rd distinct hobby or
   * personality tag, the 9th marital status or the 65537th place the index has seen.
   */
  upsert(person: Person) {
    const { profile } = person;
    const slot = this.slots.place(profile.id, groupNumber(GENDERS.indexOf(profile.gender), profile.recommendable));
    encode(this.stores, slot, person);
  }

  remove(id: number) {
    this.slots.remove(id);
  }

  /** What the index holds of one member, as plain objects. */
  person(id: number): Person | undefined {
    const slot = this.slots.of(id);
    return slot === undefined ? undefined : decode(this.stores, slot);
  }

  /**
   * The member's best `limit` candidates, reciprocal hard filters first, with the reasons for each result; the others
   * counted by reason. Equal to matchReference over the same members. Throws if the member is not in the index.
   */
  match(memberId: number, options: MatchOptions): MatchOutcome {
    const memberSlot = this.slotOf(memberId);
    const member = decode(this.stores, memberSlot);
    const { settings, ignore } = options;
    const ignoredBits = ignoredBitsOf(ignore);
    const scratch = scratchFor(settings, ignoredBits);
    const forwardWeights = weightsOf(this.stores, memberSlot, scratch);
    const flags = this.stores.profiles.uint8;
    const memberGender = flags[memberSlot * RECORD_BYTES + GENDER_AT];
    const memberRecommendable = flags[memberSlot * RECORD_BYTES + FLAGS_AT] & RECOMMENDABLE ? 1 : 0;

    // The reference's prechecks in its order (self, notRecommendable, sameGender, excludedPair), counted from group sizes.
    const { groups } = this.slots;
    const groupSize = (gender: number, recommendable: boolean) => groups[groupNumber(gender, recommendable)].size;
    const notRecommendable =
      GENDERS.reduce((sum, _, gender) => sum + groupSize(gender, false), 0) - (1 - memberRecommendable);
    const sameGender =
      groupSize(0, true) + (memberGender === 0 ? 0 : groupSize(memberGender, true)) - memberRecommendable;
    const suggestable = GENDERS.flatMap((gender, g) =>
      gender !== null && g !== memberGender ? [groups[groupNumber(g, true)]] : [],
    );
    const excludedPairs = [...(options.excludedIds ?? [])]
      .map((id) => this.slots.of(id))
      .filter((slot): slot is number => slot !== undefined && suggestable.includes(groups[this.slots.groupOf(slot)]));
    const evaluated = suggestable.reduce((sum, group) => sum + group.size, 0) - excludedPairs.length;

    const top = new TopK(Math.max(0, Math.min(Math.floor(options.limit), evaluated)));
    for (const slot of excludedPairs) flags[slot * RECORD_BYTES + FLAGS_AT] |= EXCLUDED_PAIR;
    let scanned: ScanCounts;
    try {
      scanned = scan(
        this.stores,
        memberSlot,
        wishTables(this.stores, memberSlot, member, forwardWeights, ignoredBits),
        suggestable,
        settings,
        ignoredBits,
        top,
        options.countAll !== false,
      );
    } finally {
      for (const slot of excludedPairs) flags[slot * RECORD_BYTES + FLAGS_AT] &= ~EXCLUDED_PAIR;
    }

    const results: MatchResult[] = top
      .ranked()
      .map((id) => resultOf(this.stores, memberSlot, this.slotOf(id), scratch, settings.combination))
      .sort(byRank);
    const counts: [ExclusionReason, number][] = [
      ['notRecommendable', notRecommendable],
      ['sameGender', sameGender],
      ['excludedPair', excludedPairs.length],
    ];
    // Without countAll the scan's own counts are not exact: left out.
    if (options.countAll !== false)
      counts.push(['hardFilter', scanned.hardFilter], ['belowMinimum', scanned.belowMinimum]);
    return { results, evaluated, excluded: Object.fromEntries(counts.filter(([, n]) => n > 0)) };
  }

  /**
   * The given candidates ranked for the member (best first, no limit), each with its reasons (score, forward, backward
   * 0–100 and the per-criterion breakdown), the others counted by reason, by the same rules as match(). Ids not in the
   * index are skipped and a repeated id counts once. Throws if the member is not in the index.
   */
  rankCandidates(memberId: number, candidateIds: Iterable<number>, options: RankOptions): MatchOutcome {
    const member = decode(this.stores, this.slotOf(memberId));
    const candidates: Person[] = [];
    for (const id of new Set(candidateIds)) {
      const slot = this.slots.of(id);
      if (slot !== undefined) candidates.push(decode(this.stores, slot));
    }
    return rankAll(member, candidates, options);
  }

  private slotOf(memberId: number): number {
    const slot = this.slots.of(memberId);
    if (slot === undefined) throw new Error(`member ${memberId} is not in the matching index`);
    return slot;
  }
}

// Which record slot each member has. Slots come in chunks of CHUNK_SLOTS, each chunk holding one group (gender × consent),
// so that a match scans only the groups it may suggest from, record after record.
import { CHUNK_SLOTS, FLAGS_AT, GENDER_AT, GENDERS, RECOMMENDABLE, RECORD_BYTES, groupNumber } from './layout';
import { Stores } from './stores';

/** The members of one group: the chunks their slots are in (first slot of each), and the free slots there. */
export class Group {
  readonly chunks: number[] = [];
  readonly freeSlots: number[] = [];
  size = 0;
}

/** The id → slot map and the groups' chunks; grows both record buffers of the Stores it is given. */
export class Slots {
  private capacity = 0;
  private chunkCount = 0;
  private readonly slotOf = new Map<number, number>();
  /** By groupNumber(gender, recommendable). */
  readonly groups = Array.from({ length: GENDERS.length * 2 }, () => new Group());

  constructor(private readonly stores: Stores) {}

  /** Members held. */
  get count() {
    return this.slotOf.size;
  }

  /** Bytes held by the records of the groups' chunks, profile and wish (the id map and rare extras aside). */
  get columnBytes() {
    return this.chunkCount * CHUNK_SLOTS * 2 * RECORD_BYTES;
  }

  /** The member's slot, if she is held. */
  of(id: number): number | undefined {
    return this.slotOf.get(id);
  }

  /** The member's slot in group `group`: her own, or a new one if she is new or her gender or consent moved her. */
  place(id: number, group: number): number {
    let slot = this.slotOf.get(id);
    if (slot !== undefined && this.groupOf(slot) !== group) {
      this.release(slot);
      slot = undefined;
    }
    if (slot === undefined) {
      slot = this.allocate(group);
      this.slotOf.set(id, slot);
    }
    return slot;
  }

  /** Frees the member's slot, if she has one. */
  remove(id: number) {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.release(slot);
    this.slotOf.delete(id);
  }

  /** The group the member in `slot` is kept in, from her profile record. */
  groupOf(slot: number): number {
    const { uint8 } = this.stores.profiles;
    const at = slot * RECORD_BYTES;
    return groupNumber(uint8[at + GENDER_AT], (uint8[at + FLAGS_AT] & RECOMMENDABLE) !== 0);
  }

  /** A free slot of the group, from a new chunk if it has none; both record buffers grow by doubling. */
  private allocate(g: number): number {
    const group = this.groups[g];
    if (group.freeSlots.length === 0) {
      const first = this.chunkCount++ * CHUNK_SLOTS;
      if (first + CHUNK_SLOTS > this.capacity) {
        this.capacity = Math.max(4 * CHUNK_SLOTS, this.capacity * 2);
        this.stores.profiles.grow(this.capacity);
        this.stores.wishes.grow(this.capacity);
      }
      group.chunks.push(first);
      for (let slot = first + CHUNK_SLOTS - 1; slot >= first; slot--) group.freeSlots.push(slot);
    }
    group.size++;
    return group.freeSlots.pop()!;
  }

  /** Frees the slot for her group's next member: no longer PRESENT, her extras forgotten. */
  private release(slot: number) {
    const group = this.groups[this.groupOf(slot)];
    group.size--;
    group.freeSlots.push(slot);
    this.stores.profiles.uint8[slot * RECORD_BYTES + FLAGS_AT] = 0;
    this.stores.extraRegions.delete(slot);
    this.stores.ownWeights.delete(slot);
  }
}

// What the index holds besides its slot map: the two record buffers and the small stores that give their numbers meaning
// (strings to bits, places to numbers, requirement sets, value spans), and the rare extras that do not fit a record.
import { NONE, RECORD_BYTES } from './layout';

/** Strings (hobbies, marital statuses) to bit positions; a bitmask holds at most `limit` of them. */
export class Dictionary {
  private readonly bits = new Map<string, number>();
  readonly names: string[] = [];
  constructor(
    private readonly what: string,
    private readonly limit: number,
  ) {}

  /** The string's bit position, given on first sight; RangeError once `limit` distinct strings are known. */
  bit(name: string): number {
    let bit = this.bits.get(name);
    if (bit === undefined) {
      if (this.names.length >= this.limit)
        throw new RangeError(`the matching index holds at most ${this.limit} distinct ${this.what}`);
      bit = this.names.push(name) - 1;
      this.bits.set(name, bit);
    }
    return bit;
  }

  /** The strings as one unsigned bitmask (Uint32 range). */
  mask(names: readonly string[]): number {
    return names.reduce((mask, name) => (mask | (1 << this.bit(name))) >>> 0, 0);
  }

  /** The strings of a bitmask, in the order first seen. */
  unmask(mask: number): string[] {
    return this.names.filter((_, bit) => mask & (1 << bit));
  }
}

/** The (province, city) pairs members live in, numbered, so that a member's region wish is one lookup per candidate. */
export class Places {
  private readonly numbers = new Map<string, number>();
  /** By place number: the numeric province code (2 digits) or NONE. */
  readonly province: number[] = [];
  /** By place number: the numeric city code (4 digits) or NONE. */
  readonly city: number[] = [];

  /** The pair's number (0–65535, the profile record's Uint16); RangeError beyond that. */
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
export class RequirementSets {
  private readonly numbers = new Map<string, number>();

  /** The number of the set a key (codec's requirementSetOf) stands for, given on first sight. */
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
export class Span {
  low = NONE;
  high = NONE;
  private known: number[] = [NONE];

  note(value: number) {
    if (value < this.low || value > this.high) {
      this.low = Math.min(this.low, value);
      this.high = Math.max(this.high, value);
      this.known = Array.from({ length: this.high - this.low + 1 }, (_, i) => this.low + i);
    }
  }

  /** Every whole number from low to high (the same array until the span widens: not to be changed). */
  get values(): readonly number[] {
    return this.known;
  }
}

/** Records of RECORD_BYTES, slot after slot in one buffer, seen as each kind of number a field is stored as. */
export class Records {
  int32 = new Int32Array(0);
  uint32 = new Uint32Array(0);
  int16 = new Int16Array(0);
  uint16 = new Uint16Array(0);
  int8 = new Int8Array(0);
  uint8 = new Uint8Array(0);

  /** Room for `slots` records, the current ones copied over. */
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

/** Everything the codec, the exact checks, the wish tables and the scan read about members, by slot. */
export class Stores {
  readonly profiles = new Records();
  readonly wishes = new Records();
  readonly hobbies = new Dictionary('hobbies', 32);
  readonly personality = new Dictionary('personality tags', 32);
  readonly maritalStatuses = new Dictionary('marital statuses', 8);
  readonly places = new Places();
  readonly requirementSets = new RequirementSets();
  readonly ageSpan = new Span();
  readonly heightSpan = new Span();
  readonly educationSpan = new Span();
  readonly incomeSpan = new Span();
  /** Rare extras kept aside, by slot: more than REGION_SLOTS wished regions, per-member weights. */
  readonly extraRegions = new Map<number, number[]>();
  /** Her own weights by CRITERIA position, NaN where the agency's weight applies. */
  readonly ownWeights = new Map<number, Float64Array>();
}

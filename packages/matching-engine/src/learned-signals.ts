// What members did, kept per member as counts and sums: how others answered her (reception), how she answered others
// (openness), and how well those she said yes and no to fitted her stated wishes (revealed weights). Outcomes go in and
// out one at a time; every figure is read from integer sums, so forgetting an outcome restores the state exactly.
import { similarity } from './similarity';
import { Answer, CRITERIA, Criterion, LearnedRate, LearnedSettings, Outcome, Person, RevealedWeights } from './types';

/** Similarities are summed in millionths, as integers: integer sums add and subtract exactly (up to 2^53). */
const UNITS = 1e6;

interface Tally {
  givenYes: number;
  givenNo: number;
  receivedYes: number;
  receivedNo: number;
  /** Sums of the fit (millionths, CRITERIA order) of those she said yes to, and no to. */
  fitYes: number[];
  fitNo: number[];
}

interface Stored {
  answer: Answer;
  /** Millionths, CRITERIA order. */
  fit: ArrayLike<number>;
}

// One outcome as a record of Int32: yes (1) or no (0), then its fit in millionths.
const RECORD = 1 + CRITERIA.length;

/**
 * Every outcome held, as records in one growing buffer found by member and candidate, freed records reused: about a
 * hundred bytes per outcome where an object per outcome took over three hundred.
 */
class OutcomeStore {
  private buffer = new Int32Array(RECORD * 1024);
  private readonly slots = new Map<number, Map<number, number>>();
  private readonly free: number[] = [];
  private next = 0;

  get(memberId: number, candidateId: number): Stored | undefined {
    const slot = this.slots.get(memberId)?.get(candidateId);
    if (slot === undefined) return undefined;
    const at = slot * RECORD;
    return { answer: this.buffer[at] === 1 ? 'yes' : 'no', fit: this.buffer.subarray(at + 1, at + RECORD) };
  }

  add(memberId: number, candidateId: number, { answer, fit }: Stored) {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.next++;
      if (slot * RECORD >= this.buffer.length) {
        const grown = new Int32Array(this.buffer.length * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
    }
    const at = slot * RECORD;
    this.buffer[at] = answer === 'yes' ? 1 : 0;
    for (let c = 0; c < CRITERIA.length; c++) this.buffer[at + 1 + c] = fit[c];
    let slots = this.slots.get(memberId);
    if (!slots) this.slots.set(memberId, (slots = new Map()));
    slots.set(candidateId, slot);
  }

  /** Frees the pair's record; what it held, copied, or undefined. */
  remove(memberId: number, candidateId: number): Stored | undefined {
    const stored = this.get(memberId, candidateId);
    if (!stored) return undefined;
    const slots = this.slots.get(memberId)!;
    this.free.push(slots.get(candidateId)!);
    slots.delete(candidateId);
    if (slots.size === 0) this.slots.delete(memberId);
    return { answer: stored.answer, fit: Int32Array.from(stored.fit) };
  }
}

/**
 * How well `candidate` fits `member`'s stated wishes, per criterion (CRITERIA order, each 0–1): what an Outcome's `fit`
 * holds. Compute it when she answers, from the profiles she answered about.
 */
export function fitOf(member: Person, candidate: Person): number[] {
  return CRITERIA.map((criterion) => similarity(criterion, candidate.profile, member.preferences));
}

/**
 * The learned signals of a pool of members, fed one outcome at a time (no rebuild): `record` adds or corrects one
 * member's answer about another, `forget` takes it back. Reading is O(criteria) per member.
 */
export class LearnedSignals {
  private readonly tallies = new Map<number, Tally>();
  private readonly outcomes = new OutcomeStore();
  private totalYes = 0;
  private totalAnswers = 0;

  /** Outcomes held (one per member and candidate). */
  get size() {
    return this.totalAnswers;
  }

  /**
   * Adds her answer about him, or replaces the one recorded for the same pair (a corrected answer). Throws TypeError for
   * an answer other than 'yes' / 'no' or non-numeric ids, RangeError for the same id on both sides or a `fit` that is not
   * CRITERIA.length numbers in [0, 1]; nothing is changed then.
   */
  record(outcome: Outcome): void {
    const stored = storable(outcome);
    this.forget(outcome.memberId, outcome.candidateId);
    this.outcomes.add(outcome.memberId, outcome.candidateId, stored);
    this.count(outcome.memberId, outcome.candidateId, stored, 1);
  }

  /** Takes back her answer about him; false when none was recorded. The state is then as if it never was. */
  forget(memberId: number, candidateId: number): boolean {
    const stored = this.outcomes.remove(memberId, candidateId);
    if (!stored) return false;
    this.count(memberId, candidateId, stored, -1);
    return true;
  }

  /** Her recorded answer about him, as it was recorded (fit to the millionth), or undefined. */
  outcome(memberId: number, candidateId: number): Outcome | undefined {
    const stored = this.outcomes.get(memberId, candidateId);
    if (!stored) return undefined;
    return { memberId, candidateId, answer: stored.answer, fit: Array.from(stored.fit, (units) => units / UNITS) };
  }

  /**
   * The population's yes rate, 0–1: (priorAnswers × priorYesRate + yes) / (priorAnswers + answers) over every recorded
   * outcome — the prior mean of each member's rates (empirical Bayes).
   */
  populationRate(settings: LearnedSettings): number {
    const { priorAnswers, priorYesRate } = settings;
    return (priorAnswers * priorYesRate + this.totalYes) / (priorAnswers + this.totalAnswers);
  }

  /** How others answered her (yes rate received), with its prior; `answers` 0 and `lift` 0 for a member never answered. */
  reception(memberId: number, settings: LearnedSettings): LearnedRate {
    const tally = this.tallies.get(memberId);
    return this.rate(tally?.receivedYes ?? 0, (tally?.receivedYes ?? 0) + (tally?.receivedNo ?? 0), settings);
  }

  /** How she answered others (yes rate given), with its prior; `answers` 0 and `lift` 0 for a member who never answered. */
  openness(memberId: number, settings: LearnedSettings): LearnedRate {
    const tally = this.tallies.get(memberId);
    return this.rate(tally?.givenYes ?? 0, (tally?.givenYes ?? 0) + (tally?.givenNo ?? 0), settings);
  }

  /**
   * Which criteria her answers follow: per criterion the mean fit of those she said yes to minus the mean fit of those she
   * said no to, negative differences as 0, as shares summing to 1 — the direction of a linear discriminant with identity
   * covariance (Hastie, Tibshirani, Friedman, The Elements of Statistical Learning, 2nd ed., §4.3). Null without at least
   * one yes and one no, when no criterion separates them, or when `revealedShare` is 0. Criteria in `ignore` get 0.
   */
  revealedWeights(
    memberId: number,
    settings: LearnedSettings,
    ignore?: ReadonlySet<Criterion>,
  ): RevealedWeights | null {
    const tally = this.tallies.get(memberId);
    if (!tally || tally.givenYes === 0 || tally.givenNo === 0 || settings.revealedShare <= 0) return null;
    const separation = CRITERIA.map((criterion, c) =>
      ignore?.has(criterion)
        ? 0
        : Math.max(0, tally.fitYes[c] / tally.givenYes / UNITS - tally.fitNo[c] / tally.givenNo / UNITS),
    );
    const total = separation.reduce((sum, value) => sum + value, 0);
    if (total === 0) return null;
    const answers = tally.givenYes + tally.givenNo;
    return {
      answers,
      share: (settings.revealedShare * answers) / (answers + settings.revealedHalfAt),
      weights: separation.map((value) => value / total),
    };
  }

  /**
   * Beta-Binomial posterior mean of a yes rate: (m·μ + yes) / (m + answers) with prior Beta(m·μ, m·(1 − μ)), μ the
   * population rate and m = priorAnswers (Gelman et al., Bayesian Data Analysis, 3rd ed., §2.4); lift: log(rate / μ).
   */
  private rate(yes: number, answers: number, settings: LearnedSettings): LearnedRate {
    const population = this.populationRate(settings);
    if (answers === 0) return { answers, yes, rate: population, lift: 0 };
    const rate = (settings.priorAnswers * population + yes) / (settings.priorAnswers + answers);
    return { answers, yes, rate, lift: Math.log(rate / population) };
  }

  private count(memberId: number, candidateId: number, { answer, fit }: Stored, sign: 1 | -1) {
    const answerer = this.tallyOf(memberId);
    const answered = this.tallyOf(candidateId);
    const yes = answer === 'yes' ? sign : 0;
    const no = answer === 'no' ? sign : 0;
    answerer.givenYes += yes;
    answerer.givenNo += no;
    answered.receivedYes += yes;
    answered.receivedNo += no;
    const sums = answer === 'yes' ? answerer.fitYes : answerer.fitNo;
    for (let c = 0; c < sums.length; c++) sums[c] += sign * fit[c];
    this.totalYes += yes;
    this.totalAnswers += sign;
    for (const id of [memberId, candidateId]) if (isEmpty(this.tallies.get(id)!)) this.tallies.delete(id);
  }

  private tallyOf(id: number): Tally {
    let tally = this.tallies.get(id);
    if (!tally) {
      tally = {
        givenYes: 0,
        givenNo: 0,
        receivedYes: 0,
        receivedNo: 0,
        fitYes: CRITERIA.map(() => 0),
        fitNo: CRITERIA.map(() => 0),
      };
      this.tallies.set(id, tally);
    }
    return tally;
  }
}

const isEmpty = (tally: Tally) => tally.givenYes + tally.givenNo + tally.receivedYes + tally.receivedNo === 0;

/** The outcome checked and its fit in millionths; throws before anything is changed. */
function storable({ memberId, candidateId, answer, fit }: Outcome): Stored {
  if (!Number.isFinite(memberId) || !Number.isFinite(candidateId))
    throw new TypeError(`an outcome needs numeric member and candidate ids, got ${memberId} and ${candidateId}`);
  if (memberId === candidateId) throw new RangeError(`member ${memberId} cannot answer about herself`);
  if (answer !== 'yes' && answer !== 'no')
    throw new TypeError(`an outcome's answer is 'yes' or 'no', got ${JSON.stringify(answer)}`);
  if (!Array.isArray(fit) || fit.length !== CRITERIA.length)
    throw new RangeError(`an outcome's fit has ${CRITERIA.length} similarities (one per criterion)`);
  const units = new Int32Array(CRITERIA.length);
  fit.forEach((value, c) => {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1))
      throw new RangeError(`an outcome's fit for ${CRITERIA[c]} must be within 0–1, got ${value}`);
    units[c] = Math.round(value * UNITS);
  });
  return { answer, fit: units };
}

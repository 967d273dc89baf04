import { fitOf, LearnedSignals } from '../learned-signals';
import { DEFAULT_LEARNED_SETTINGS } from '../learned-score';
import { similarity } from '../similarity';
import { CRITERIA, LearnedSettings, Outcome } from '../types';
import { person } from './people';

// Round figures for hand computation: prior Beta(4·μ, 4·(1 − μ)), μ = 0.4 before any answer.
const settings: LearnedSettings = { ...DEFAULT_LEARNED_SETTINGS, priorAnswers: 4, priorYesRate: 0.4 };
const ones = CRITERIA.map(() => 1);
const answer = (memberId: number, candidateId: number, yes: boolean, fit: number[] = ones): Outcome => ({
  memberId,
  candidateId,
  answer: yes ? 'yes' : 'no',
  fit,
});

/** Everything the signals tell about the given members, for comparing two states. */
const readings = (signals: LearnedSignals, ids: number[]) => ({
  size: signals.size,
  population: signals.populationRate(settings),
  members: ids.map((id) => ({
    reception: signals.reception(id, settings),
    openness: signals.openness(id, settings),
    revealed: signals.revealedWeights(id, settings),
  })),
});

describe('learned signals: priors', () => {
  it('a member nobody answered and who answered no one has the population rate and no lift', () => {
    const signals = new LearnedSignals();
    expect(signals.populationRate(settings)).toBe(0.4);
    expect(signals.reception(7, settings)).toEqual({ answers: 0, yes: 0, rate: 0.4, lift: 0 });
    expect(signals.openness(7, settings)).toEqual({ answers: 0, yes: 0, rate: 0.4, lift: 0 });
    expect(signals.revealedWeights(7, settings)).toBeNull();
    expect(signals.size).toBe(0);
  });

  it('others keep no lift when only other members have answers', () => {
    const signals = new LearnedSignals();
    signals.record(answer(1, 2, true));
    expect(signals.reception(3, settings).lift).toBe(0);
    expect(signals.openness(2, settings).lift).toBe(0);
  });
});

describe('learned signals: one update', () => {
  it('one yes: the population rate and both posteriors as Beta-Binomial gives them', () => {
    const signals = new LearnedSignals();
    signals.record(answer(1, 2, true));
    // μ = (4·0.4 + 1) / (4 + 1) = 0.52; his reception and her openness = (4·0.52 + 1) / 5 = 0.616.
    expect(signals.populationRate(settings)).toBeCloseTo(0.52, 12);
    const reception = signals.reception(2, settings);
    expect(reception).toMatchObject({ answers: 1, yes: 1 });
    expect(reception.rate).toBeCloseTo(0.616, 12);
    expect(reception.lift).toBeCloseTo(Math.log(0.616 / 0.52), 12);
    expect(signals.openness(1, settings)).toEqual(reception);
    // She was not answered, he did not answer.
    expect(signals.reception(1, settings)).toMatchObject({ answers: 0, lift: 0 });
    expect(signals.openness(2, settings)).toMatchObject({ answers: 0, lift: 0 });
  });

  it('one no lowers his reception below the population rate', () => {
    const signals = new LearnedSignals();
    signals.record(answer(1, 2, false));
    // μ = 1.6 / 5 = 0.32; his reception = 4·0.32 / 5 = 0.256.
    const reception = signals.reception(2, settings);
    expect(reception.rate).toBeCloseTo(0.256, 12);
    expect(reception.lift).toBeCloseTo(Math.log(0.8), 12);
  });

  it('revealed weights: the criteria that separate her yes from her no, as shares', () => {
    const signals = new LearnedSignals();
    const fitYes = [1, 1, 1, 1, 1, 1, 1, 1, 0.5, 1];
    const fitNo = [1, 1, 1, 1, 1, 1, 0.6, 0.25, 1, 1];
    signals.record(answer(1, 2, true, fitYes));
    expect(signals.revealedWeights(1, settings)).toBeNull(); // a yes alone separates nothing
    signals.record(answer(1, 3, false, fitNo));
    const revealed = signals.revealedWeights(1, settings)!;
    // Differences: region 0.4, hobbies 0.75, personality −0.5 (as 0): shares 0.4/1.15 and 0.75/1.15.
    expect(revealed.answers).toBe(2);
    expect(revealed.share).toBeCloseTo((0.5 * 2) / (2 + 10), 12);
    expect(revealed.weights[CRITERIA.indexOf('region')]).toBeCloseTo(0.4 / 1.15, 12);
    expect(revealed.weights[CRITERIA.indexOf('hobbies')]).toBeCloseTo(0.75 / 1.15, 12);
    expect(revealed.weights[CRITERIA.indexOf('personality')]).toBe(0);
    expect(revealed.weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    // A withheld criterion gets none of it.
    const withoutRegion = signals.revealedWeights(1, settings, new Set(['region']))!;
    expect(withoutRegion.weights[CRITERIA.indexOf('region')]).toBe(0);
    expect(withoutRegion.weights[CRITERIA.indexOf('hobbies')]).toBe(1);
    // Switched off.
    expect(signals.revealedWeights(1, { ...settings, revealedShare: 0 })).toBeNull();
  });

  it('fitOf is the candidate similarity to her wishes per criterion, in CRITERIA order', () => {
    const her = person(1, {}, { wantedHobbies: ['reading', 'travel'], ageMin: 30, ageMax: 35 });
    const him = person(2, { gender: 'male', age: 37, hobbies: ['reading'] });
    const fit = fitOf(her, him);
    expect(fit).toEqual(CRITERIA.map((criterion) => similarity(criterion, him.profile, her.preferences)));
    expect(fit[CRITERIA.indexOf('age')]).toBeCloseTo(0.6, 12);
    expect(fit[CRITERIA.indexOf('hobbies')]).toBe(0.5);
  });
});

describe('learned signals: reversible', () => {
  const history = () => {
    const signals = new LearnedSignals();
    signals.record(answer(1, 2, true, [1, 0.2, 0.3, 1, 1, 0.5, 0.6, 1 / 3, 0.7, 1]));
    signals.record(answer(1, 3, false, [0.1, 1, 1, 0, 1, 0.5, 0.6, 2 / 3, 0.1, 1]));
    signals.record(answer(2, 1, true));
    signals.record(answer(4, 2, false, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]));
    return signals;
  };
  const ids = [1, 2, 3, 4];

  it('forgetting an outcome restores every figure exactly', () => {
    const signals = history();
    const before = readings(signals, ids);
    signals.record(answer(1, 4, true, [0.3, 0.7, 1 / 7, 0.45, 1, 0.05, 0.6, 0.9, 0.2, 0.1]));
    expect(readings(signals, ids)).not.toEqual(before);
    expect(signals.forget(1, 4)).toBe(true);
    expect(readings(signals, ids)).toEqual(before);
  });

  it('a corrected answer replaces the first: the same as if only the correction had been recorded', () => {
    const corrected = history();
    corrected.record(answer(1, 2, false, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]));
    const direct = history();
    direct.forget(1, 2);
    direct.record(answer(1, 2, false, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]));
    expect(readings(corrected, ids)).toEqual(readings(direct, ids));
    expect(corrected.size).toBe(4);
    expect(corrected.outcome(1, 2)?.answer).toBe('no');
  });

  it('forgetting everything gives back the empty state; forgetting what is not there changes nothing', () => {
    const signals = history();
    expect(signals.forget(3, 1)).toBe(false);
    for (const [member, candidate] of [
      [1, 2],
      [1, 3],
      [2, 1],
      [4, 2],
    ])
      signals.forget(member, candidate);
    expect(readings(signals, ids)).toEqual(readings(new LearnedSignals(), ids));
  });

  it('an outcome read back and recorded again after forgetting restores the state exactly', () => {
    const signals = history();
    const before = readings(signals, ids);
    const kept = signals.outcome(1, 2)!;
    signals.forget(1, 2);
    signals.record(kept);
    expect(readings(signals, ids)).toEqual(before);
  });
});

describe('learned signals: refusals', () => {
  it.each([
    [{ ...answer(1, 1, true) }, 'member 1 cannot answer about herself'],
    [{ ...answer(1, 2, true), answer: 'maybe' as never }, `an outcome's answer is 'yes' or 'no', got "maybe"`],
    [{ ...answer(1, 2, true), fit: [1, 1] }, `an outcome's fit has 10 similarities (one per criterion)`],
    [
      { ...answer(1, 2, true), fit: [1, 1, 1, 1, 1, 1, 1, 1.5, 1, 1] },
      `an outcome's fit for hobbies must be within 0–1, got 1.5`,
    ],
    [{ ...answer(1, 2, true), memberId: Number.NaN }, 'an outcome needs numeric member and candidate ids'],
  ])('%# refuses a malformed outcome and changes nothing', (outcome, message) => {
    const signals = new LearnedSignals();
    signals.record(answer(1, 2, true));
    const before = readings(signals, [1, 2]);
    expect(() => signals.record(outcome as Outcome)).toThrow(message);
    expect(readings(signals, [1, 2])).toEqual(before);
  });
});

import { evaluatePair } from '../evaluation';
import { applyLearned, DEFAULT_LEARNED_SETTINGS, rankLearned } from '../learned-score';
import { fitOf, LearnedSignals } from '../learned-signals';
import { MatchIndex } from '../match-index';
import { CRITERIA, DEFAULT_SETTINGS, LearnedSettings, MatchResult, MatchSettings, Person } from '../types';
import { person } from './people';

const learned: LearnedSettings = { ...DEFAULT_LEARNED_SETTINGS, priorAnswers: 4, priorYesRate: 0.4 };
const settings: MatchSettings = { ...DEFAULT_SETTINGS, learned };
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

// She wishes for a man who reads; nothing else. He does not read: forward 16/17 = 94.12, backward 100 (no wishes),
// harmonic 2·94.1176·100 / 194.1176 = 96.97.
const her = person(1, { gender: 'female' }, { wantedHobbies: ['reading'] });
const him = person(2, { gender: 'male' });
const stated = () => evaluatePair(her, him, settings) as MatchResult;
const record = (signals: LearnedSignals, from: Person, to: Person, yes: boolean) =>
  signals.record({
    memberId: from.profile.id,
    candidateId: to.profile.id,
    answer: yes ? 'yes' : 'no',
    fit: fitOf(from, to),
  });

describe('learned score: without history, or switched off, the stated score to the bit', () => {
  it('nothing recorded: score, directions and breakdown are the stated ones; every effect 0', () => {
    const result = stated();
    expect(result.score).toBe(96.97);
    const rescored = applyLearned(1, result, new LearnedSignals(), settings);
    expect(rescored.score).toBe(result.score);
    expect(rescored.statedScore).toBe(result.score);
    expect(rescored.forward).toBe(result.forward);
    expect(rescored.breakdown).toEqual(result.breakdown);
    expect(rescored.learnedShare).toBe(0);
    expect(rescored.learned.map((line) => [line.signal, line.effect])).toEqual([
      ['revealedWeights', 0],
      ['reception', 0],
      ['openness', 0],
    ]);
  });

  it('only other members have history: his score does not move', () => {
    const signals = new LearnedSignals();
    const other = person(3, { gender: 'male' });
    const woman = person(4, { gender: 'female' });
    record(signals, woman, other, true);
    record(signals, other, woman, false);
    expect(applyLearned(1, stated(), signals, settings).score).toBe(96.97);
  });

  it('switched off: the stated result, no learned lines, whatever is recorded', () => {
    const signals = new LearnedSignals();
    record(signals, person(3, { gender: 'female' }), him, true);
    const rescored = applyLearned(1, stated(), signals, { ...settings, learned: { ...learned, enabled: false } });
    expect(rescored).toEqual({ ...stated(), statedScore: 96.97, learnedShare: 0, learned: [] });
  });

  it('with learnedShare 0 what he did weighs nothing', () => {
    const signals = new LearnedSignals();
    record(signals, person(3, { gender: 'female' }), him, true);
    expect(applyLearned(1, stated(), signals, { ...settings, learned: { ...learned, learnedShare: 0 } }).score).toBe(
      96.97,
    );
  });
});

describe('learned score: a lift around the stated score, not a pull toward 50', () => {
  // At a yes rate of 0.5, a yes and a no received leave his rate at the population's: μ = (4·0.5 + 1)/(4 + 2) = 0.5,
  // his reception (4·0.5 + 1)/(4 + 2) = 0.5, lift ln 1 = 0, while Z = 0.9·2/4 = 0.45 (once 0.55·96.97 + 0.45·50 = 75.8).
  const even: MatchSettings = { ...settings, learned: { ...learned, priorYesRate: 0.5 } };
  const neutral = (signals: LearnedSignals, man: Person) => {
    record(signals, person(3, { gender: 'female' }), man, true);
    record(signals, person(4, { gender: 'female' }), man, false);
  };

  it('neutral history leaves the stated score as it is, to the bit', () => {
    const signals = new LearnedSignals();
    neutral(signals, him);
    expect(signals.reception(2, even.learned!)).toMatchObject({ answers: 2, rate: 0.5, lift: 0 });
    const rescored = applyLearned(1, stated(), signals, even);
    expect(rescored.learnedShare).toBeCloseTo(0.45, 12);
    expect(rescored.score).toBe(96.97);
    expect(rescored.learned.map((line) => line.effect)).toEqual([0, 0, 0]);
  });

  it('one yes raises him above his stated score, one no lowers him below it', () => {
    const scoreAfter = (yes: boolean) => {
      const signals = new LearnedSignals();
      record(signals, person(3, { gender: 'female' }), him, yes);
      return applyLearned(1, stated(), signals, even).score;
    };
    expect(scoreAfter(true)).toBeGreaterThan(96.97);
    expect(scoreAfter(false)).toBeLessThan(96.97);
  });

  it('a newcomer and a man with neutral history, of the same stated score, tie', () => {
    const signals = new LearnedSignals();
    const newcomer = person(10, { gender: 'male' });
    const known = person(11, { gender: 'male' });
    neutral(signals, known);
    const ranked = rankLearned(
      1,
      [known, newcomer].map((man) => evaluatePair(her, man, even) as MatchResult),
      signals,
      even,
    );
    expect(ranked.map((result) => [result.candidateId, result.score])).toEqual([
      [10, 96.97],
      [11, 96.97],
    ]);
  });
});

describe('learned score: reception and openness, in both directions', () => {
  it('one yes he received: a lift in log-odds, weighed by credibility, by hand', () => {
    const signals = new LearnedSignals();
    record(signals, person(3, { gender: 'female' }), him, true);
    // μ = 0.52, his reception 0.616, lift ln(0.616 / 0.52) = 0.16942; n = 1, Z = 0.9·1/3 = 0.3; shift 0.3·10·0.16942 =
    // 0.50825; logit(0.9697) = ln(0.9697 / 0.0303) = 3.46584; score 100·σ(3.97409) = 98.155 → 98.16, above his 96.97.
    const rescored = applyLearned(1, stated(), signals, settings);
    expect(rescored.learnedShare).toBeCloseTo(0.3, 12);
    expect(logit(0.9697)).toBeCloseTo(3.46584, 5);
    expect(100 * sigmoid(3.46584 + 0.3 * 10 * Math.log(0.616 / 0.52))).toBeCloseTo(98.155, 3);
    expect(rescored.score).toBe(98.16);
    expect(rescored.statedScore).toBe(96.97);
    const reception = rescored.learned.find((line) => line.signal === 'reception')!;
    expect(reception).toMatchObject({ candidate: { answers: 1, yes: 1 }, effect: 1.19 });
    expect(rescored.learned.find((line) => line.signal === 'openness')!.effect).toBe(0);
  });

  it('one no he received lowers him from his stated score, a stated 100 too', () => {
    const signals = new LearnedSignals();
    record(signals, person(3, { gender: 'female' }), him, false);
    // μ = 1.6 / 5 = 0.32, his reception 1.28 / 5 = 0.256, lift ln 0.8 = −0.22314; Z = 0.3, shift −0.66943;
    // 100·σ(3.46584 − 0.66943) = 100·σ(2.79641) = 94.25.
    expect(applyLearned(1, stated(), signals, settings).score).toBe(94.25);
    // Wishing for nothing, she finds him a fit of 100, read as 99.5 for its odds: 100·σ(5.29330 − 0.66943) = 99.03.
    const open = person(5, { gender: 'female' });
    const perfect = evaluatePair(open, him, settings) as MatchResult;
    expect(perfect.score).toBe(100);
    const rescored = applyLearned(5, perfect, signals, settings);
    expect(rescored.score).toBe(99.03);
    expect(rescored.learned.find((line) => line.signal === 'reception')!.effect).toBe(-0.97);
  });

  it('a yes he received and a no he gave: both lines, their effects adding up to the change', () => {
    const signals = new LearnedSignals();
    const someone = person(3, { gender: 'female' });
    const another = person(4, { gender: 'female' });
    record(signals, someone, him, true);
    record(signals, him, another, false);
    // μ = 2.6 / 6 = 0.4333; reception (4μ + 1)/5 = 0.5467, openness 4μ/5 = 0.3467; Z = 0.9·2/4 = 0.45;
    // shifts 0.45·10·ln(0.5467/0.4333) = +1.04549 and 0.45·10·ln(0.3467/0.4333) = −1.00415;
    // after reception 100·σ(3.46584 + 1.04549) = 98.91, then with openness 100·σ(3.50718) = 97.09.
    const rescored = applyLearned(1, stated(), signals, settings);
    expect(rescored.learnedShare).toBeCloseTo(0.45, 12);
    expect(rescored.score).toBe(97.09);
    const effects = Object.fromEntries(rescored.learned.map((line) => [line.signal, line.effect]));
    expect(effects).toEqual({ revealedWeights: 0, reception: 1.94, openness: -1.82 });
    expect(effects.reception + effects.openness).toBeCloseTo(rescored.score - rescored.statedScore, 1);
  });

  it('reciprocal: of two men she fits alike, the one others said yes to and the one who says yes rank first', () => {
    const signals = new LearnedSignals();
    const liked = person(10, { gender: 'male' });
    const shunned = person(11, { gender: 'male' });
    const open = person(12, { gender: 'male' });
    const closed = person(13, { gender: 'male' });
    const women = [3, 4, 5].map((id) => person(id, { gender: 'female' }));
    for (const woman of women) {
      record(signals, woman, liked, true);
      record(signals, woman, shunned, false);
      record(signals, open, woman, true);
      record(signals, closed, woman, false);
    }
    const results = [liked, shunned, open, closed].map((man) => evaluatePair(her, man, settings) as MatchResult);
    expect(new Set(results.map((result) => result.score)).size).toBe(1);
    const ranked = rankLearned(1, results, signals, settings);
    const order = ranked.map((result) => result.candidateId);
    expect(order.indexOf(10)).toBeLessThan(order.indexOf(11)); // forward: will she say yes to him?
    expect(order.indexOf(12)).toBeLessThan(order.indexOf(13)); // backward: will he say yes to her?
    expect(ranked[0].score).toBeGreaterThan(ranked[3].score);
  });

  it('her own answers do not reorder her candidates', () => {
    const signals = new LearnedSignals();
    const men = [10, 11, 12].map((id) => person(id, { gender: 'male', hobbies: id === 10 ? ['reading'] : [] }));
    record(signals, person(3, { gender: 'female' }), men[1], true);
    const order = () =>
      rankLearned(
        1,
        men.map((man) => evaluatePair(her, man, settings) as MatchResult),
        signals,
        settings,
      );
    const before = order().map((result) => result.candidateId);
    record(signals, her, person(20, { gender: 'male' }), true);
    record(signals, person(21, { gender: 'male' }), her, false);
    expect(order().map((result) => result.candidateId)).toEqual(before);
  });
});

describe('learned score: revealed weights', () => {
  it('her yes to a reader and no to a non-reader moves weight to hobbies; the breakdown keeps the stated weights', () => {
    const signals = new LearnedSignals();
    record(signals, her, person(10, { gender: 'male', hobbies: ['reading'] }), true);
    record(signals, her, person(11, { gender: 'male' }), false);
    // share 0.5·2/12 = 1/12; hobbies 11/12·1 + 1/12·17 = 2.3333, the others ×11/12; forward 14.667/17 = 86.27,
    // harmonic with 100: 92.63. He (2) has no history: no reception or openness.
    const rescored = applyLearned(1, stated(), signals, settings);
    const hobbies = rescored.breakdown[CRITERIA.indexOf('hobbies')];
    expect(hobbies.criterion).toBe('hobbies');
    expect(hobbies.weight.forward).toBeCloseTo(2.3333333, 6);
    expect(hobbies.statedWeight).toEqual({ forward: 1, backward: 1 });
    expect(rescored.breakdown[CRITERIA.indexOf('age')].weight.forward).toBeCloseTo(2.75, 12);
    expect(rescored.forward).toBe(86.27);
    expect(rescored.backward).toBe(100);
    expect(rescored.score).toBe(92.63);
    const line = rescored.learned.find((entry) => entry.signal === 'revealedWeights')!;
    expect(line).toMatchObject({ effect: -4.34, backward: null, forward: { answers: 2 } });
  });

  it('a withheld criterion keeps weight 0 on both sides', () => {
    const signals = new LearnedSignals();
    record(signals, her, person(10, { gender: 'male', hobbies: ['reading'], incomeRank: 6 }), true);
    record(signals, her, person(11, { gender: 'male' }), false);
    const ignore = new Set(['income'] as const);
    const result = evaluatePair(her, him, settings, { ignore }) as MatchResult;
    const income = applyLearned(1, result, signals, settings, ignore).breakdown.find(
      (line) => line.criterion === 'income',
    )!;
    expect(income.weight).toEqual({ forward: 0, backward: 0 });
  });
});

describe('learned score: on the index results', () => {
  it('rescoring MatchIndex.match results equals rescoring evaluatePair results', () => {
    const people = [her, him, person(10, { gender: 'male', hobbies: ['reading'] }), person(11, { gender: 'male' })];
    const index = new MatchIndex();
    people.forEach((p) => index.upsert(p));
    const signals = new LearnedSignals();
    record(signals, person(3, { gender: 'female' }), people[3], true);
    record(signals, people[2], person(4, { gender: 'female' }), false);
    const fromIndex = rankLearned(1, index.match(1, { limit: 10, settings }).results, signals, settings);
    const direct = rankLearned(
      1,
      people.slice(1).map((p) => evaluatePair(her, p, settings) as MatchResult),
      signals,
      settings,
    );
    expect(fromIndex).toEqual(direct);
  });
});

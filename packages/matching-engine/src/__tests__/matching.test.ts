import { MatchIndex } from '../match-index';
import { matchReference, MatchOptions, Person } from '../reference';
import { CRITERIA, DEFAULT_SETTINGS, MatchSettings } from '../types';
import { randomPool } from '../synthetic-pool';
import { person } from './people';

const settings: MatchSettings = DEFAULT_SETTINGS;
const indexOf = (people: Person[]) => {
  const index = new MatchIndex();
  people.forEach((p) => index.upsert(p));
  return index;
};

describe('matching: reciprocal, explained, deterministic — index and reference alike', () => {
  // She wants a man 30–36, at least a bachelor, in Hangzhou, who likes reading; age is a must.
  const her = person(
    1,
    { gender: 'female', age: 31, heightCm: 163, educationRank: 3, hobbies: ['reading', 'travel'] },
    {
      ageMin: 30,
      ageMax: 36,
      minEducationRank: 2,
      regions: ['3301'],
      wantedHobbies: ['reading'],
      importance: { age: 'required', education: 'important', region: 'important', hobbies: 'normal' },
    },
  );
  const ideal = person(
    10,
    { gender: 'male', age: 33, educationRank: 3, hobbies: ['reading'], city: '3301' },
    { ageMin: 26, ageMax: 33 },
  );
  const sameProvince = person(
    11,
    { gender: 'male', age: 34, educationRank: 2, hobbies: ['reading'], city: '3302' },
    { ageMin: 26, ageMax: 33 },
  );
  const lessEducated = person(
    12,
    { gender: 'male', age: 35, educationRank: 1, hobbies: [], city: '3302' },
    { ageMin: 26, ageMax: 33 },
  );
  const tooOld = person(13, { gender: 'male', age: 40, educationRank: 4, hobbies: ['reading'] }, {});
  // He fits her, but he requires a woman of at most 28: she is out of his range, so he is not suggested to her.
  const wantsYounger = person(
    14,
    { gender: 'male', age: 32, educationRank: 3, hobbies: ['reading'] },
    { ageMax: 28, importance: { age: 'required' } },
  );
  const woman = person(15, { gender: 'female', age: 32 });
  const paused = person(16, { gender: 'male', age: 33, recommendable: false });
  const declinedBefore = person(17, { gender: 'male', age: 33, educationRank: 3, hobbies: ['reading'] });
  const pool = [her, ideal, sameProvince, lessEducated, tooOld, wantsYounger, woman, paused, declinedBefore];
  const options = { limit: 20, settings, excludedIds: new Set([17]) };

  it.each([
    ['reference', () => matchReference(pool, 1, options)],
    ['index', () => indexOf(pool).match(1, options)],
  ])('%s: ranks the known order and counts every exclusion', (_name, run) => {
    const outcome = run();
    expect(outcome.results.map((r) => r.candidateId)).toEqual([10, 11, 12]);
    expect(outcome.excluded).toEqual({ hardFilter: 2, sameGender: 1, notRecommendable: 1, excludedPair: 1 });
    expect(outcome.evaluated).toBe(5);
    const best = outcome.results[0];
    expect(best.forward).toBe(100);
    expect(best.breakdown.find((b) => b.criterion === 'age')).toEqual({
      criterion: 'age',
      forward: 1,
      backward: 1,
      weight: { forward: 9, backward: 3 },
    });
    const region = outcome.results[1].breakdown.find((b) => b.criterion === 'region')!;
    expect(region.forward).toBe(0.6);
    expect(region.weight.forward).toBe(4);
  });

  it('applies hard filters in both directions', () => {
    const outcome = matchReference(pool, 14, { limit: 20, settings });
    expect(outcome.results.map((r) => r.candidateId)).not.toContain(1);
    const herView = matchReference(pool, 1, { limit: 20, settings });
    expect(herView.results.map((r) => r.candidateId)).not.toContain(14);
  });

  it('orders equal scores by candidate id and leaves out scores below the minimum', () => {
    const twins = [
      person(1, { gender: 'female' }),
      person(9, { gender: 'male' }),
      person(3, { gender: 'male' }),
      person(5, { gender: 'male' }),
    ];
    expect(
      indexOf(twins)
        .match(1, { limit: 10, settings })
        .results.map((r) => [r.candidateId, r.score]),
    ).toEqual([
      [3, 100],
      [5, 100],
      [9, 100],
    ]);
    const scores = matchReference(pool, 1, { limit: 20, settings }).results.map((r) => r.score);
    const minimumScore = (scores[0] + scores[scores.length - 1]) / 2;
    const outcome = indexOf(pool).match(1, { limit: 20, settings: { ...settings, minimumScore } });
    expect(outcome.results.length).toBe(scores.filter((score) => score >= minimumScore).length);
    expect(outcome.excluded.belowMinimum).toBe(scores.filter((score) => score < minimumScore).length);
    expect(outcome.excluded.belowMinimum).toBeGreaterThan(0);
  });

  it.each(['harmonic', 'geometric', 'minimum', 'arithmetic'] as const)(
    'combines both directions with the %s mean',
    (combination) => {
      const outcome = indexOf(pool).match(1, { limit: 20, settings: { ...settings, combination } });
      for (const result of outcome.results) {
        const { forward: f, backward: b } = result;
        const expected = {
          harmonic: f + b ? (2 * f * b) / (f + b) : 0,
          geometric: Math.sqrt(f * b),
          minimum: Math.min(f, b),
          arithmetic: (f + b) / 2,
        }[combination];
        expect(result.score).toBeCloseTo(expected, 1);
      }
    },
  );
});

describe('the index agrees with the reference on a random pool, also after updates', () => {
  const pool = randomPool(3000, 7);
  const index = indexOf(pool);

  it('gives the same top-20, scores, breakdowns and counts for 40 members', () => {
    for (const member of pool.slice(0, 40)) {
      const options = { limit: 20, settings, excludedIds: new Set([member.profile.id + 1, member.profile.id + 2]) };
      expect(index.match(member.profile.id, options)).toEqual(matchReference(pool, member.profile.id, options));
    }
  });

  it('reflects a changed member and a removed one at once', () => {
    const changed = pool.map((p) =>
      p.profile.id === 5 ? { ...p, profile: { ...p.profile, age: 29, city: '1101', province: '11' } } : p,
    );
    index.upsert(changed.find((p) => p.profile.id === 5)!);
    index.remove(6);
    const current = changed.filter((p) => p.profile.id !== 6);
    for (const id of [5, 7, 8, 9, 10]) {
      expect(index.match(id, { limit: 20, settings })).toEqual(matchReference(current, id, { limit: 20, settings }));
    }
    expect(index.person(5)?.profile.age).toBe(29);
    expect(index.has(6)).toBe(false);
  });

  it('forgets own weights when a member drops them, and a freed record does not keep them for the next member', () => {
    const withWeights = indexOf(pool);
    const id = pool[11].profile.id;
    const own = { ...pool[11], preferences: { ...pool[11].preferences, weights: { age: 9, hobbies: 0 } } };
    withWeights.upsert(own);
    const current = pool.map((p) => (p.profile.id === id ? own : p));
    const options = { limit: 20, settings };
    const ownResults = withWeights.match(id, options);
    expect(ownResults).toEqual(matchReference(current, id, options));
    expect(ownResults.results[0].breakdown.find((line) => line.criterion === 'age')!.weight.forward).toBe(
      9 * settings.importanceFactors[own.preferences.importance.age ?? 'normal'],
    );
    // Dropped: the agency's weights again.
    const plain = { ...own, preferences: { ...own.preferences, weights: undefined } };
    withWeights.upsert(plain);
    expect(withWeights.match(id, options)).toEqual(
      matchReference(
        pool.map((p) => (p.profile.id === id ? plain : p)),
        id,
        options,
      ),
    );
    // Removed with own weights, her record taken by a newcomer of the same group who has none.
    withWeights.upsert(own);
    withWeights.remove(id);
    const newcomer = { ...plain, profile: { ...plain.profile, id: 99_001 } };
    withWeights.upsert(newcomer);
    const after = [...pool.filter((p) => p.profile.id !== id), newcomer];
    expect(withWeights.match(99_001, options)).toEqual(matchReference(after, 99_001, options));
  });

  it('is deterministic: the same data gives the same list', () => {
    const again = indexOf(randomPool(3000, 7));
    expect(again.match(3, { limit: 20, settings })).toEqual(
      indexOf(randomPool(3000, 7)).match(3, { limit: 20, settings }),
    );
  });

  it('without counting every exclusion (countAll: false), gives the same results and only the counts told before scoring', () => {
    const unchanged = indexOf(pool);
    let hardFiltered = 0;
    for (const member of pool.slice(0, 40))
      for (const [limit, minimumScore] of [
        [5, 0],
        [20, 0],
        [20, 40],
      ]) {
        const options = {
          limit,
          settings: { ...settings, minimumScore },
          excludedIds: new Set([member.profile.id + 1]),
        };
        const counted = unchanged.match(member.profile.id, options);
        const quick = unchanged.match(member.profile.id, { ...options, countAll: false });
        expect(quick.results).toEqual(counted.results);
        expect(quick.evaluated).toBe(counted.evaluated);
        const { hardFilter, belowMinimum, ...toldBefore } = counted.excluded;
        expect(quick.excluded).toEqual(toldBefore);
        hardFiltered += hardFilter ?? 0;
      }
    // The pool's requirements do exclude candidates: the quick scan had hard filters to skip.
    expect(hardFiltered).toBeGreaterThan(0);
  });

  it('keeps its columns under 200 bytes per member', () => {
    expect(index.columnBytes / index.count).toBeLessThan(200);
  });
});

describe('the index agrees with the reference where it prunes, groups members and shares requirements', () => {
  const expectSame = (people: Person[], index: MatchIndex, ids: number[], options: MatchOptions) => {
    for (const id of ids) expect(index.match(id, options)).toEqual(matchReference(people, id, options));
  };
  const pool = randomPool(1500, 11);
  const some = pool.filter((_, i) => i % 100 === 0).map((p) => p.profile.id);

  it.each(['harmonic', 'geometric', 'minimum', 'arithmetic'] as const)(
    'prunes without changing the outcome with the %s mean',
    (combination) => {
      const options = { limit: 10, settings: { ...settings, combination } };
      expectSame(pool, indexOf(pool), some, options);
    },
  );

  it.each([60, 85])('counts every candidate below a minimum score of %d', (minimumScore) => {
    const options = { limit: 10, settings: { ...settings, minimumScore } };
    expectSame(pool, indexOf(pool), some, options);
  });

  it('takes a limit of 0, 1, or more than there are candidates', () => {
    const index = indexOf(pool);
    for (const limit of [0, 1, 2000]) expectSame(pool, index, some.slice(0, 4), { limit, settings });
  });

  it('counts excluded pairs only among the candidates it could suggest', () => {
    const member = pool.find((p) => p.profile.gender === 'female' && p.profile.recommendable)!;
    const sameGender = pool.find((p) => p.profile.gender === 'female' && p.profile.id !== member.profile.id)!;
    const paused = pool.find((p) => p.profile.gender === 'male' && !p.profile.recommendable)!;
    const men = pool.filter((p) => p.profile.gender === 'male' && p.profile.recommendable).slice(0, 2);
    const excludedIds = new Set([
      member.profile.id,
      sameGender.profile.id,
      paused.profile.id,
      999999,
      ...men.map((p) => p.profile.id),
    ]);
    const index = indexOf(pool);
    expect(index.match(member.profile.id, { limit: 10, settings, excludedIds }).excluded.excludedPair).toBe(2);
    expectSame(pool, index, [member.profile.id], { limit: 10, settings, excludedIds });
  });

  it('keeps equal scores in id order however members were added, moved and re-added', () => {
    const ids = Array.from({ length: 60 }, (_, i) => 100 + ((i * 37) % 60));
    const twins = [person(1, { gender: 'female' }), ...ids.map((id) => person(id, { gender: 'male' }))];
    const index = indexOf(twins);
    for (const id of [101, 130, 157]) index.remove(id);
    for (const id of [130, 101]) index.upsert(twins.find((p) => p.profile.id === id)!);
    const current = twins.filter((p) => p.profile.id !== 157);
    expect(index.match(1, { limit: 5, settings }).results.map((r) => r.candidateId)).toEqual([100, 101, 102, 103, 104]);
    expectSame(current, index, [1], { limit: 5, settings });
  });

  it('moves members between groups when gender or consent changes, and forgets removed ones', () => {
    const index = indexOf(pool);
    const changed = pool.map((p, i): Person => {
      if (i < 30)
        return {
          ...p,
          profile: { ...p.profile, gender: i % 3 === 0 ? null : p.profile.gender === 'male' ? 'female' : 'male' },
        };
      if (i < 60) return { ...p, profile: { ...p.profile, recommendable: !p.profile.recommendable } };
      return p;
    });
    changed.slice(0, 60).forEach((p) => index.upsert(p));
    changed.slice(60, 90).forEach((p) => index.remove(p.profile.id));
    changed.slice(60, 75).forEach((p) => index.upsert(p));
    const present = changed.filter((_, i) => i < 75 || i >= 90);
    expect(index.count).toBe(present.length);
    expect(index.has(changed[80].profile.id)).toBe(false);
    expect(index.person(changed[3].profile.id)?.profile.gender).toBeNull();
    expectSame(
      present,
      index,
      [...changed.slice(0, 6), ...changed.slice(30, 33), ...changed.slice(60, 63)].map((p) => p.profile.id),
      { limit: 10, settings },
    );
    expectSame(present, index, some, {
      limit: 10,
      settings,
      excludedIds: new Set(changed.slice(0, 40).map((p) => p.profile.id)),
    });
  });

  it('handles own weights, more wished regions than fit in a record, and a member who requires everything', () => {
    const required = Object.fromEntries(CRITERIA.map((criterion) => [criterion, 'required' as const]));
    const extra = [
      person(
        9001,
        { gender: 'female', age: 33, hobbies: ['reading'] },
        {
          regions: ['11', '3101', '4401', '4403', '3302', '5101'],
          weights: { age: 7, region: 0.5 },
          wantedHobbies: ['reading', 'travel'],
        },
      ),
      person(
        9002,
        { gender: 'male', age: 35, hobbies: ['reading'] },
        {
          ageMin: 28,
          ageMax: 40,
          heightMin: 150,
          regions: ['33', '3101', '4401', '4403', '11', '44'],
          wantedHobbies: ['reading'],
          importance: required,
        },
      ),
    ];
    const people = [...pool, ...extra];
    expectSame(people, indexOf(people), [9001, 9002, ...some.slice(0, 5)], { limit: 10, settings });
  });

  it('leaves ignored criteria out in both directions: they weigh nothing and exclude no one', () => {
    const ignore = new Set(['income', 'height'] as const);
    const requiresIncome = person(
      9101,
      { gender: 'female', age: 30, incomeRank: 1 },
      { minIncomeRank: 5, importance: { income: 'required', height: 'required' }, heightMin: 190 },
    );
    const people = [...pool, requiresIncome];
    const options = { limit: 10, settings, ignore };
    expectSame(people, indexOf(people), [9101, ...some.slice(0, 5)], options);
    const outcome = indexOf(people).match(9101, options);
    expect(outcome.excluded.hardFilter ?? 0).toBeLessThan(
      indexOf(people).match(9101, { limit: 10, settings }).excluded.hardFilter ?? 0,
    );
    for (const result of outcome.results) {
      for (const line of result.breakdown.filter((b) => ignore.has(b.criterion as 'income')))
        expect(line.weight).toEqual({ forward: 0, backward: 0 });
    }
  });

  it('scores everyone 100 when no criterion weighs anything', () => {
    const weightless: MatchSettings = {
      ...settings,
      weights: Object.fromEntries(CRITERIA.map((criterion) => [criterion, 0])) as MatchSettings['weights'],
    };
    const options = { limit: 10, settings: weightless };
    expectSame(pool, indexOf(pool), some.slice(0, 5), options);
    expect(
      indexOf(pool)
        .match(some[0], options)
        .results.every((r) => r.score === 100),
    ).toBe(true);
  });
});

import { MatchIndex } from '../match-index';
import { matchReference } from '../reference';
import { randomPool } from '../synthetic-pool';
import { DEFAULT_SETTINGS } from '../types';

describe('MatchIndex.rankCandidates: given candidates ranked with their reasons', () => {
  const pool = randomPool(800, 3);
  const index = new MatchIndex();
  pool.forEach((person) => index.upsert(person));
  const settings = DEFAULT_SETTINGS;

  it('ranks and counts them as the reference does over the member and those candidates alone', () => {
    for (const member of pool.slice(0, 15)) {
      const chosen = pool.filter((_, i) => (i * 7 + member.profile.id) % 23 === 0);
      const options = { settings, excludedIds: new Set([chosen[0].profile.id]), ignore: new Set(['income'] as const) };
      const people = [member, ...chosen.filter((person) => person !== member)];
      expect(
        index.rankCandidates(
          member.profile.id,
          chosen.map((person) => person.profile.id),
          options,
        ),
      ).toEqual(matchReference(people, member.profile.id, { ...options, limit: people.length }));
    }
  });

  it('skips ids it does not hold, counts a repeated id once and does not count the member herself', () => {
    const member = pool.find((person) => person.profile.gender === 'female' && person.profile.recommendable)!;
    const man = pool.find((person) => person.profile.gender === 'male' && person.profile.recommendable)!;
    const outcome = index.rankCandidates(
      member.profile.id,
      [man.profile.id, man.profile.id, 999999, member.profile.id],
      { settings },
    );
    expect(outcome).toEqual(matchReference([member, man], member.profile.id, { settings, limit: 10 }));
    expect(outcome.evaluated).toBe(1);
  });

  it('refuses a member it does not hold', () => {
    expect(() => index.rankCandidates(999999, [1], { settings })).toThrow('member 999999 is not in the matching index');
  });
});

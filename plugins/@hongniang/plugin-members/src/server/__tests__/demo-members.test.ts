import { ageOn } from '../ages/age';
import { DEMO_REFERENCE_DATE, demoMember } from '../demo/demo-members';
import { Random } from '../demo/random';
import { isChoice, vocabulary } from '../fields/vocabulary';
import { MEMBER_CHOICES } from '../hooks/validate-member';

// Every select field a member form offers, and age group (derived, but from the agency's list too).
const CHOICE_FIELDS: Record<string, keyof typeof vocabulary> = { ...MEMBER_CHOICES, ageGroup: 'ageGroup' };

const generate = (seed: number, count: number) => {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, i) => demoMember(random, i, [7, 8, 9]));
};

describe('the demo agency generator', () => {
  const members = generate(1, 5000);

  it('gives the same members for the same seed and others for another seed', () => {
    expect(generate(1, 50)).toEqual(members.slice(0, 50));
    expect(generate(2, 50).map((m) => m.values.name)).not.toEqual(members.slice(0, 50).map((m) => m.values.name));
  });

  it('only uses values the archive accepts', () => {
    for (const { values, preferences } of members) {
      for (const [field, list] of Object.entries(CHOICE_FIELDS)) {
        for (const value of [values[field]].flat()) expect(isChoice(list, value)).toBe(true);
      }
      expect(values.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(values.age).toBe(ageOn(values.birthDate, DEMO_REFERENCE_DATE));
      expect(values.age).toBeGreaterThanOrEqual(18);
      expect(values.age).toBeLessThanOrEqual(100);
      expect(values.heightCm).toBeGreaterThanOrEqual(100);
      expect(values.heightCm).toBeLessThanOrEqual(250);
      expect(preferences.ageMin).toBeLessThanOrEqual(preferences.ageMax);
      expect(preferences.heightMin).toBeLessThanOrEqual(preferences.heightMax);
    }
    expect(new Set(members.map((m) => m.values.phone)).size).toBe(members.length);
  });

  it('has plausible distributions: both genders, every age group, mostly bachelors, income rising with education', () => {
    const share = (predicate: (values: any) => boolean) =>
      members.filter((m) => predicate(m.values)).length / members.length;
    expect(share((v) => v.gender === 'female')).toBeGreaterThan(0.45);
    expect(share((v) => v.gender === 'female')).toBeLessThan(0.6);
    for (const group of ['youth', 'middleAged', 'senior'])
      expect(share((v) => v.ageGroup === group)).toBeGreaterThan(0.03);
    expect(share((v) => v.education === 'bachelor')).toBeGreaterThan(0.3);
    const incomeRank = (v: any) => vocabulary.incomeBand.findIndex((c) => c.value === v.incomeBand);
    const meanIncome = (education: string) => {
      const group = members.filter((m) => m.values.education === education);
      return group.reduce((sum, m) => sum + incomeRank(m.values), 0) / group.length;
    };
    expect(meanIncome('master')).toBeGreaterThan(meanIncome('highSchool') + 1);
    expect(new Set(members.map((m) => m.values.matchmakerId))).toEqual(new Set([7, 8, 9]));
  });

  it('gives preferences that fit the person: women look older and taller, men younger', () => {
    for (const { values, preferences } of members.slice(0, 500)) {
      if (values.gender === 'female') {
        expect(preferences.ageMax).toBeGreaterThan(values.age);
        expect(preferences.heightMin).toBeGreaterThanOrEqual(values.heightCm);
      } else {
        expect(preferences.ageMin).toBeLessThan(values.age);
      }
      expect(preferences.wantedHobbies.every((hobby: string) => values.hobbies.includes(hobby))).toBe(true);
    }
  });
});

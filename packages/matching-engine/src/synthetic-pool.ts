// Synthetic candidate pools with every criterion in use, for the benchmark and the tests (deterministic by seed).
import { CRITERIA, Importance, Person, Preferences, Profile } from './types';

function person(id: number, profile: Omit<Profile, 'id'>, preferences: Preferences): Person {
  return { profile: { id, ...profile }, preferences };
}

/** mulberry32, so a pool is the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOBBIES = [
  'travel',
  'fitness',
  'reading',
  'music',
  'film',
  'cooking',
  'photography',
  'outdoors',
  'gaming',
  'pets',
  'art',
  'dance',
];
const PERSONALITY = [
  'outgoing',
  'introverted',
  'steady',
  'humorous',
  'gentle',
  'independent',
  'familyMinded',
  'ambitious',
];
const PLACES: [string, string][] = [
  ['11', '1101'],
  ['31', '3101'],
  ['44', '4401'],
  ['44', '4403'],
  ['33', '3301'],
  ['33', '3302'],
  ['51', '5101'],
];
const MARITAL = ['single', 'divorced', 'widowed'];
const IMPORTANCE: Importance[] = ['indifferent', 'normal', 'important', 'required'];

/** A pool with every criterion in use, some unknown values, some not recommendable. */
export function randomPool(size: number, seed = 1): Person[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], max: number) => items.filter(() => random() < max / items.length);
  return Array.from({ length: size }, (_, i) => {
    const [province, city] = pick(PLACES);
    const age = 22 + Math.floor(random() * 40);
    const importance = Object.fromEntries(
      CRITERIA.map((criterion) => [criterion, random() < 0.08 ? 'required' : pick(IMPORTANCE.slice(0, 3))]),
    );
    return person(
      i + 1,
      {
        gender: random() < 0.5 ? 'female' : 'male',
        age: random() < 0.02 ? null : age,
        heightCm: 150 + Math.floor(random() * 40),
        educationRank: Math.floor(random() * 5),
        incomeRank: random() < 0.03 ? null : Math.floor(random() * 7),
        maritalStatus: pick(MARITAL),
        hasChildren: random() < 0.2,
        smokes: random() < 0.2,
        hobbies: some(HOBBIES, 3),
        personality: some(PERSONALITY, 2),
        province,
        city,
        recommendable: random() < 0.9,
      },
      {
        ageMin: random() < 0.1 ? null : age - 5,
        ageMax: age + 6,
        heightMin: random() < 0.5 ? 155 + Math.floor(random() * 20) : null,
        heightMax: random() < 0.3 ? 175 + Math.floor(random() * 20) : null,
        minEducationRank: random() < 0.6 ? Math.floor(random() * 4) : null,
        minIncomeRank: random() < 0.5 ? Math.floor(random() * 5) : null,
        maritalStatuses: random() < 0.5 ? some(MARITAL, 2) : [],
        childrenAcceptable: random() < 0.6,
        smokingAcceptable: random() < 0.5,
        regions: random() < 0.5 ? [pick(PLACES)[random() < 0.5 ? 0 : 1]] : [],
        wantedHobbies: some(HOBBIES, 1.5),
        wantedPersonality: some(PERSONALITY, 1),
        importance,
        weights: random() < 0.05 ? { personality: 5 } : undefined,
      },
    );
  });
}

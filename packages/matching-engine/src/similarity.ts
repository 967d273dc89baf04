// How well one person fits another's wish, per criterion, in [0, 1]. Shared by the index and the reference.
import { Criterion, Preferences, Profile } from './types';

/** An unknown value is neither a match nor a mismatch. */
export const UNKNOWN = 0.5;

/** How far outside a range the score falls to 0: 5 years, 10 cm, 2 income bands. */
export const FALLOFF = { age: 5, height: 10, income: 2 } as const;

/** 1 inside [min, max] (open ends allowed), falling linearly to 0 at `falloff` outside. */
export function rangeSimilarity(value: number | null, min: number | null, max: number | null, falloff: number): number {
  if (min === null && max === null) return 1;
  if (value === null) return UNKNOWN;
  const below = min !== null && value < min ? min - value : 0;
  const above = max !== null && value > max ? value - max : 0;
  return Math.max(0, 1 - (below + above) / falloff);
}

/** 1 at or above the minimum rank, one step below costs `1 / span`. */
export function atLeastSimilarity(rank: number | null, minimum: number | null, span: number): number {
  if (minimum === null) return 1;
  if (rank === null) return UNKNOWN;
  return rank >= minimum ? 1 : Math.max(0, 1 - (minimum - rank) / span);
}

/** The share of wished items the other has; nothing wished: 1. */
export function overlapSimilarity(wantedCount: number, sharedCount: number): number {
  return wantedCount === 0 ? 1 : sharedCount / wantedCount;
}

/** Same city or a wished province: 1; a wished city in the same province: 0.6; elsewhere: 0. */
export function regionSimilarity(regions: readonly string[], province: string | null, city: string | null): number {
  if (regions.length === 0) return 1;
  if (province === null && city === null) return UNKNOWN;
  if (regions.some((code) => code === city || code === province)) return 1;
  if (province !== null && regions.some((code) => code.length > 2 && code.startsWith(province))) return 0.6;
  return 0;
}

/** A criterion whose importance is "required" must be fully met (sets: at least one shared item). */
export function passesHardFilter(criterion: Criterion, similarity: number): boolean {
  return criterion === 'hobbies' || criterion === 'personality' ? similarity > 0 : similarity >= 1;
}

const count = (wanted: readonly string[], have: readonly string[]) =>
  wanted.filter((item) => have.includes(item)).length;

/** The candidate's fit to the wish of the one who holds `preferences`. */
export function similarity(criterion: Criterion, candidate: Profile, preferences: Preferences): number {
  switch (criterion) {
    case 'age':
      return rangeSimilarity(candidate.age, preferences.ageMin, preferences.ageMax, FALLOFF.age);
    case 'height':
      return rangeSimilarity(candidate.heightCm, preferences.heightMin, preferences.heightMax, FALLOFF.height);
    case 'education':
      return atLeastSimilarity(candidate.educationRank, preferences.minEducationRank, 2);
    case 'income':
      return atLeastSimilarity(candidate.incomeRank, preferences.minIncomeRank, FALLOFF.income);
    case 'maritalStatus':
      if (preferences.maritalStatuses.length === 0) return 1;
      if (candidate.maritalStatus === null) return UNKNOWN;
      return preferences.maritalStatuses.includes(candidate.maritalStatus) ? 1 : 0;
    case 'children':
      return !candidate.hasChildren || preferences.childrenAcceptable ? 1 : 0;
    case 'smoking':
      return !candidate.smokes || preferences.smokingAcceptable ? 1 : 0;
    case 'region':
      return regionSimilarity(preferences.regions, candidate.province, candidate.city);
    case 'hobbies':
      return overlapSimilarity(preferences.wantedHobbies.length, count(preferences.wantedHobbies, candidate.hobbies));
    case 'personality':
      return overlapSimilarity(
        preferences.wantedPersonality.length,
        count(preferences.wantedPersonality, candidate.personality),
      );
  }
}

// Age and age group are derived from the birth date, never typed in.

export interface AgeBand {
  group: string;
  minAge: number;
  maxAge: number;
}

/** Default bands (青年 / 中年 / 老年); an agency changes them in its settings. */
export const DEFAULT_AGE_BANDS: AgeBand[] = [
  { group: 'youth', minAge: 18, maxAge: 35 },
  { group: 'middleAged', minAge: 36, maxAge: 55 },
  { group: 'senior', minAge: 56, maxAge: 120 },
];

/** Whole years between a birth date (YYYY-MM-DD) and today. */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const [year, month, day] = birthDate.slice(0, 10).split('-').map(Number);
  let age = today.getFullYear() - year;
  if (today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)) age -= 1;
  return age;
}

export function ageGroupOf(age: number, bands: AgeBand[] = DEFAULT_AGE_BANDS): string | null {
  return bands.find((band) => age >= band.minAge && age <= band.maxAge)?.group ?? null;
}

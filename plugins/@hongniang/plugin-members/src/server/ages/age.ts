// Age, age group and five-year age band are derived from the birth date, never typed in; the age groups' bands are the
// agency's (collection ageGroupBands), the five-year bands fixed (vocabulary ageBand).

export interface AgeBand {
  group: string;
  minAge: number;
  maxAge: number;
}

/** The bands a new agency starts with; an admin changes them on the 年龄段设置 page. */
export const DEFAULT_AGE_BANDS: AgeBand[] = [
  { group: 'youth', minAge: 18, maxAge: 35 },
  { group: 'middleAged', minAge: 36, maxAge: 55 },
  { group: 'senior', minAge: 56, maxAge: 120 },
];

/** Whole years between a birth date (YYYY-MM-DD) and a day. */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const [year, month, day] = birthDate.slice(0, 10).split('-').map(Number);
  let age = today.getFullYear() - year;
  if (today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)) age -= 1;
  return age;
}

export function ageGroupOf(age: number, bands: AgeBand[] = DEFAULT_AGE_BANDS): string | null {
  return bands.find((band) => age >= band.minAge && age <= band.maxAge)?.group ?? null;
}

/** The five-year band of an age (vocabulary `ageBand`): 'under20', '20to24' … '55to59', '60plus'. */
export function ageBandOf(age: number): string {
  if (age < 20) return 'under20';
  if (age >= 60) return '60plus';
  const low = age - (age % 5);
  return `${low}to${low + 4}`;
}

/** The agency's bands as stored (the defaults until the collection exists, e.g. while installing). */
export async function loadAgeBands(db: any, transaction?: any): Promise<AgeBand[]> {
  const collection = db.getCollection('ageGroupBands');
  if (!collection) return DEFAULT_AGE_BANDS;
  const rows = await collection.model.findAll({ attributes: ['group', 'minAge', 'maxAge'], raw: true, transaction });
  return rows.length ? rows : DEFAULT_AGE_BANDS;
}

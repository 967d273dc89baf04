// Hand-built members for tests: a birth date for an age, and sensible defaults for a member in service who consented.
import { MockServer } from '@nocobase/test';

/**
 * The birth date (YYYY-MM-DD) of someone `years` years and `days` days ago, on this machine's calendar as the server's
 * ageOn reads it: by default her birthday was a month ago, so she is `years` old whatever the hour; `days` 0 makes today
 * her birthday, and -1 tomorrow (she is then `years - 1`).
 */
export function bornYearsAgo(years: number, days = 30, today = new Date()) {
  const date = new Date(today.getFullYear() - years, today.getMonth(), today.getDate() - days);
  const twoDigits = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

let phones = 0;

/** Creates a member through the repository (with hooks, as the API does) and returns her id. */
export async function addMember(
  app: MockServer,
  values: Record<string, any> & { age?: number; city?: string; partnerPreferences?: Record<string, any> },
) {
  const { age = 30, city, partnerPreferences, ...rest } = values;
  phones++;
  const member = await app.db.getRepository('members').create({
    values: {
      phone: `139${String(10000000 + phones).slice(-8)}`,
      birthDate: bornYearsAgo(age),
      status: 'inService',
      recommendConsent: true,
      ...(city ? { currentCity: [{ code: city.slice(0, 2) }, { code: city }] } : {}),
      ...(partnerPreferences ? { partnerPreferences } : {}),
      ...rest,
    },
  });
  return member.get('id') as number;
}

/**
 * A woman and a man who suit each other both ways (Beijing, 30 and 33, each within the other's ages and heights): the
 * two sides of introductions whose pair matching would otherwise suggest. Spread into addMember with a name and matchmaker.
 */
export const SUITED = {
  her: {
    gender: 'female',
    age: 30,
    heightCm: 165,
    education: 'bachelor',
    maritalStatus: 'single',
    childrenStatus: 'none',
    smoking: 'never',
    city: '1101',
    partnerPreferences: { ageMin: 28, ageMax: 38, heightMin: 170, heightMax: 190, preferredRegions: [{ code: '11' }] },
  },
  him: {
    gender: 'male',
    age: 33,
    heightCm: 178,
    education: 'master',
    maritalStatus: 'single',
    childrenStatus: 'none',
    smoking: 'never',
    city: '1101',
    partnerPreferences: { ageMin: 25, ageMax: 34, heightMin: 155, heightMax: 172, preferredRegions: [{ code: '11' }] },
  },
};

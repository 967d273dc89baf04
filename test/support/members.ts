// Hand-built members for tests: a birth date for an age, and sensible defaults for a member in service who consented.
import { MockServer } from '@nocobase/test';

/** A birth date that makes the member `age` years old today (her birthday a month ago). */
export function bornYearsAgo(age: number, today = new Date()) {
  const date = new Date(Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate()));
  date.setUTCDate(date.getUTCDate() - 30);
  return date.toISOString().slice(0, 10);
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

// Introductions for suites that need a pair at 双方同意 (dates need one): made through the repository, so the
// introductions plugin's hooks (stage rules, history) run as on any write.
import { MockServer } from '@nocobase/test';

/** Creates an introduction of members `a` (side A) and `b` and records both sides' 同意; resolves to its id. */
export async function agreedIntroduction(app: MockServer, a: number, b: number): Promise<number> {
  const repository = (name: string) => app.db.getRepository(name);
  const id = (await repository('introductions').create({ values: { memberAId: a, memberBId: b } })).get('id');
  await repository('introductionConsents').createMany({
    records: [
      { introductionId: id, memberId: a, answer: 'agreed' },
      { introductionId: id, memberId: b, answer: 'agreed' },
    ],
  });
  return id as number;
}

import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { addMember } from '@test/support/members';

describe('members:match — bad input gets a clear 4xx, never a 500', () => {
  let app: MockServer;
  let admin: any;
  let member: number;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
    member = await addMember(app, { name: '无择偶标准', gender: 'female' });
    await addMember(app, { name: '候选人', gender: 'male' });
  });

  const post = (query: string, body: any, locale = 'en-US') =>
    admin.post(`/members:match${query}`).set('X-Locale', locale).send(body);

  it('answers 404 naming an unknown member, in both languages', async () => {
    const english = await post('?filterByTk=999999', {});
    expect(english.status).toBe(404);
    expect(english.body.errors[0].message).toBe('There is no member with id 999999');
    const chinese = await post('?filterByTk=999999', {}, 'zh-CN');
    expect(chinese.body.errors[0].message).toBe('没有 id 为 999999 的会员');
  });

  it.each([
    ['', {}, 'Say which member to match with filterByTk (a positive whole number), not ""'],
    ['?filterByTk=abc', {}, 'Say which member to match with filterByTk (a positive whole number), not "abc"'],
    ['?filterByTk=MEMBER', { limit: 0 }, 'limit must be a whole number from 1 to 100, not 0'],
    ['?filterByTk=MEMBER', { limit: 101 }, 'limit must be a whole number from 1 to 100, not 101'],
    ['?filterByTk=MEMBER', { limit: '20' }, 'limit must be a whole number from 1 to 100, not "20"'],
    ['?filterByTk=MEMBER', { limit: 2.5 }, 'limit must be a whole number from 1 to 100, not 2.5'],
    ['?filterByTk=MEMBER', { persist: 'yes' }, 'persist must be true or false, not "yes"'],
    [
      '?filterByTk=MEMBER',
      { candidateIds: [] },
      'candidateIds must be an array of 1 to 100 member ids (positive whole numbers)',
    ],
    ['?filterByTk=MEMBER', { top: 5 }, 'Unknown parameter "top"; use limit, persist, candidateIds'],
  ])('answers 400 to %s %j', async (query, body, message) => {
    const response = await post(query.replace('MEMBER', String(member)), body);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toBe(message);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await admin
      .post(`/members:match?filterByTk=${member}`)
      .set('Content-Type', 'application/json')
      .send('{"limit": 5');
    expect(response.status).toBe(400);
  });

  it('matches a member without partner preferences on the agency defaults, and says so', async () => {
    const response = await post(`?filterByTk=${member}`, { limit: 5 });
    expect(response.status).toBe(200);
    expect(response.body.meta.usedAgencyDefaults).toBe(true);
    expect(response.body.data).toHaveLength(1);
  });

  it('refuses matching settings out of range, naming the field', async () => {
    const response = await admin
      .resource('matchSettings')
      .update({ filterByTk: 1, values: { ageWeight: 11 } })
      .set('X-Locale', 'en-US');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toBe('Weight: Age must be a whole number from 0 to 10, not "11"');
    const combination = await admin
      .resource('matchSettings')
      .update({ filterByTk: 1, values: { combination: 'median' } })
      .set('X-Locale', 'zh-CN');
    expect(combination.status).toBe(400);
    expect(combination.body.errors[0].message).toContain('不能是「median」');
  });
});

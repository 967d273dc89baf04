// Once a pair has an introduction, matching stops suggesting it — through plugin-core's excludePairs, neither plugin
// importing the other: an open introduction keeps the pair out (`inIntroduction`), one ended by a side's refusal keeps it
// out for good (`introductionDeclined`), one ended otherwise too (`introductionEnded`); the batch run skips them as well.
import { MockServer } from '@nocobase/test';
import { HONGNIANG_PLUGINS, appForSuite, signInAsRoot } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';
import { endedTask } from '@test/support/tasks';

const HER = SUITED.her;
const HIM = SUITED.him;

describe('matching leaves out the pairs that have an introduction', () => {
  let app: MockServer;
  let root: any;
  const ids: Record<string, number> = {};

  appForSuite(
    async (booted) => {
      app = booted;
      root = await signInAsRoot(app);
      ids.her = await addMember(app, { ...HER, name: '林小雨' });
      ids.him = await addMember(app, { ...HIM, name: '周完美' });
      ids.other = await addMember(app, { ...HIM, name: '吴稳重' });
      ids.hers2 = await addMember(app, { ...HER, name: '陈安然' });
      ids.his2 = await addMember(app, { ...HIM, name: '郑远山' });
    },
    { ours: HONGNIANG_PLUGINS },
  );

  const match = async (memberId: number, body: any = {}) => {
    const response = await root.post(`/members:match?filterByTk=${memberId}`).set('X-Locale', 'en-US').send(body);
    expect(response.status).toBe(200);
    return {
      listed: response.body.data.map((row: any) => row.candidateId) as number[],
      excluded: response.body.meta.excluded as Record<string, number>,
    };
  };
  const post = async (url: string, body: any) => {
    const response = await root.post(url).send(body);
    expect(response.status).toBe(200);
    return response.body.data;
  };
  const introduce = async (a: number, b: number) =>
    (await post('/introductions:create', { memberAId: a, memberBId: b })).id as number;
  const stage = async (id: number) =>
    (await app.db.getRepository('introductions').findOne({ filterByTk: id })).get('stage');

  let introductionId: number;

  it('suggests the pair while it has no introduction', async () => {
    const before = await match(ids.her);
    expect(before.listed).toContain(ids.him);
    expect(before.excluded.inIntroduction).toBeUndefined();
    expect((await match(ids.her, { candidateIds: [ids.him] })).listed).toEqual([ids.him]);
  });

  it('leaves it out, from both sides, while the introduction is open (inIntroduction)', async () => {
    introductionId = await introduce(ids.her, ids.him);
    expect(await stage(introductionId)).toBe('recommendedToA');
    const hers = await match(ids.her);
    expect(hers.listed).not.toContain(ids.him);
    expect(hers.listed).toContain(ids.other);
    expect(hers.excluded.inIntroduction).toBe(1);
    const his = await match(ids.him);
    expect(his.listed).not.toContain(ids.her);
    expect(his.excluded.inIntroduction).toBe(1);
    const chosen = await match(ids.her, { candidateIds: [ids.him, ids.other] });
    expect(chosen.listed).toEqual([ids.other]);
    expect(chosen.excluded.inIntroduction).toBe(1);
  });

  it('keeps it out for good once a side declines (introductionDeclined), the chosen ranked too', async () => {
    await post('/introductionConsents:create', {
      introductionId,
      memberId: ids.her,
      answer: 'declined',
      channel: 'phone',
    });
    expect(await stage(introductionId)).toBe('ended');
    const hers = await match(ids.her);
    expect(hers.listed).not.toContain(ids.him);
    expect(hers.excluded).toMatchObject({ introductionDeclined: 1 });
    expect(hers.excluded.inIntroduction).toBeUndefined();
    const chosen = await match(ids.her, { candidateIds: [ids.him] });
    expect(chosen.listed).toEqual([]);
    expect(chosen.excluded).toMatchObject({ introductionDeclined: 1 });
  });

  it('refuses a suggestion written by hand for that pair, saying why (400, both languages)', async () => {
    const ask = (locale: string) =>
      root.post('/matchSuggestions:create').set('X-Locale', locale).send({ memberId: ids.her, candidateId: ids.him });
    const english = await ask('en-US');
    expect(english.status).toBe(400);
    expect(english.body.errors[0].message).toContain("the pair's introduction was declined by a side");
    const chinese = await ask('zh-CN');
    expect(chinese.status).toBe(400);
    expect(chinese.body.errors[0].message).toContain('这一对的牵线被一方拒绝');
    expect(
      await app.db.getRepository('matchSuggestions').count({ filter: { memberId: ids.her, candidateId: ids.him } }),
    ).toBe(0);
  });

  it('keeps out a pair whose introduction ended otherwise (introductionEnded)', async () => {
    const id = await introduce(ids.hers2, ids.his2);
    await post(`/introductions:update?filterByTk=${id}`, { stage: 'ended', endReason: 'lostContact' });
    expect(await stage(id)).toBe('ended');
    const hers = await match(ids.hers2);
    expect(hers.listed).not.toContain(ids.his2);
    expect(hers.excluded).toMatchObject({ introductionEnded: 1 });
  });

  it('the batch run creates no suggestion for those pairs, and does for the others', async () => {
    const started = await root.post('/matchSuggestions:refreshAll').send({});
    expect(started.status).toBe(200);
    const task = await endedTask(app, started.body.data.id);
    expect(task.get('status')).toBe(1);
    const pairs = (await app.db.getRepository('matchSuggestions').find()).map((s: any) =>
      [s.get('memberId'), s.get('candidateId')].sort((a, b) => a - b).join(':'),
    );
    const key = (a: number, b: number) => [a, b].sort((x, y) => x - y).join(':');
    expect(pairs).toContain(key(ids.her, ids.other));
    expect(pairs).not.toContain(key(ids.her, ids.him));
    expect(pairs).not.toContain(key(ids.hers2, ids.his2));
  });
});

// 服务态度 over HTTP with the ACL on: a manager rates a matchmaker's month (1–5, a comment; who rated is the server's),
// once per matchmaker per month; bad input is a 400 naming the field in zh-CN and en-US with nothing written; a
// matchmaker reads her own ratings only and writes none; the front desk sees none; the rating reaches the month's KPI
// record, closed or not.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';
import { AGENCY_ZONE, agencyToday } from '@test/support/reminder-clock';
import { addMonths } from '../kpis/months';

const C = agencyToday().slice(0, 7);
const LAST = addMonths(C, -1);

describe('服务态度 (serviceRatings)', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const count = () => app.db.getRepository('serviceRatings').count();
  const rate = (agent: any, values: Record<string, unknown>, locale = 'zh-CN') =>
    agent.post('/serviceRatings:create').set('X-Locale', locale).send(values);

  appForSuite(async (booted) => {
    app = booted;
    await (app.pm.get('@hongniang/plugin-reports') as any).keeper.idle();
    ({ as, users } = await signInStaff(app));
    await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: AGENCY_ZONE } });
    // Last month has a member of 李静's: closing it writes her (and 王芳's) record.
    await addMember(app, { ...SUITED.her, name: '上月会员', matchmakerId: users.lijing, joinDate: `${LAST}-15` });
    await (app.pm.get('@hongniang/plugin-reports') as any).keeper.closePastMonths();
  });

  it('lets a manager rate a matchmaker’s month; the server records who rated, and the closed month’s record shows it', async () => {
    const response = await rate(as.manager, {
      matchmakerId: users.lijing,
      month: LAST,
      score: 4,
      comment: '耐心细致',
      ratedById: users.wangfang,
    });
    expect(response.status).toBe(200);
    const rating = await app.db.getRepository('serviceRatings').findOne({ filterByTk: response.body.data.id });
    expect(rating.get('ratedById')).toBe(users.manager);
    const record = (
      await as.manager.resource('matchmakerMonths').list({ filter: { month: LAST, matchmakerId: users.lijing } })
    ).body.data[0];
    expect(record).toMatchObject({ newMembers: 1, serviceRating: 4, serviceComment: '耐心细致' });
    expect(record.closedAt).toBeTruthy();
    const changed = await as.manager
      .post(`/serviceRatings:update?filterByTk=${rating.get('id')}`)
      .send({ score: 5, comment: '非常好' });
    expect(changed.status).toBe(200);
    const after = (
      await as.manager.resource('matchmakerMonths').list({ filter: { month: LAST, matchmakerId: users.lijing } })
    ).body.data[0];
    expect(after).toMatchObject({ serviceRating: 5, serviceComment: '非常好', closedAt: record.closedAt });
  });

  it.each([
    [
      'score 0',
      { score: 0 },
      '“评分（1–5）”必须是 1 到 5 之间的整数，而不是“0”；未保存任何内容',
      'Score (1–5) must be a whole number from 1 to 5, not "0"; nothing was saved',
    ],
    [
      'score 6',
      { score: 6 },
      '“评分（1–5）”必须是 1 到 5 之间的整数，而不是“6”；未保存任何内容',
      'Score (1–5) must be a whole number from 1 to 5, not "6"; nothing was saved',
    ],
    [
      'month abc',
      { month: 'abc' },
      '“月份”必须是 YYYY-MM 格式的月份（如 2026-11），而不是“abc”；未保存任何内容',
      'Month must be a month written YYYY-MM (e.g. 2026-11), not "abc"; nothing was saved',
    ],
    [
      'a month not begun',
      { month: addMonths(C, 2) },
      `“月份”${addMonths(C, 2)} 尚未开始：月份开始后才能评分；未保存任何内容`,
      `Month ${addMonths(C, 2)} has not begun yet: a month is rated once it has begun; nothing was saved`,
    ],
    [
      'a second rating of the month',
      { month: LAST },
      `该红娘“月份”${LAST} 已有评分：请修改原评分；未保存任何内容`,
      `Month ${LAST} is rated already for this matchmaker: edit that rating instead; nothing was saved`,
    ],
  ])('refuses %s with a 400 naming the field, in both languages, and writes nothing', async (_, values, zh, en) => {
    const before = await count();
    const valid = { matchmakerId: users.lijing, month: C, score: 3, ...values };
    const inChinese = await rate(as.manager, valid, 'zh-CN');
    expect([inChinese.status, inChinese.body.errors?.[0]?.message]).toEqual([400, zh]);
    const inEnglish = await rate(as.manager, valid, 'en-US');
    expect([inEnglish.status, inEnglish.body.errors?.[0]?.message]).toEqual([400, en]);
    expect(await count()).toBe(before);
  });

  it('refuses to rate a user who is not a matchmaker (the front desk), naming her, in both languages', async () => {
    const before = await count();
    const values = { matchmakerId: users.intake, month: C, score: 3 };
    const zh = await rate(as.manager, values, 'zh-CN');
    expect([zh.status, zh.body.errors?.[0]?.message]).toEqual([
      400,
      '“红娘”：intake 不是红娘，只能给红娘评分；未保存任何内容',
    ]);
    const en = await rate(as.manager, values, 'en-US');
    expect([en.status, en.body.errors?.[0]?.message]).toEqual([
      400,
      'Matchmaker: intake is not a matchmaker; only matchmakers are rated. Nothing was saved',
    ]);
    expect(await count()).toBe(before);
  });

  it('shows a matchmaker her own ratings only and lets her write none; the front desk sees none', async () => {
    expect((await rate(as.manager, { matchmakerId: users.wangfang, month: LAST, score: 2 })).status).toBe(200);
    const hers = await as.lijing.resource('serviceRatings').list();
    expect(hers.status).toBe(200);
    expect(hers.body.data.map((row: any) => row.matchmakerId)).toEqual([users.lijing]);
    expect((await as.manager.resource('serviceRatings').list()).body.data).toHaveLength(2);
    const before = await count();
    expect((await rate(as.lijing, { matchmakerId: users.lijing, month: C, score: 5 })).status).toBe(403);
    const own = hers.body.data[0];
    expect((await as.lijing.post(`/serviceRatings:update?filterByTk=${own.id}`).send({ score: 1 })).status).toBe(403);
    expect((await as.intake.resource('serviceRatings').list()).status).toBe(403);
    expect(await count()).toBe(before);
    expect((await app.db.getRepository('serviceRatings').findOne({ filterByTk: own.id })).get('score')).toBe(own.score);
  });
});

// 机构月度经营 (agencyMonths) and the figures matchmakerMonths gained with it, over HTTP with the ACL on. A small agency
// in the month before last (M1) and last month (M2), in the agency's zone (Shanghai) while the database runs in UTC:
//   members   L1 L2 L3 L4 (李静's), W1 W2 (王芳's), U1 (no matchmaker), Z1 (the manager's own: in no matchmaker record)
//   suggestions S1 L1×W1 (M1-02), S2 L2×L3 (M1-06), S3 U1×Z1 (M1-07), S5 L1×U1 (M1-28), S4 W2×L2 (00:30 on M2's first
//             agency day: an M2 suggestion, still M1 in UTC)
//   introductions I1 L1×L2: started M1-03, 双方同意 M1-04, date D1 M1-08 (L1 4, L2 5), 交往中 M1-09, 确定关系 M1-25,
//             结婚 M2-10; I2 L3×W1: started M1-15, 同意 M1-15, D2 M1-16 (L3 3, W1 2), 交往中 M2-02; I3 Z1×U1: started
//             M1-18, 同意 M1-19, D3 M1-21 (Z1 5, U1 1), 交往中 M1-22; I4 W2×U1: started M1-26, never agreed
//   statuses  W2 流失 M1-20, U1 已退会 M1-27, L4 流失 at 00:30 on M2's first agency day, Z1 暂停 M1-10; L3 新入会
//   contacts  L1 M1-10; L2, W2 never; W1 at 23:30 thirty agency days before M2's last day (30 days: no contact);
//             L3 at 00:30 twenty-nine days before it (29 days: contacted)
// Each figure below is counted by hand from these lines.
import { MockServer } from '@nocobase/test';
import { addDays } from '@hongniang/plugin-follow-ups';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { agreedIntroduction, completedDate, moveTo, reachedAt, startedAt } from '@test/support/introductions';
import { addMember, SUITED } from '@test/support/members';
import { AGENCY_ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';
import { addMonths, monthBounds } from '../kpis/months';
import { datedRecords } from './dated-records';

const C = agencyToday().slice(0, 7);
const M2 = addMonths(C, -1);
const M1 = addMonths(C, -2);
const day = (month: string, date: number) => `${month}-${String(date).padStart(2, '0')}`;
const M2_LAST_DAY = monthBounds(M2, AGENCY_ZONE).lastDay;

const AGENCY_FIGURES = [
  'newMembers',
  'churned',
  'membersInService',
  'noContactMembers',
  'suggestionsMade',
  'introductionsStarted',
  'bothAgreed',
  'datesHeld',
  'dating',
  'relationships',
  'marriages',
  'satisfactionAverage',
  'satisfactionCount',
  'introductionRate',
  'agreementRate',
  'dateRate',
  'datingRate',
  'relationshipRate',
  'marriageRate',
];
const NEW_MATCHMAKER_FIGURES = ['suggestionsMade', 'dating', 'churned', 'membersInService', 'noContactMembers'];
/** The named figures of a record, numbers as numbers and empty ones as null. */
const pick = (record: any, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, record?.[name] == null ? null : Number(record[name])]));

describe('机构月度经营 (agencyMonths) and the new matchmakerMonths figures', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  let root: any;
  const members: Record<string, number> = {};
  const keeper = () => (app.pm.get('@hongniang/plugin-reports') as any).keeper;
  const Member = () => app.db.getModel('members');
  const { suggestion, statusAt } = datedRecords(() => app, members);

  appForSuite(async (booted) => {
    app = booted;
    await keeper().idle();
    ({ as, users } = await signInStaff(app));
    root = await signInAsRoot(app);
    await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: AGENCY_ZONE } });
    const member = async (name: string, matchmakerId: number | null, sex: 'her' | 'him', extra = {}) => {
      members[name] = await addMember(app, { ...SUITED[sex], name, matchmakerId, ...extra });
    };
    await member('L1', users.lijing, 'her', { joinDate: day(M1, 5) });
    await member('L2', users.lijing, 'him', { joinDate: day(M1, 20) });
    await member('L3', users.lijing, 'her', { joinDate: day(M2, 3), status: 'new' });
    await member('L4', users.lijing, 'her');
    await member('W1', users.wangfang, 'him', { joinDate: day(M1, 10) });
    await member('W2', users.wangfang, 'her');
    await member('U1', null, 'him', { joinDate: day(M1, 12) });
    await member('Z1', users.manager, 'her', { joinDate: day(M1, 15) });

    await suggestion('L1', 'W1', agencyTime(day(M1, 2), 10));
    await suggestion('L2', 'L3', agencyTime(day(M1, 6), 10));
    await suggestion('U1', 'Z1', agencyTime(day(M1, 7), 10));
    await suggestion('L1', 'U1', agencyTime(day(M1, 28), 10));
    await suggestion('W2', 'L2', agencyTime(day(M2, 1), 0, 30));

    const i1 = await agreedIntroduction(app, members.L1, members.L2);
    await startedAt(app, i1, agencyTime(day(M1, 3), 10));
    await reachedAt(app, i1, 'bothAgreed', agencyTime(day(M1, 4), 10));
    await completedDate(app, i1, agencyTime(day(M1, 8), 19), [
      [members.L1, 4],
      [members.L2, 5],
    ]);
    await reachedAt(app, i1, 'met', agencyTime(day(M1, 8), 21));
    await moveTo(app, i1, 'dating', agencyTime(day(M1, 9), 10));
    await moveTo(app, i1, 'committed', agencyTime(day(M1, 25), 10));
    await moveTo(app, i1, 'married', agencyTime(day(M2, 10), 10));

    const i2 = await agreedIntroduction(app, members.L3, members.W1);
    await startedAt(app, i2, agencyTime(day(M1, 15), 9));
    await reachedAt(app, i2, 'bothAgreed', agencyTime(day(M1, 15), 10));
    await completedDate(app, i2, agencyTime(day(M1, 16), 19), [
      [members.L3, 3],
      [members.W1, 2],
    ]);
    await reachedAt(app, i2, 'met', agencyTime(day(M1, 16), 21));
    await moveTo(app, i2, 'dating', agencyTime(day(M2, 2), 10));

    const i3 = await agreedIntroduction(app, members.Z1, members.U1);
    await startedAt(app, i3, agencyTime(day(M1, 18), 9));
    await reachedAt(app, i3, 'bothAgreed', agencyTime(day(M1, 19), 10));
    await completedDate(app, i3, agencyTime(day(M1, 21), 19), [
      [members.Z1, 5],
      [members.U1, 1],
    ]);
    await reachedAt(app, i3, 'met', agencyTime(day(M1, 21), 21));
    await moveTo(app, i3, 'dating', agencyTime(day(M1, 22), 10));

    const i4 = (
      await app.db.getRepository('introductions').create({ values: { memberAId: members.W2, memberBId: members.U1 } })
    ).get('id') as number;
    await startedAt(app, i4, agencyTime(day(M1, 26), 10));

    await statusAt('W2', 'lost', agencyTime(day(M1, 20), 10));
    // U1 leaves: his open introductions end now (an 已结束 stage: counted by no figure).
    await statusAt('U1', 'withdrawn', agencyTime(day(M1, 27), 10));
    await statusAt('L4', 'lost', agencyTime(day(M2, 1), 0, 30));
    await statusAt('Z1', 'paused', agencyTime(day(M1, 10), 10));

    const contact = (name: string, at: Date | null) =>
      Member().update({ lastContactAt: at }, { where: { id: members[name] }, hooks: false, silent: true });
    await contact('L1', agencyTime(day(M1, 10), 15));
    await contact('W1', agencyTime(addDays(M2_LAST_DAY, -30), 23, 30));
    await contact('L3', agencyTime(addDays(M2_LAST_DAY, -29), 0, 30));

    await keeper().closePastMonths();
  });

  const agencyMonth = async (month: string, agent = as.manager) => {
    const response = await agent.resource('agencyMonths').list({ filter: { month } });
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    return response.body.data[0];
  };
  const matchmakerMonth = async (month: string, matchmaker: number) => {
    const response = await as.manager.resource('matchmakerMonths').list({ filter: { month }, pageSize: 100 });
    return response.body.data.find((row: any) => row.matchmakerId === matchmaker);
  };

  it('counts M1 for the whole agency, every member whatever her matchmaker', async () => {
    const m1 = await agencyMonth(M1);
    expect(pick(m1, AGENCY_FIGURES)).toEqual({
      newMembers: 5, // L1, L2, W1, U1, Z1 (L3 joined in M2; L4 and W2 have no join date)
      churned: 2, // W2 流失, U1 已退会 (L4's is M2's; Z1 paused is not a departure)
      membersInService: 4, // L1, L2, W1 服务中 and L3 新入会 now; L4, W2 lost, U1 withdrawn, Z1 paused
      noContactMembers: 1, // L2, never contacted (L1 on M1-10, W1 and L3 later: within 30 days of M1's end)
      suggestionsMade: 4, // S1, S2, S3, S5 (S4 is M2's)
      introductionsStarted: 4, // I1, I2, I3, I4
      bothAgreed: 3, // I1, I2, I3
      datesHeld: 3, // D1, D2, D3
      dating: 2, // I1, I3 (I2 in M2)
      relationships: 1, // I1
      marriages: 0, // I1 married in M2
      satisfactionAverage: 3.33, // (4 + 5 + 3 + 2 + 5 + 1) / 6
      satisfactionCount: 6,
      introductionRate: 100, // 4 introductions / 4 suggestions
      agreementRate: 75, // 3 / 4
      dateRate: 100, // 3 dates / 3 agreed
      datingRate: 66.7, // 2 / 3
      relationshipRate: 50, // 1 / 2
      marriageRate: 0, // 0 / 1
    });
    expect(m1.closedAt).toBeTruthy();
  });

  it('counts M2, leaving a rate empty when its base is 0', async () => {
    const m2 = await agencyMonth(M2);
    expect(pick(m2, AGENCY_FIGURES)).toEqual({
      newMembers: 1, // L3
      churned: 1, // L4, at 00:30 on M2's first agency day
      membersInService: 4,
      noContactMembers: 3, // L2 never; L1 since M1-10; W1 thirty days before M2's end (L3 twenty-nine)
      suggestionsMade: 1, // S4
      introductionsStarted: 0,
      bothAgreed: 0,
      datesHeld: 0,
      dating: 1, // I2
      relationships: 0,
      marriages: 1, // I1
      satisfactionAverage: null,
      satisfactionCount: 0,
      introductionRate: 0, // 0 / 1
      agreementRate: null, // no introduction started
      dateRate: null, // none agreed
      datingRate: null, // no date held
      relationshipRate: 0, // 0 / 1
      marriageRate: null, // no relationship
    });
    expect(m2.closedAt).toBeTruthy();
  });

  it('gives each matchmaker her members’ suggestions, 交往中, churn and snapshots', async () => {
    expect(pick(await matchmakerMonth(M1, users.lijing), NEW_MATCHMAKER_FIGURES)).toEqual({
      suggestionsMade: 3, // S1, S2 (both sides hers: once), S5
      dating: 1, // I1
      churned: 0,
      membersInService: 3, // L1, L2, L3
      noContactMembers: 1, // L2
    });
    expect(pick(await matchmakerMonth(M1, users.wangfang), NEW_MATCHMAKER_FIGURES)).toEqual({
      suggestionsMade: 1, // S1
      dating: 0,
      churned: 1, // W2
      membersInService: 1, // W1
      noContactMembers: 0,
    });
    expect(pick(await matchmakerMonth(M2, users.lijing), NEW_MATCHMAKER_FIGURES)).toEqual({
      suggestionsMade: 1, // S4 (L2's side)
      dating: 1, // I2 (L3's side)
      churned: 1, // L4
      membersInService: 3,
      noContactMembers: 2, // L1, L2
    });
    expect(pick(await matchmakerMonth(M2, users.wangfang), NEW_MATCHMAKER_FIGURES)).toEqual({
      suggestionsMade: 1, // S4 (W2's side)
      dating: 1, // I2 (W1's side)
      churned: 0,
      membersInService: 1,
      noContactMembers: 1, // W1, thirty days
    });
    // The manager holds no 红娘 role: Z1's figures are the agency's only.
    expect(await matchmakerMonth(M1, users.manager)).toBeUndefined();
  });

  it('keeps a closed month when records change, and takes the change in on recompute (both records)', async () => {
    // W1 leaves, dated in M1: a closed M1 does not move.
    await statusAt('W1', 'withdrawn', agencyTime(day(M1, 28), 12));
    expect(await keeper().closePastMonths()).toEqual([]);
    expect(pick(await agencyMonth(M1), ['churned', 'membersInService'])).toEqual({ churned: 2, membersInService: 4 });

    const recomputed = await as.manager.post('/agencyMonths:recompute').send({ month: M1 });
    expect(recomputed.status).toBe(200);
    expect(recomputed.body.data).toMatchObject({ month: M1, closed: true });
    const m1 = await agencyMonth(M1);
    expect(pick(m1, ['churned', 'membersInService', 'noContactMembers'])).toEqual({
      churned: 3, // W2, U1, W1
      membersInService: 3, // L1, L2, L3
      noContactMembers: 1, // L2
    });
    expect(m1.closedAt).toBeTruthy();
    expect(pick(await matchmakerMonth(M1, users.wangfang), ['churned', 'membersInService'])).toEqual({
      churned: 2, // W2, W1
      membersInService: 0,
    });
  });

  it('recomputes the live month as it is read, once its figures are older than a minute', async () => {
    const minutesPass = async () => {
      for (const collection of ['agencyMonths', 'matchmakerMonths'])
        await app.db
          .getModel(collection)
          .update({ computedAt: new Date(Date.now() - 120_000) }, { where: { month: C }, hooks: false, silent: true });
    };
    await addMember(app, { ...SUITED.him, name: 'L5', matchmakerId: users.lijing, joinDate: agencyToday() });
    await Member().update({ lastContactAt: new Date() }, { where: { id: members.L1 }, hooks: false, silent: true });
    await suggestion('L1', 'L2', new Date());
    await minutesPass();
    const live = await agencyMonth(C);
    expect(pick(live, ['newMembers', 'suggestionsMade', 'membersInService', 'noContactMembers'])).toEqual({
      newMembers: 1, // L5
      suggestionsMade: 1,
      membersInService: 4, // L1, L2, L3, L5 (W1 left above)
      noContactMembers: 3, // L2, L5 never; L3 more than 30 days ago; L1 just now
    });
    expect(live.closedAt).toBeNull();
    expect(pick(await matchmakerMonth(C, users.lijing), ['suggestionsMade', 'noContactMembers'])).toEqual({
      suggestionsMade: 1, // L1 × L2: both hers, once
      noContactMembers: 3,
    });
    // A chart query over agencyMonths refreshes it too.
    await addMember(app, { ...SUITED.her, name: 'U2', matchmakerId: null, joinDate: agencyToday() });
    await minutesPass();
    const chart = await as.manager.post('/charts:queryData').send({
      mode: 'builder',
      variableResolution: 'legacy-schema',
      dataSource: 'main',
      collection: 'agencyMonths',
      measures: [{ field: ['newMembers'], aggregation: 'sum', alias: 'joined' }],
      filter: { month: { $eq: C } },
    });
    expect(chart.status).toBe(200);
    expect(Number(chart.body.data[0].joined)).toBe(2); // L5, U2 (no matchmaker: the agency's still)
  });

  it('shows the agency’s months to a manager only, charts included; nobody writes them', async () => {
    const chart = (agent: any) =>
      agent.post('/charts:queryData').send({
        mode: 'builder',
        variableResolution: 'legacy-schema',
        dataSource: 'main',
        collection: 'agencyMonths',
        measures: [{ field: ['datesHeld'], aggregation: 'sum', alias: 'dates' }],
        dimensions: [{ field: ['month'] }],
        filter: { month: { $eq: M1 } },
      });
    const managers = await chart(as.manager);
    expect(managers.status).toBe(200);
    expect(Number(managers.body.data[0].dates)).toBe(3);
    for (const agent of [as.lijing, as.wangfang, as.intake]) {
      expect((await chart(agent)).status).toBe(403);
      expect((await agent.resource('agencyMonths').list()).status).toBe(403);
      expect((await agent.post('/agencyMonths:recompute').send({ month: M1 })).status).toBe(403);
    }
    // A matchmaker's own figures stay hers (matchmakerMonths).
    expect((await as.lijing.resource('matchmakerMonths').list({ filter: { month: M1 } })).status).toBe(200);
    const record = await agencyMonth(M1);
    for (const agent of [as.manager, root]) {
      const update = await agent
        .post(`/agencyMonths:update?filterByTk=${record.id}`)
        .set('X-Locale', 'en-US')
        .send({ churned: 99 });
      expect(update.status).toBe(403);
      expect(update.body.errors[0].message).toMatch(/computed by the system/);
      const zh = await agent.post('/agencyMonths:create').set('X-Locale', 'zh-CN').send({ month: C });
      expect([zh.status, zh.body.errors[0].message]).toEqual([
        403,
        '月度数据（红娘月度绩效、机构月度经营）由系统计算，不能修改；主管可以重算某个月份（recompute）',
      ]);
      expect((await agent.post(`/agencyMonths:destroy?filterByTk=${record.id}`)).status).toBe(403);
    }
    expect((await agencyMonth(M1)).churned).toBe(record.churned);
    // One record per month, held by the database.
    await expect(app.db.getModel('agencyMonths').create({ month: M1 })).rejects.toThrow();
  });

  it('names a bad month in both languages on the agency’s recompute', async () => {
    const en = await as.manager.post('/agencyMonths:recompute').set('X-Locale', 'en-US').send({ month: '2026/11' });
    expect([en.status, en.body.errors[0].message]).toEqual([
      400,
      'month must be a month written YYYY-MM (e.g. 2026-11), not "2026/11"',
    ]);
    const zh = await as.manager
      .post('/agencyMonths:recompute')
      .set('X-Locale', 'zh-CN')
      .send({ month: addMonths(C, 1) });
    expect([zh.status, zh.body.errors[0].message]).toEqual([400, `${addMonths(C, 1)} 月尚未开始，没有可计算的数据`]);
  });
});

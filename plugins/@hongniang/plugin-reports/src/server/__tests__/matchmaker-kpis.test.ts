// 红娘绩效 over HTTP with the ACL on: a small agency (李静 and 王芳, a few members each, introductions moved through their
// stages, dates completed with feedback, reminders closed on time, late and as obsolete) in the month before last (M1)
// and last month (M2), each KPI against values worked out by hand below; closing (a later change leaves a closed month
// as it was, recompute takes it in); the current month live; each role's scope on list and chart queries. The agency's
// zone is Asia/Shanghai while the database and the process run in UTC: records in the first half hour of an agency day
// are a UTC day (and month) earlier.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInStaff } from '@test/support/app';
import * as backdate from '@test/support/introductions';
import { agreedIntroduction } from '@test/support/introductions';
import { addMember, SUITED } from '@test/support/members';
import { AGENCY_ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';
import { addMonths } from '../kpis/months';

const C = agencyToday().slice(0, 7);
const M2 = addMonths(C, -1);
const M1 = addMonths(C, -2);
const day = (month: string, date: number) => `${month}-${String(date).padStart(2, '0')}`;

describe('红娘绩效 (matchmakerMonths)', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const members: Record<string, number> = {};
  const introductions: Record<string, number> = {};
  const repo = (name: string) => app.db.getRepository(name);
  const keeper = () => (app.pm.get('@hongniang/plugin-reports') as any).keeper;

  const reachedAt = (introduction: number, stage: string, at: Date) => backdate.reachedAt(app, introduction, stage, at);
  const startedAt = (introduction: number, at: Date) => backdate.startedAt(app, introduction, at);
  const moveTo = (introduction: number, stage: string, at: Date) => backdate.moveTo(app, introduction, stage, at);
  const completedDate = (introduction: number, startsAt: Date, feedback: [number, number][]) =>
    backdate.completedDate(app, introduction, startsAt, feedback);
  let reminderKeys = 0;
  const reminder = (kind: string, recipientId: number, dueAt: Date, closed?: { at: Date; reason: string | null }) => ({
    key: `test:${kind}:${++reminderKeys}`,
    kind,
    recipientId,
    memberId: members.L1,
    dueAt,
    title: kind,
    status: closed ? 'closed' : 'open',
    ...(closed ? { closedAt: closed.at, closeReason: closed.reason } : {}),
  });

  appForSuite(async (booted) => {
    app = booted;
    await keeper().idle();
    ({ as, users } = await signInStaff(app));
    await repo('reminderSettings').update({ filterByTk: 1, values: { timeZone: AGENCY_ZONE } });
    const member = async (name: string, matchmaker: number, sex: 'her' | 'him', joinDate?: string) => {
      members[name] = await addMember(app, {
        ...SUITED[sex],
        name,
        matchmakerId: matchmaker,
        ...(joinDate ? { joinDate } : {}),
      });
    };
    // New members: 李静 L1, L2 in M1 and L3 on M2's first day; 王芳 W1 in M1, W2 the month before. L4, W3 have no join date.
    await member('L1', users.lijing, 'her', day(M1, 5));
    await member('L2', users.lijing, 'him', day(M1, 20));
    await member('L3', users.lijing, 'her', day(M2, 1));
    await member('L4', users.lijing, 'her');
    await member('W1', users.wangfang, 'him', day(M1, 10));
    await member('W2', users.wangfang, 'her', `${addMonths(M1, -1)}-28`);
    await member('W3', users.wangfang, 'him');

    // I1: L1 × L2, both 李静's: started M1-03, both agreed M1-04, met (its date) M1-08, dating M1-09, committed M1-25,
    // married in M2 (the 10th).
    introductions.I1 = await agreedIntroduction(app, members.L1, members.L2);
    await startedAt(introductions.I1, agencyTime(day(M1, 3), 10));
    await reachedAt(introductions.I1, 'bothAgreed', agencyTime(day(M1, 4), 10));
    // D1 (M1-08): L1 gives 4, L2 gives 5.
    await completedDate(introductions.I1, agencyTime(day(M1, 8), 19), [
      [members.L1, 4],
      [members.L2, 5],
    ]);
    await reachedAt(introductions.I1, 'met', agencyTime(day(M1, 8), 21));
    await moveTo(introductions.I1, 'dating', agencyTime(day(M1, 9), 10));
    await moveTo(introductions.I1, 'committed', agencyTime(day(M1, 25), 10));
    await moveTo(introductions.I1, 'married', agencyTime(day(M2, 10), 10));

    // I2: L3 (李静) × W1 (王芳): started M1-15, both agreed M1-15, met M1-16.
    introductions.I2 = await agreedIntroduction(app, members.L3, members.W1);
    await startedAt(introductions.I2, agencyTime(day(M1, 15), 9));
    await reachedAt(introductions.I2, 'bothAgreed', agencyTime(day(M1, 15), 10));
    // D2 (M1-16): L3 gives 3, W1 gives 2.
    await completedDate(introductions.I2, agencyTime(day(M1, 16), 19), [
      [members.L3, 3],
      [members.W1, 2],
    ]);
    await reachedAt(introductions.I2, 'met', agencyTime(day(M1, 16), 21));
    // D3 at 00:30 on M2's first agency day (M1's last day in UTC): an M2 date; W1 gives 5.
    await completedDate(introductions.I2, agencyTime(day(M2, 1), 0, 30), [[members.W1, 5]]);
    // A cancelled date in M1: not held.
    await repo('dates').create({
      values: {
        introductionId: introductions.I2,
        startsAt: agencyTime(day(M1, 20), 19),
        durationMinutes: 60,
        place: '公园',
        status: 'cancelled',
      },
    });

    // I3: L4 (李静) × W3 (王芳), at 00:30 on M2's first agency day: an M2 introduction, still at 推荐给甲方.
    introductions.I3 = (
      await repo('introductions').create({ values: { memberAId: members.L4, memberBId: members.W3 } })
    ).get('id') as number;
    await startedAt(introductions.I3, agencyTime(day(M2, 1), 0, 30));

    const closedOn = (date: string, hour: number, minutes = 0, reason: string | null = 'followUp') => ({
      at: agencyTime(date, hour, minutes),
      reason,
    });
    await repo('reminders').createMany({
      records: [
        // 李静, M1: due 6 (R1, R2, R3, R4, R5, R8), on time 3 (R1, R2, R8): 50.0 %.
        reminder('followUpDue', users.lijing, agencyTime(day(M1, 10), 9), closedOn(day(M1, 10), 20)), // R1 on time
        reminder('noContact', users.lijing, agencyTime(day(M1, 11), 9), closedOn(day(M1, 11), 23, 30)), // R2 on time
        // R3 closed at 00:30 the next agency day: still its due day in UTC, late for the agency.
        reminder('newMemberNoContact', users.lijing, agencyTime(day(M1, 12), 9), closedOn(day(M1, 13), 0, 30)),
        // R4 closed the same day, but as 情况已变化: not done.
        reminder('collectFeedback', users.lijing, agencyTime(day(M1, 14), 9), closedOn(day(M1, 14), 10, 0, 'obsolete')),
        reminder('deepInterview', users.lijing, agencyTime(day(M1, 15), 9)), // R5 still open
        // R6: a birthday is not a follow-up kind.
        reminder('birthday', users.lijing, agencyTime(day(M1, 16), 9), closedOn(day(M1, 16), 10)),
        // R7 at 00:30 on M2's first agency day: M2's (on time there).
        reminder('followUpDue', users.lijing, agencyTime(day(M2, 1), 0, 30), closedOn(day(M2, 1), 8)),
        // R8 at 00:30 on M1's first agency day (the month before in UTC): M1's, on time.
        reminder('followUpDue', users.lijing, agencyTime(day(M1, 1), 0, 30), closedOn(day(M1, 1), 8)),
        // 王芳, M1: due 3, on time 2 (closed by hand; feedback received): 66.7 %.
        reminder('followUpDue', users.wangfang, agencyTime(day(M1, 20), 9), closedOn(day(M1, 20), 18, 0, 'manual')),
        reminder('noContact', users.wangfang, agencyTime(day(M1, 21), 9), closedOn(day(M1, 25), 10)),
        reminder(
          'collectFeedback',
          users.wangfang,
          agencyTime(day(M1, 22), 9),
          closedOn(day(M1, 22), 9, 30, 'feedback'),
        ),
      ],
    });
    // The month-end closing, as the hourly pass (and the start's catch-up) runs it.
    await keeper().closePastMonths();
  });

  const monthsOf = async (agent: any, month: string) => {
    const response = await agent.resource('matchmakerMonths').list({ filter: { month }, pageSize: 100 });
    expect(response.status).toBe(200);
    return response.body.data as any[];
  };
  const recordOf = async (month: string, matchmaker: number) =>
    (await monthsOf(as.manager, month)).find((row) => row.matchmakerId === matchmaker);
  const FIGURES = [
    'newMembers',
    'followUpsDue',
    'followUpsOnTime',
    'onTimeRate',
    'introductionsStarted',
    'bothAgreed',
    'relationships',
    'marriages',
    'datesHeld',
    'satisfactionAverage',
    'satisfactionCount',
  ];
  const figuresOf = (record: any) => Object.fromEntries(FIGURES.map((name) => [name, record && Number(record[name])]));

  it('computes each of 李静’s M1 figures as counted by hand', async () => {
    expect(figuresOf(await recordOf(M1, users.lijing))).toEqual({
      newMembers: 2, // L1, L2 (L3 joined on M2's first day)
      followUpsDue: 6, // R1, R2, R3, R4, R5, R8
      followUpsOnTime: 3, // R1, R2, R8
      onTimeRate: 50,
      introductionsStarted: 2, // I1 (both sides hers: once), I2
      bothAgreed: 2, // I1, I2
      relationships: 1, // I1 (committed M1-25)
      marriages: 0, // I1 married in M2
      datesHeld: 2, // D1 (both sides hers: once), D2; D3 is M2's, the cancelled one not held
      satisfactionAverage: 4, // (4 + 5 + 3) / 3
      satisfactionCount: 3,
    });
  });

  it('computes 王芳’s M1 figures, the pair she shares with 李静 counted for both', async () => {
    expect(figuresOf(await recordOf(M1, users.wangfang))).toEqual({
      newMembers: 1, // W1 (W2 joined the month before)
      followUpsDue: 3,
      followUpsOnTime: 2, // closed by hand and by feedback on their days; the third four days late
      onTimeRate: 66.7, // 2 / 3
      introductionsStarted: 1, // I2
      bothAgreed: 1, // I2
      relationships: 0,
      marriages: 0,
      datesHeld: 1, // D2
      satisfactionAverage: 2, // W1's 2
      satisfactionCount: 1,
    });
  });

  it('puts what happened in the first half hour of M2’s first agency day into M2, and closes both past months', async () => {
    const lijing = await recordOf(M2, users.lijing);
    const wangfang = await recordOf(M2, users.wangfang);
    expect(figuresOf(lijing)).toMatchObject({
      newMembers: 1, // L3
      followUpsDue: 1, // R7
      followUpsOnTime: 1,
      onTimeRate: 100,
      introductionsStarted: 1, // I3
      marriages: 1, // I1
      datesHeld: 1, // D3
      satisfactionCount: 0,
    });
    expect(lijing.satisfactionAverage).toBeNull();
    expect(figuresOf(wangfang)).toMatchObject({ introductionsStarted: 1, datesHeld: 1, satisfactionAverage: 5 });
    expect(wangfang.onTimeRate).toBeNull(); // nothing was due
    for (const record of [lijing, wangfang, await recordOf(M1, users.lijing)]) expect(record.closedAt).toBeTruthy();
  });

  it('keeps a closed month’s figures when records change, and takes the change in when a manager recomputes it', async () => {
    const before = await recordOf(M1, users.lijing);
    // L2 moves to 王芳. Attribution is by the member's matchmaker when computing: closed M1 does not move.
    await repo('members').update({ filterByTk: members.L2, values: { matchmakerId: users.wangfang } });
    await app.db
      .getModel('reminders')
      .update(
        { status: 'closed', closeReason: 'followUp', closedAt: agencyTime(day(M1, 15), 10) },
        { where: { recipientId: users.lijing, kind: 'deepInterview' }, hooks: false },
      );
    expect(await keeper().closePastMonths()).toEqual([]);
    expect(figuresOf(await recordOf(M1, users.lijing))).toEqual(figuresOf(before));

    const recomputed = await as.manager.post('/matchmakerMonths:recompute').send({ month: M1 });
    expect(recomputed.status).toBe(200);
    expect(recomputed.body.data).toMatchObject({ month: M1, closed: true });
    const lijing = await recordOf(M1, users.lijing);
    expect(figuresOf(lijing)).toEqual({
      ...figuresOf(before),
      newMembers: 1, // L1
      followUpsOnTime: 4, // R5 closed on its day now
      onTimeRate: 66.7,
      satisfactionAverage: 3.5, // L1's 4, L3's 3
      satisfactionCount: 2,
    });
    expect(lijing.closedAt).toBe(before.closedAt);
    expect(figuresOf(await recordOf(M1, users.wangfang))).toMatchObject({
      newMembers: 2, // W1, L2
      introductionsStarted: 2, // I2, I1 (L2's side)
      relationships: 1, // I1
      datesHeld: 2, // D2, D1
      satisfactionAverage: 3.5, // W1's 2, L2's 5
    });
  });

  it('recomputes the live month as it is read, once its figures are older than a minute', async () => {
    // Two minutes pass (the records' computedAt moved back): the next read recomputes.
    const minutesPass = () =>
      app.db
        .getModel('matchmakerMonths')
        .update({ computedAt: new Date(Date.now() - 120_000) }, { where: { month: C }, hooks: false, silent: true });
    await addMember(app, { ...SUITED.her, name: 'L5', matchmakerId: users.lijing, joinDate: agencyToday() });
    await minutesPass();
    expect(await recordOf(C, users.lijing)).toMatchObject({ newMembers: 1, closedAt: null });
    await addMember(app, { ...SUITED.him, name: 'L6', matchmakerId: users.lijing, joinDate: agencyToday() });
    await minutesPass();
    const chart = await as.manager.post('/charts:queryData').send({
      mode: 'builder',
      variableResolution: 'legacy-schema',
      dataSource: 'main',
      collection: 'matchmakerMonths',
      measures: [{ field: ['newMembers'], aggregation: 'sum', alias: 'joined' }],
      filter: { month: { $eq: C }, matchmakerId: { $eq: users.lijing } },
    });
    expect(chart.status).toBe(200);
    expect(Number(chart.body.data[0].joined)).toBe(2);
    expect((await recordOf(C, users.lijing)).closedAt).toBeNull();
  });

  it('shows a matchmaker her own records only, read-only; the front desk none; a manager every one', async () => {
    const hers = await monthsOf(as.lijing, M1);
    expect(hers.map((row) => row.matchmakerId)).toEqual([users.lijing]);
    expect((await monthsOf(as.manager, M1)).map((row) => row.matchmakerId)).toEqual(
      expect.arrayContaining([users.lijing, users.wangfang]),
    );
    const chart = (agent: any) =>
      agent.post('/charts:queryData').send({
        mode: 'builder',
        variableResolution: 'legacy-schema',
        dataSource: 'main',
        collection: 'matchmakerMonths',
        measures: [
          { field: ['datesHeld'], aggregation: 'sum', alias: 'dates' },
          { field: ['newMembers'], aggregation: 'count', alias: 'records' },
        ],
        dimensions: [{ field: ['month'] }],
        filter: { month: { $eq: M1 } },
      });
    const herChart = await chart(as.lijing);
    expect(herChart.status).toBe(200);
    // Her one record of M1 (2 dates held, after the recompute above); the manager's sum covers every matchmaker's.
    expect(herChart.body.data).toHaveLength(1);
    expect(Number(herChart.body.data[0].records)).toBe(1);
    expect(Number(herChart.body.data[0].dates)).toBe((await recordOf(M1, users.lijing)).datesHeld);
    const agency = await chart(as.manager);
    expect(Number(agency.body.data[0].dates)).toBe(
      (await monthsOf(as.manager, M1)).reduce((sum, row) => sum + Number(row.datesHeld), 0),
    );
    expect(Number(agency.body.data[0].dates)).toBeGreaterThan(Number(herChart.body.data[0].dates));
    expect((await chart(as.intake)).status).toBe(403);
    expect((await as.intake.resource('matchmakerMonths').list()).status).toBe(403);
    const record = await recordOf(M1, users.lijing);
    for (const agent of [as.lijing, as.manager]) {
      const update = await agent
        .post(`/matchmakerMonths:update?filterByTk=${record.id}`)
        .set('X-Locale', 'en-US')
        .send({ newMembers: 99 });
      expect(update.status).toBe(403);
      expect(update.body.errors[0].message).toMatch(/computed by the system/);
    }
    expect((await as.manager.post('/matchmakerMonths:create').send({ month: C })).status).toBe(403);
    // One record per matchmaker and month, held by the database too (a second process's computation cannot add one).
    await expect(
      app.db.getModel('matchmakerMonths').create({ matchmakerId: users.lijing, month: M1 }),
    ).rejects.toThrow();
    expect((await recordOf(M1, users.lijing)).newMembers).toBe(record.newMembers);
  });

  it('closes at most the last 24 months, each once, from the agency’s first activity', async () => {
    // The set-up's closing began at W2's month (the one before M1), its first activity; nothing is left to close.
    expect(await keeper().closePastMonths()).toEqual([]);
    expect(await recordOf(addMonths(M1, -1), users.wangfang)).toMatchObject({ newMembers: 1 });
    // A member who joined 30 months ago: the catch-up reaches back 24 months only, up to the months closed already.
    await addMember(app, {
      ...SUITED.him,
      name: 'W9',
      matchmakerId: users.wangfang,
      joinDate: `${addMonths(C, -30)}-10`,
    });
    const closed = await keeper().closePastMonths();
    expect(closed[0]).toBe(addMonths(C, -24));
    expect(closed[closed.length - 1]).toBe(addMonths(M1, -2));
    expect(closed).toHaveLength(21);
    expect(await monthsOf(as.manager, addMonths(C, -25))).toEqual([]);
    expect(await keeper().closePastMonths()).toEqual([]);
  });

  it('lets only a manager recompute, and names a bad month in both languages', async () => {
    expect((await as.lijing.post('/matchmakerMonths:recompute').send({ month: M1 })).status).toBe(403);
    expect((await as.intake.post('/matchmakerMonths:recompute').send({ month: M1 })).status).toBe(403);
    const zh = await as.manager.post('/matchmakerMonths:recompute').set('X-Locale', 'zh-CN').send({ month: 'abc' });
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0].message).toBe('month（月份）必须是 YYYY-MM 格式（如 2026-11），而不是“abc”');
    const en = await as.manager
      .post('/matchmakerMonths:recompute')
      .set('X-Locale', 'en-US')
      .send({ month: addMonths(C, 1) });
    expect(en.status).toBe(400);
    expect(en.body.errors[0].message).toBe(`Month ${addMonths(C, 1)} has not begun yet: there is nothing to compute`);
    // The current month recomputed stays live.
    const live = await as.manager.post('/matchmakerMonths:recompute').send({ month: C });
    expect(live.body.data).toMatchObject({ closed: false });
    expect((await recordOf(C, users.lijing)).closedAt).toBeNull();
  });
});

// Each reminder kind's condition, swept at chosen moments of the agency's clock (Asia/Shanghai, the process running in
// UTC): due at the reminder hour of the agency's day (09:00 there is 01:00 UTC: a date-only field counted from UTC
// midnight, as NocoBase's schedule trigger does, would fire at 08:00), to the member's matchmaker, once.
import { MockServer } from '@nocobase/test';
import { addDays, instantAt, reminderClock } from '@hongniang/plugin-follow-ups';
import { HONGNIANG_PLUGINS, appForSuite, signInStaff } from '@test/support/app';
import { agreedIntroduction } from '@test/support/introductions';
import { addMember, SUITED } from '@test/support/members';
import { workflowsIdle } from '@test/support/workflows';
import { AGENCY_ZONE as ZONE, MINUTE, agencyTime, agencyToday } from '@test/support/reminder-clock';

/** The agency's day today (real clock): members' dates are set around it, and the reminder clock is moved within it. */
const D = agencyToday();
const at = agencyTime;

describe('reminder kinds', () => {
  let app: MockServer;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const realNow = reminderClock.now;

  appForSuite(
    async (booted) => {
      app = booted;
      ({ users } = await signInStaff(app));
      await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: ZONE } });
    },
    { ours: HONGNIANG_PLUGINS },
  );
  afterEach(() => {
    reminderClock.now = realNow;
  });

  const repo = (name: string) => app.db.getRepository(name);
  const sweeper = () => app.pm.get<any>('@hongniang/plugin-follow-ups').sweeper;
  /** A whole sweep at `now`, as the first one of the agency (no watermark: nothing counts as missed). */
  const sweepAt = async (now: Date) => {
    await app.db.getModel('reminderSweeps').destroy({ where: {} });
    reminderClock.now = () => now;
    await sweeper().idle();
    await sweeper().sweepNow();
    // Each reminder written starts its workflow (an in-app message): done before the test writes again.
    await workflowsIdle(app);
  };
  const remindersOf = async (filter: Record<string, any>) =>
    (await repo('reminders').find({ filter, sort: ['id'] })).map((row: any) => row.toJSON());
  const member = (values: Record<string, unknown>) =>
    addMember(app, { ...SUITED.her, matchmakerId: users.lijing, ...values });

  it('a follow-up due today reminds her matchmaker at 09:00 agency time, not at UTC midnight, and once', async () => {
    const id = await member({ name: '到期回访', nextFollowUpDate: D });
    await sweepAt(at(D, 8, 30)); // 00:30 UTC: the day has begun in UTC, not yet the agency's reminder hour
    expect(await remindersOf({ memberId: id })).toEqual([]);
    await sweepAt(at(D, 9, 1));
    const [reminder, ...more] = await remindersOf({ memberId: id });
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      kind: 'followUpDue',
      key: `followUpDue:${id}:${D}`,
      recipientId: users.lijing,
      status: 'open',
      late: false,
    });
    expect(new Date(reminder.dueAt).toISOString()).toBe(instantAt(D, 9, ZONE).toISOString());
    expect(reminder.title).toContain('到期回访');
    await sweepAt(at(D, 15));
    expect(await remindersOf({ memberId: id })).toHaveLength(1);
  });

  it('no contact for her tier’s number of days (VIP 7, 普通 30), counted in agency days from the last contact', async () => {
    // 10:00 agency time seven days ago: 02:00 UTC, the same day in both zones.
    const lastContactAt = at(addDays(D, -7), 10);
    const vip = await member({ name: 'VIP久未联系', tier: 'vip', lastContactAt });
    const standard = await member({ name: '普通会员', tier: 'standard', lastContactAt });
    // Late the evening before in the agency (already D in UTC? no: 23:30 on D−1 is 15:30 UTC on D−1): six days.
    const sixDays = await member({ name: 'VIP六天', tier: 'vip', lastContactAt: at(addDays(D, -6), 0, 30) });
    await sweepAt(at(D, 9, 1));
    expect((await remindersOf({ memberId: vip })).map((row) => row.key)).toEqual([
      `noContact:${vip}:${addDays(D, -7)}`,
    ]);
    expect(await remindersOf({ memberId: standard, kind: 'noContact' })).toEqual([]);
    expect(await remindersOf({ memberId: sixDays, kind: 'noContact' })).toEqual([]);
  });

  it('a new member not contacted within 24 hours reminds whoever will call her; a follow-up answers it', async () => {
    const waiting = await member({ name: '新会员甲', status: 'new' });
    const called = await member({ name: '新会员乙', status: 'new' });
    const entered = await member({ name: '新会员丙', status: 'new', matchmakerId: null });
    // Entered by the front desk (a request would set it; this set-up writes without one).
    await app.db.getModel('members').update({ createdById: users.intake }, { where: { id: entered }, hooks: false });
    await repo('followUps').create({ values: { memberId: called, summary: '首次电话' } });
    await sweepAt(new Date(Date.now() + 23 * 60 * MINUTE));
    expect(await remindersOf({ memberId: [waiting, called, entered], kind: 'newMemberNoContact' })).toEqual([]);
    await sweepAt(new Date(Date.now() + 25 * 60 * MINUTE));
    const reminders = await remindersOf({ memberId: [waiting, called, entered], kind: 'newMemberNoContact' });
    expect(reminders.map((row) => [row.memberId, row.recipientId])).toEqual([
      [waiting, users.lijing],
      [entered, users.intake],
    ]);
  });

  it('a birthday on the agency’s day (02-29 on 02-28 in other years); a membership ending within 30 days', async () => {
    const born = await member({ name: '生日会员', birthDate: `1994-${D.slice(5)}` });
    const leapling = await member({ name: '闰日会员', birthDate: '1996-02-29' });
    const ending = await member({ name: '将到期', expiryDate: addDays(D, 30) });
    const later = await member({ name: '还早', expiryDate: addDays(D, 31) });
    await sweepAt(at(D, 9, 1));
    expect((await remindersOf({ memberId: born })).map((row) => row.key)).toEqual([
      `birthday:${born}:${D.slice(0, 4)}`,
    ]);
    expect((await remindersOf({ memberId: ending })).map((row) => row.kind)).toEqual(['membershipEnding']);
    expect(await remindersOf({ memberId: later })).toEqual([]);
    await sweepAt(at('2027-02-28', 9, 1));
    expect((await remindersOf({ memberId: leapling, kind: 'birthday' })).map((row) => row.key)).toEqual([
      `birthday:${leapling}:2027`,
    ]);
  });

  it('an in-depth interview after 60 days in service, unless an introduction reached 交往中 or she was interviewed', async () => {
    const joinDate = addDays(D, -60);
    const due = await member({ name: '待访谈', joinDate });
    const interviewed = await member({ name: '已访谈', joinDate });
    const recent = await member({ name: '新入会', joinDate: addDays(D, -59) });
    await repo('followUps').create({
      values: { memberId: interviewed, type: 'deepInterview', occurredAt: at(addDays(D, -10), 10) },
    });
    await sweepAt(at(D, 9, 1));
    expect((await remindersOf({ memberId: due, kind: 'deepInterview' })).map((row) => row.key)).toEqual([
      `deepInterview:${due}:${joinDate}`,
    ]);
    expect(await remindersOf({ memberId: [interviewed, recent], kind: 'deepInterview' })).toEqual([]);
  });

  describe('dates and introductions', () => {
    let a: number;
    let b: number;
    let introduction: number;
    beforeAll(async () => {
      a = await member({ name: '约会女方' });
      b = await addMember(app, { ...SUITED.him, name: '约会男方', matchmakerId: users.wangfang });
      introduction = await agreedIntroduction(app, a, b);
    });

    it('a date tomorrow reminds each side’s matchmaker; cancelling it closes both', async () => {
      const date = (
        await repo('dates').create({
          values: { introductionId: introduction, startsAt: at(addDays(D, 1), 19), place: '国贸' },
        })
      ).get('id');
      await sweepAt(at(D, 9, 1));
      const reminders = await remindersOf({ dateId: date, kind: 'dateTomorrow' });
      expect(reminders.map((row) => [row.memberId, row.recipientId])).toEqual([
        [a, users.lijing],
        [b, users.wangfang],
      ]);
      await repo('dates').update({ filterByTk: date, values: { status: 'cancelled' } });
      expect((await remindersOf({ dateId: date })).map((row) => [row.status, row.closeReason])).toEqual([
        ['closed', 'date'],
        ['closed', 'date'],
      ]);
    });

    it('the day after a date, the side without feedback is to be called; her feedback closes it', async () => {
      const date = (
        await repo('dates').create({
          values: { introductionId: introduction, startsAt: at(addDays(D, -1), 19), place: '公园' },
        })
      ).get('id');
      await repo('dates').update({ filterByTk: date, values: { status: 'completed' } });
      await repo('dateFeedback').create({
        values: { dateId: date, memberId: a, satisfaction: 4, wantsToContinue: 'undecided' },
      });
      await sweepAt(at(D, 9, 1));
      const [reminder, ...more] = await remindersOf({ dateId: date, kind: 'collectFeedback' });
      expect(more).toEqual([]);
      expect([reminder.memberId, reminder.recipientId]).toEqual([b, users.wangfang]);
      await repo('dateFeedback').create({
        values: { dateId: date, memberId: b, satisfaction: 3, wantsToContinue: 'undecided' },
      });
      expect((await remindersOf({ id: reminder.id }))[0]).toMatchObject({ status: 'closed', closeReason: 'feedback' });
    });

    it('an introduction waiting in one stage past the limit reminds the side it waits on; moving it closes that', async () => {
      const c = await member({ name: '等待女方' });
      const d = await addMember(app, { ...SUITED.him, name: '等待男方', matchmakerId: users.wangfang });
      const waiting = (await repo('introductions').create({ values: { memberAId: c, memberBId: d } })).get('id');
      await app.db
        .getModel('introductions')
        .update({ stageChangedAt: at(addDays(D, -14), 10) }, { where: { id: waiting }, hooks: false });
      await sweepAt(at(D, 9, 1));
      const reminders = await remindersOf({ introductionId: waiting });
      expect(reminders.map((row) => [row.kind, row.recipientId])).toEqual([['stageWaiting', users.lijing]]);
      // 甲方 was asked: the introduction moves on to 推荐给乙方 (the next step).
      await repo('introductions').update({ filterByTk: waiting, values: { stage: 'recommendedToB' } });
      expect((await remindersOf({ introductionId: waiting }))[0]).toMatchObject({
        status: 'closed',
        closeReason: 'stageMoved',
      });
    });
  });
});

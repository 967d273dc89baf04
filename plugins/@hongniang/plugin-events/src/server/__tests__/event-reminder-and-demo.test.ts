// 明日活动 (eventTomorrow), swept by plugin-follow-ups with the other reminder kinds: on the agency's day before an event
// (Asia/Shanghai, the process in UTC), one reminder to each matchmaker whose members are invited and have not declined,
// written once. And the demo agency's events, seeded through the same rules.
import { MockServer } from '@nocobase/test';
import { addDays, instantAt, reminderClock } from '@hongniang/plugin-follow-ups';
import { seedDemoAgency } from '@hongniang/plugin-core';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import { workflowsIdle } from '@test/support/workflows';
import { AGENCY_ZONE as ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';

/** The agency's day today (real clock); the reminder clock is moved around it. */
const D = agencyToday();
const at = agencyTime;

describe('events: the reminder the day before, and the demo agency', () => {
  let app: MockServer;
  let root: any;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const realNow = reminderClock.now;

  appForSuite(async (booted) => {
    app = booted;
    root = await signInAsRoot(app);
    ({ users } = await signInStaff(app));
    await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: ZONE } });
  });
  afterEach(() => {
    reminderClock.now = realNow;
  });

  const sweeper = () => app.pm.get<any>('@hongniang/plugin-follow-ups').sweeper;
  /** A whole sweep at `now`, as the first one of the agency (no watermark). */
  const sweepAt = async (now: Date) => {
    await app.db.getModel('reminderSweeps').destroy({ where: {} });
    reminderClock.now = () => now;
    await sweeper().idle();
    await sweeper().sweepNow();
    await workflowsIdle(app);
  };
  const eventReminders = async () =>
    (await app.db.getRepository('reminders').find({ filter: { kind: 'eventTomorrow' }, sort: ['id'] })).map(
      (row: any) => row.toJSON(),
    );

  it('reminds each matchmaker of her invited members at 09:00 the agency’s day before, once', async () => {
    const tomorrow = addDays(D, 1);
    const event = await app.db.getRepository('events').create({
      values: { title: '茶艺沙龙', startsAt: at(tomorrow, 19), place: '门店', capacity: 10, status: 'open' },
    });
    const eventId = event.get('id');
    const invite = async (name: string, matchmakerId: number, rsvp: string) => {
      const memberId = await addMember(app, { name, gender: 'female', matchmakerId });
      await app.db.getRepository('eventInvitations').create({ values: { eventId, memberId, rsvp } });
    };
    await invite('李静会员一', users.lijing, 'attending');
    await invite('李静会员二', users.lijing, 'pending');
    // 王芳's only invited member declined: she hears nothing.
    await invite('王芳会员', users.wangfang, 'declined');
    await sweepAt(at(addDays(D, -1), 9, 1));
    expect(await eventReminders()).toEqual([]);
    await sweepAt(at(D, 8, 30));
    expect(await eventReminders()).toEqual([]);
    await sweepAt(at(D, 9, 1));
    const reminders = await eventReminders();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      key: `eventTomorrow:${eventId}:${users.lijing}:${tomorrow}`,
      recipientId: users.lijing,
      title: '明日活动：茶艺沙龙',
      status: 'open',
    });
    expect(reminders[0].body).toBe(
      '活动「茶艺沙龙」明天 19:00 开始，地点：门店。您有 2 位会员受邀（1 位已确认参加）：李静会员一、李静会员二。请提前提醒会员。',
    );
    expect(new Date(reminders[0].dueAt).toISOString()).toBe(instantAt(D, 9, ZONE).toISOString());
    await sweepAt(at(D, 15));
    expect(await eventReminders()).toHaveLength(1);
    // Delivered by its own seeded workflow, as the follow-ups' kinds are.
    const workflow = await app.db
      .getRepository('workflows')
      .findOne({ filter: { key: 'hongniang-reminder-eventTomorrow' } });
    expect([workflow?.get('enabled'), workflow?.get('type')]).toEqual([true, 'collection']);
  });

  it('seeds a coming salon with invitations and a past outing with a mutual pair, which 转为推荐 takes up', async () => {
    // An agency without events (the test above made one): the demo fills the events once (extendDemoAgency's once).
    for (const name of ['eventInterests', 'eventInvitations', 'events']) {
      await app.db.getModel(name).destroy({ where: {} });
    }
    const summaries = await seedDemoAgency(app, { members: 120, seed: 1 });
    const summary = summaries.find((line) => line.includes('events'));
    expect(summary).toMatch(/^2 events, \d+ invitations, 2 interests$/);
    const events = (
      await app.db.getRepository('events').find({ filter: { title: ['读书观影沙龙', '周末户外徒步'] } })
    ).map((row: any) => row.toJSON());
    expect(events).toHaveLength(2);
    const salon = events.find((row) => row.title === '读书观影沙龙');
    const outing = events.find((row) => row.title === '周末户外徒步');
    expect(new Date(salon.startsAt).getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);
    expect(outing.status).toBe('closed');
    expect(
      await app.db.getRepository('eventInvitations').count({ filter: { eventId: salon.id } }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await app.db.getRepository('eventInvitations').count({ filter: { eventId: outing.id, attended: true } }),
    ).toBe(2);
    const response = await root.post(`/events:suggestFromInterests?filterByTk=${outing.id}`).set('X-Locale', 'en-US');
    expect(response.status).toBe(200);
    const { created, skipped } = response.body.data;
    // The pair is taken up: suggested, or skipped with matching's reason (the demo members' own must-haves may exclude it).
    expect(created.length + skipped.length).toBe(1);
    if (skipped.length) expect(skipped[0].reason).not.toBe('');
  });

  it('seeded again, the demo adds members and keeps the events it made', async () => {
    const before = await app.db.getRepository('events').count();
    expect(before).toBeGreaterThan(0);
    const summaries = await seedDemoAgency(app, { members: 10, seed: 2 });
    expect(summaries).toContain('events kept (the agency has its events already)');
    expect(await app.db.getRepository('events').count()).toBe(before);
  });
});

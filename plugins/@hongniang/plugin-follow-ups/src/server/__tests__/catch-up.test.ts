// Nothing lost, nothing doubled: the app stopped across a reminder's due time delivers it at its next start, once and
// marked late (a SQLite file, stopped and started again); two catch-ups of the same moment deliver each reminder once;
// what changed after the morning's sweep is reminded at the next one. Delivery is the seeded workflow's in-app message.
import { MockServer } from '@nocobase/test';
import { reminderClock } from '@hongniang/plugin-follow-ups';
import { HONGNIANG_PLUGINS, appForSuite, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';
import { workflowsIdle } from '@test/support/workflows';
import { AGENCY_ZONE as ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';
import { sweep } from '../reminders/sweep';

const D = agencyToday();
const at = (hour: number, minutes = 0) => agencyTime(D, hour, minutes);

describe('reminders across a stop, and twice', () => {
  let app: MockServer;
  let as: Record<'lijing' | 'wangfang', any>;
  let users: Record<'lijing' | 'wangfang', number>;
  const realNow = reminderClock.now;

  appForSuite(
    async (booted) => {
      app = booted;
      ({ as, users } = await signInStaff(app, { lijing: 'matchmaker', wangfang: 'matchmaker' }));
      await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: ZONE } });
    },
    { ours: HONGNIANG_PLUGINS },
  );
  afterAll(() => {
    reminderClock.now = realNow;
  });

  const sweeper = () => app.pm.get<any>('@hongniang/plugin-follow-ups').sweeper;
  const sweepAt = async (now: Date) => {
    reminderClock.now = () => now;
    await sweeper().idle();
    await sweeper().sweepNow();
    await workflowsIdle(app);
  };
  const reminders = async (memberId: number) =>
    (await app.db.getRepository('reminders').find({ filter: { memberId }, sort: ['id'] })).map((row: any) =>
      row.toJSON(),
    );
  /** Her inbox, as the web client reads it, titles of the messages about `name`. */
  const inbox = async (agent: any, name: string) => {
    const response = await agent.get('/myInAppMessages:list').query({ pageSize: 200 });
    expect(response.status).toBe(200);
    return (response.body.data?.messages ?? response.body.data ?? [])
      .map((message: any) => message.title)
      .filter((title: string) => title.includes(name));
  };

  it('stopped before 09:00 and started at 10:30, the app delivers the morning’s reminder once, marked late', async () => {
    const id = await addMember(app, {
      ...SUITED.her,
      name: '停机会员',
      matchmakerId: users.lijing,
      nextFollowUpDate: D,
    });
    await sweepAt(at(8, 50));
    expect(await reminders(id)).toEqual([]);
    await app.stop();
    reminderClock.now = () => at(10, 30);
    await app.start();
    await sweeper().idle();
    await workflowsIdle(app);
    const [reminder, ...more] = await reminders(id);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ kind: 'followUpDue', late: true, recipientId: users.lijing });
    expect(reminder.body).toContain('补发');
    expect(await inbox(as.lijing, '停机会员')).toEqual(['回访到期：停机会员（' + reminder.title.split('（')[1]]);
    // Started again (later the same day): nothing new, nothing twice.
    await app.stop();
    reminderClock.now = () => at(11);
    await app.start();
    await sweeper().idle();
    await workflowsIdle(app);
    expect(await reminders(id)).toHaveLength(1);
    expect(await inbox(as.lijing, '停机会员')).toHaveLength(1);
    expect(await inbox(as.wangfang, '停机会员')).toEqual([]);
  });

  it('two catch-ups of the same moment side by side deliver each reminder once', async () => {
    const id = await addMember(app, {
      ...SUITED.her,
      name: '双重补发',
      matchmakerId: users.lijing,
      nextFollowUpDate: D,
    });
    await app.db.getModel('reminderSweeps').update({ sweptDay: null }, { where: {} });
    reminderClock.now = () => at(12);
    const { settle } = sweeper();
    await Promise.all([sweep(app.db, { now: at(12), settle }), sweep(app.db, { now: at(12), settle })]);
    // On SQLite two writers side by side can leave the execution queued (SQLITE_BUSY) until NocoBase's periodic
    // check: run that check now. It sends what is queued; it never sends a reminder's message again.
    await app.pm.get<any>('@nocobase/plugin-workflow').dispatcher.recover();
    await workflowsIdle(app);
    expect(await reminders(id)).toHaveLength(1);
    expect(await inbox(as.lijing, '双重补发')).toHaveLength(1);
  });

  it('a next follow-up set to today after the morning’s sweep is reminded at the next sweep, not tomorrow', async () => {
    await sweepAt(at(9, 1));
    const id = await addMember(app, { ...SUITED.her, name: '午后设定', matchmakerId: users.lijing });
    await sweepAt(at(14));
    expect(await reminders(id)).toEqual([]);
    await app.db.getRepository('members').update({ filterByTk: id, values: { nextFollowUpDate: D } });
    await sweepAt(at(14, 1));
    expect((await reminders(id)).map((row) => [row.kind, row.late])).toEqual([['followUpDue', false]]);
  });
});

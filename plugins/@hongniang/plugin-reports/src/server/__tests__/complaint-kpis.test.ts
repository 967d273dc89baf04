// Complaints in the KPIs (issue 17 item 4), with plugin-contracts beside the reports, over HTTP with the ACL on:
// complaints about a matchmaker's members received in a month (`receivedAt`, the agency's month: Asia/Shanghai while
// the database runs in UTC), and those whose answer was due on a day of the month and came after that day's agency
// midnight or not at all (`dueOn`: 3 working days after receipt, computed by plugin-contracts). Each figure against a
// count by hand below; without plugin-contracts the figures are 0 (the other report suites boot without it).
import { MockServer } from '@nocobase/test';
import { addDays } from '@hongniang/plugin-follow-ups';
import { appForSuite, pluginsForSuite, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';
import { AGENCY_ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';
import { addMonths, monthBounds } from '../kpis/months';

const C = agencyToday().slice(0, 7);
const M2 = addMonths(C, -1);
const M1 = addMonths(C, -2);
const day = (month: string, date: number) => `${month}-${String(date).padStart(2, '0')}`;

describe('complaints in 红娘绩效 and 机构月度经营', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const keeper = () => (app.pm.get('@hongniang/plugin-reports') as any).keeper;

  /** A complaint recorded as the manager records one; answered at `answeredAt` (backdated, as the past happened). */
  async function complaint(memberId: number, receivedAt: Date, answeredAt?: (dueOn: string) => Date) {
    const response = await as.manager
      .post('/complaints:create')
      .send({ memberId, category: 'attitude', content: '回访不及时', channel: 'phone', receivedAt });
    expect(response.status).toBe(200);
    const { id, dueOn } = response.body.data;
    if (answeredAt)
      await app.db
        .getModel('complaints')
        .update(
          { status: 'answered', resolution: '已致歉并调整回访安排', answeredAt: answeredAt(dueOn) },
          { where: { id }, hooks: false },
        );
    return dueOn as string;
  }

  const dues: Record<string, string> = {};
  appForSuite(
    async (booted) => {
      app = booted;
      await keeper().idle();
      ({ as, users } = await signInStaff(app));
      await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: AGENCY_ZONE } });
      const hers = await addMember(app, {
        ...SUITED.her,
        name: 'L1',
        matchmakerId: users.lijing,
        joinDate: day(M1, 1),
      });
      const wangfangs = await addMember(app, {
        ...SUITED.him,
        name: 'W1',
        matchmakerId: users.wangfang,
        joinDate: day(M1, 1),
      });
      const onTime = (dueOn: string) => agencyTime(dueOn, 23, 50);
      const dayLate = (dueOn: string) => agencyTime(addDays(dueOn, 1), 0, 10);
      // (Joined on M1's first day: the months closed start at the agency's first activity.)
      // 李静's member: C1 answered on its due day; C2 ten minutes into the day after; C3 never (due in M1); C4 received
      // on M1's last day, due in M2, never answered; C5 received in the first half hour of M2's first agency day (a UTC
      // day of M1), answered on time. 王芳's member: C6 in M1, answered on time.
      dues.C1 = await complaint(hers, agencyTime(day(M1, 5), 10), onTime);
      dues.C2 = await complaint(hers, agencyTime(day(M1, 10), 10), dayLate);
      dues.C3 = await complaint(hers, agencyTime(day(M1, 6), 10));
      dues.C4 = await complaint(hers, agencyTime(monthBounds(M1, AGENCY_ZONE).lastDay, 10));
      dues.C5 = await complaint(hers, agencyTime(day(M2, 1), 0, 10), onTime);
      dues.C6 = await complaint(wangfangs, agencyTime(day(M1, 12), 10), onTime);
      // This month: received today, not due yet.
      await complaint(hers, new Date());
      await keeper().closePastMonths();
    },
    // This folder's plugins and plugin-contracts with what it needs.
    { ours: [...pluginsForSuite(), ...pluginsForSuite('plugins/@hongniang/plugin-contracts/')] },
  );

  const list = async (collection: string, month: string) => {
    const response = await as.manager.resource(collection).list({ filter: { month }, pageSize: 100 });
    expect(response.status).toBe(200);
    return response.body.data as any[];
  };
  const figures = (row: any) => ({ complaintsReceived: row?.complaintsReceived, complaintsLate: row?.complaintsLate });
  const matchmaker = async (month: string, id: number) =>
    figures((await list('matchmakerMonths', month)).find((row) => row.matchmakerId === id));

  it('has the due days the cases need (C1–C3 and C6 in M1, C4 and C5 in M2)', () => {
    for (const name of ['C1', 'C2', 'C3', 'C6']) expect(dues[name].slice(0, 7)).toBe(M1);
    for (const name of ['C4', 'C5']) expect(dues[name].slice(0, 7)).toBe(M2);
  });

  it('counts each matchmaker’s complaints received and answered late, by the agency’s months', async () => {
    expect(await matchmaker(M1, users.lijing)).toEqual({
      complaintsReceived: 4, // C1, C2, C3, C4 (C5 is M2's by the agency's clock)
      complaintsLate: 2, // C2 (ten minutes after its day), C3 (never); C4 is due in M2
    });
    expect(await matchmaker(M2, users.lijing)).toEqual({
      complaintsReceived: 1, // C5
      complaintsLate: 1, // C4 (never answered); C5 on time
    });
    expect(await matchmaker(M1, users.wangfang)).toEqual({ complaintsReceived: 1, complaintsLate: 0 });
    // The live month: today's complaint received, not late before its due day is over.
    expect(await matchmaker(C, users.lijing)).toEqual({ complaintsReceived: 1, complaintsLate: 0 });
  });

  it('counts the agency’s complaints whoever the matchmaker', async () => {
    const [m1] = await list('agencyMonths', M1);
    expect(figures(m1)).toEqual({ complaintsReceived: 5, complaintsLate: 2 });
    const [m2] = await list('agencyMonths', M2);
    expect(figures(m2)).toEqual({ complaintsReceived: 1, complaintsLate: 1 });
  });
});

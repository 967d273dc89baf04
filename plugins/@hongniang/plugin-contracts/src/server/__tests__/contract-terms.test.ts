// A contract's status follows its dates (keepers/contract-terms.ts): 冷静期 → 生效 the day after the cooling-off
// period's last day, 冷静期/生效 → 已完成 the day after the end date, in the agency's time zone; the member's tier and
// expiry follow through the ordinary update; other statuses are left as they are.
import { MockServer } from '@nocobase/test';
import { addDays, dayOf } from '@hongniang/plugin-follow-ups';
import { appForSuite, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import { statusOnDay } from '../keepers/contract-terms';

const ZONE = 'Asia/Shanghai';

describe('contract statuses that follow the dates', () => {
  it('decides from the cooling-off period and the end date, both days included', () => {
    const signed = { startDate: '2026-01-01', endDate: '2026-12-31', signedDate: '2026-01-01', coolingOffDays: 7 };
    // The cooling-off period runs to the 8th: in force from the 9th.
    expect(statusOnDay({ ...signed, status: 'coolingOff' }, '2026-01-08')).toBeUndefined();
    expect(statusOnDay({ ...signed, status: 'coolingOff' }, '2026-01-09')).toBe('active');
    // Unsigned: counted from the start date.
    expect(
      statusOnDay({ ...signed, signedDate: null, startDate: '2026-01-05', status: 'coolingOff' }, '2026-01-12'),
    ).toBe(undefined);
    expect(statusOnDay({ ...signed, status: 'active' }, '2026-12-31')).toBeUndefined();
    expect(statusOnDay({ ...signed, status: 'active' }, '2027-01-01')).toBe('completed');
    // Past its end still in the cooling-off status: completed, not active.
    expect(statusOnDay({ ...signed, status: 'coolingOff' }, '2027-01-01')).toBe('completed');
    for (const status of ['pending', 'terminated', 'refunded', 'completed'])
      expect(statusOnDay({ ...signed, status }, '2027-06-01')).toBeUndefined();
  });

  describe('on the agency’s records', () => {
    let app: MockServer;
    let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
    let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
    const contract = async (id: number) =>
      (await app.db.getRepository('contracts').findOne({ filterByTk: id })).toJSON();
    const member = async (id: number) => (await app.db.getRepository('members').findOne({ filterByTk: id })).toJSON();

    appForSuite(async (booted) => {
      app = booted;
      ({ as, users } = await signInStaff(app));
      await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: ZONE } });
    });

    it('moves contracts in force as their days pass, and the member follows', async () => {
      const today = dayOf(new Date(), ZONE);
      const day = (offset: number) => addDays(today, offset);
      const create = async (memberId: number, values: Record<string, unknown>) => {
        const response = await as.manager.post('/contracts:create').send({
          memberId,
          package: 'gold',
          price: 9000,
          promisedIntroductions: 6,
          coolingOffDays: 7,
          ...values,
        });
        expect(response.status).toBe(200);
        return response.body.data.id as number;
      };
      const her = await addMember(app, { name: '冯佳', gender: 'female', matchmakerId: users.lijing });
      const his = await addMember(app, { name: '卫东', gender: 'male', matchmakerId: users.wangfang });
      // Signed 8 days ago with 7 cooling-off days: its last day was yesterday.
      const pastCoolingOff = await create(her, {
        status: 'coolingOff',
        signedDate: day(-8),
        startDate: day(-8),
        endDate: day(357),
      });
      // Signed 7 days ago: today is its last cooling-off day.
      const lastCoolingOffDay = await create(his, {
        status: 'coolingOff',
        signedDate: day(-7),
        startDate: day(-7),
        endDate: day(358),
      });
      // His earlier year ended yesterday; a terminated one long past stays terminated.
      const endedYesterday = await create(his, {
        status: 'active',
        package: 'vip',
        signedDate: day(-366),
        startDate: day(-365),
        endDate: day(-1),
      });
      const terminated = await create(her, {
        status: 'terminated',
        signedDate: day(-400),
        startDate: day(-400),
        endDate: day(-40),
        endedOn: day(-200),
      });

      const plugin = app.pm.get('@hongniang/plugin-contracts') as any;
      await plugin.terms.pass();
      expect((await contract(pastCoolingOff)).status).toBe('active');
      expect((await contract(lastCoolingOffDay)).status).toBe('coolingOff');
      expect((await contract(endedYesterday)).status).toBe('completed');
      expect((await contract(terminated)).status).toBe('terminated');
      // His tier and expiry are the contract in force (the one still in its cooling-off period), not the ended year.
      expect(await member(his)).toMatchObject({ tier: 'gold', expiryDate: day(358) });
      expect(await member(her)).toMatchObject({ tier: 'gold', expiryDate: day(357) });

      // A second pass moves nothing more.
      const before = await app.db.getRepository('contracts').find({ sort: ['id'] });
      await plugin.terms.pass();
      const after = await app.db.getRepository('contracts').find({ sort: ['id'] });
      expect(after.map((row: any) => [row.id, row.get('status'), String(row.get('updatedAt'))])).toEqual(
        before.map((row: any) => [row.id, row.get('status'), String(row.get('updatedAt'))]),
      );
    });
  });
});

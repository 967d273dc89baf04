// The pages 合同与收款 and 投诉与建议 are created at installation (flowSurfaces accepts their blueprints), the member popup
// carries 购买记录, the roles get their menus (财务 her one page); and the demo agency's contracts, payments and complaints
// are seeded through the rules, their balances kept by the payments.
import { MockServer } from '@nocobase/test';
import { seedDemoAgency } from '@hongniang/plugin-core';
import { appForSuite } from '@test/support/app';

describe('the contracts pages and demo agency', () => {
  let app: MockServer;

  appForSuite(
    async (booted) => {
      app = booted;
    },
    { pages: true, timeout: 600_000 },
  );

  const pageOf = async (blueprint: string) =>
    (await app.db.getRepository('seededPages').findOne({ filter: { blueprint } }))?.get('routeId');

  it('creates both pages and the 购买记录 block in the member popup', async () => {
    const contracts = await pageOf('contracts-1-contracts');
    const complaints = await pageOf('contracts-2-complaints');
    expect(contracts).toBeTruthy();
    expect(complaints).toBeTruthy();
    const tabs = await app.db
      .getRepository('desktopRoutes')
      .find({ filter: { parentId: Number(contracts) }, sort: ['sort'] });
    expect(tabs.map((tab: any) => tab.get('title'))).toEqual(['服务合同', '收款记录']);
    const models = await app.db.getModel('flowModels').findAll({ attributes: ['options'], raw: true });
    const text = models.map((model: any) => JSON.stringify(model.options)).join('\n');
    expect(text).toContain('contracts:ledger');
    expect(text).toContain('购买记录');
  });

  it('gives 红娘 both pages and 财务 合同与收款 only', async () => {
    const [contracts, complaints] = [await pageOf('contracts-1-contracts'), await pageOf('contracts-2-complaints')];
    const menus = async (role: string) =>
      (await (app.db.getRepository('roles.desktopRoutes', role) as any).find()).map((route: any) =>
        String(route.get('id')),
      );
    expect(await menus('matchmaker')).toEqual(expect.arrayContaining([String(contracts), String(complaints)]));
    const finance = await menus('finance');
    expect(finance).toContain(String(contracts));
    expect(finance).not.toContain(String(complaints));
  });

  it('seeds contracts with payments, a terminated one with its refund, and complaints answered, in progress and overdue', async () => {
    const summaries = await seedDemoAgency(app, { members: 60, seed: 1 });
    const summary = summaries.find((line) => line.includes('contracts'));
    expect(summary).toMatch(/^\d+ contracts, \d+ payments, \d+ complaints$/);
    const contracts = (await app.db.getRepository('contracts').find({ appends: ['payments'] })).map((row: any) =>
      row.toJSON(),
    );
    expect(contracts.length).toBeGreaterThan(0);
    for (const contract of contracts) {
      const paid = contract.payments.reduce((sum: number, payment: any) => sum + Number(payment.amount), 0);
      expect(Number(contract.paidAmount)).toBeCloseTo(paid, 2);
      expect(Number(contract.balanceDue)).toBeCloseTo(Number(contract.price) - paid, 2);
    }
    expect(
      contracts.some((row) => row.status === 'terminated' && row.payments.some((p: any) => p.kind === 'refund')),
    ).toBe(true);
    const statuses = (await app.db.getRepository('complaints').find()).map((row: any) => row.get('status'));
    expect(statuses).toEqual(expect.arrayContaining(['answered', 'open', 'inProgress']));
    // Each member with a contract in force has its tier and expiry.
    const active = contracts.find((row) => row.status === 'active');
    const member = await app.db.getRepository('members').findOne({ filterByTk: active.memberId });
    expect(member.get('tier')).toBe(active.package);
  });
});

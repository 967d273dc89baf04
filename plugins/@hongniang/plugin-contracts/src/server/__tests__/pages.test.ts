// The pages 合同与收款 and 投诉与建议 are created at installation (flowSurfaces accepts their blueprints), the member popup
// carries 购买记录, and the roles get their menus (财务 her one page).
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';

describe('the contracts pages', () => {
  let app: MockServer;

  appForSuite(
    async (booted) => {
      app = booted;
    },
    { pages: true, timeout: 1_200_000 },
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
});

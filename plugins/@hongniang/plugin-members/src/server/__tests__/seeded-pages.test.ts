import { MockServer } from '@nocobase/test';
import { createHongniangApp, rootUser, signInAs } from '@test/support/app';

describe('the 会员管理 pages seeded from blueprints', () => {
  let app: MockServer;
  let admin: any;

  beforeAll(async () => {
    app = await createHongniangApp({ pages: true });
    admin = await signInAs(app, await rootUser(app), 'root');
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const routes = async (filter: Record<string, any>) =>
    (await admin.resource('desktopRoutes').list({ filter, sort: ['sort'], paginate: false })).body.data as any[];

  it('creates the 会员管理 menu with the member list and age-band settings pages at installation', async () => {
    const [group] = await routes({ type: 'group', title: '会员管理' });
    expect(group).toBeDefined();
    const pages = await routes({ parentId: group.id });
    expect(pages.map((page) => [page.type, page.title])).toEqual([
      ['flowPage', '会员列表'],
      ['flowPage', '年龄段设置'],
    ]);
  });

  it('gives the page a filter form and a members table wired to the members collection', async () => {
    const [page] = await routes({ type: 'flowPage', title: '会员列表' });
    const { status, body } = await admin.get('/flowSurfaces:get').query({ pageSchemaUid: page.schemaUid });
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    expect(text).toContain('"collectionName":"members"');
    for (const use of ['FilterFormBlockModel', 'TableBlockModel', 'AddNewActionModel', 'EditActionModel', 'DetailsBlockModel', 'ImportActionModel', 'ExportActionModel']) {
      expect(text).toContain(use);
    }
    const filters = body.data.tree.subModels.tabs[0].subModels.grid.filterManager.map((filter: any) => filter.filterPaths[0]);
    expect(filters).toEqual(['name', 'memberNo', 'gender', 'ageGroup', 'status', 'tier', 'currentCity.code', 'matchmaker.id']);
    expect(text).toContain('"fieldPath":"partnerPreferences.ageImportance"');
  });

  it('neither duplicates the menu nor undoes an admin rename on upgrade', async () => {
    const [page] = await routes({ type: 'flowPage', title: '会员列表' });
    const renamed = await admin.resource('desktopRoutes').update({ filterByTk: page.id, values: { title: '我的会员' } });
    expect(renamed.status).toBe(200);
    // What `npm start` runs on an existing database: the upgrade, whose afterUpgrade event re-applies blueprints.
    await app.emitAsync('afterUpgrade', app, {});
    expect(await routes({ type: 'group', title: '会员管理' })).toHaveLength(1);
    expect(await routes({ type: 'flowPage', title: '会员列表' })).toHaveLength(0);
    expect(await routes({ type: 'flowPage', title: '我的会员' })).toHaveLength(1);
  });
});

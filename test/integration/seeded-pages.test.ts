import { MockServer } from '@nocobase/test';
import { createHongniangApp, rootUser, signInAs } from '@test/support/app';
import OfferMatchingWhereAllowed from '../../plugins/@hongniang/plugin-matching/src/server/migrations/20261202000000-offer-matching-where-allowed';

// Seeding every plugin's pages takes a minute or more on two cores: one app for all of them.
describe('the pages seeded from blueprints (会员管理, 匹配推荐)', () => {
  let app: MockServer;
  let admin: any;

  beforeAll(async () => {
    app = await createHongniangApp({ pages: true });
    admin = await signInAs(app, await rootUser(app), 'root');
  }, 1_200_000);

  afterAll(async () => {
    await app?.destroy();
  });

  const routes = async (filter: Record<string, any>) =>
    (await admin.resource('desktopRoutes').list({ filter, sort: ['sort'], paginate: false })).body.data as any[];

  const pageTree = async (title: string) => {
    const [page] = await routes({ type: 'flowPage', title });
    const { status, body } = await admin.get('/flowSurfaces:get').query({ pageSchemaUid: page.schemaUid });
    expect(status).toBe(200);
    return JSON.stringify(body);
  };

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

  it('applies every blueprint: the member page (with matching in it), 推荐记录 and 匹配设置', async () => {
    const seeded = await app.db.getRepository('seededPages').find({ sort: ['blueprint'] });
    expect(seeded.map((row: any) => row.get('blueprint'))).toEqual(['1-member-list', '2-age-group-bands', 'access-1-field-privacy', 'matching-1-suggestions', 'matching-2-settings']);
    const [group] = await routes({ type: 'group', title: '匹配推荐' });
    expect((await routes({ parentId: group.id })).map((page) => page.title)).toEqual(['推荐记录', '匹配设置']);
  });

  it('gives each agency role its menus: the matchmaker 会员列表 and 推荐记录, the front desk 会员列表, the manager every page', async () => {
    const titlesOf = async (role: string) =>
      (await app.db.getRepository('roles.desktopRoutes', role).find({ filter: { type: 'flowPage' } })).map((route: any) => route.get('title')).sort();
    expect(await titlesOf('matchmaker')).toEqual(['会员列表', '推荐记录'].sort());
    expect(await titlesOf('intake')).toEqual(['会员列表']);
    expect(await titlesOf('manager')).toEqual(['会员列表', '年龄段设置', '字段隐私', '推荐记录', '匹配设置'].sort());
    const [privacy] = await routes({ type: 'flowPage', title: '字段隐私' });
    expect(await pageTree('字段隐私')).toContain('"collectionName":"fieldPrivacy"');
    expect(privacy).toBeDefined();
  });

  it("puts 找对象 and the member's suggestions into the member popup of 会员列表", async () => {
    const text = await pageTree('会员列表');
    expect(text).toContain('JSRecordActionModel');
    expect(text).toContain('找对象');
    expect(text).toContain("url: 'members:match'");
    expect(text).toContain('"fieldPath":"partnerPreferences.personalityWeight"');
    const associations = [...text.matchAll(/"associationName":"([^"]+)"/g)].map((found) => found[1]);
    expect(associations).toContain('members.matchSuggestions');
  });

  it('lists suggestions with a batch-run button, and edits the one settings record', async () => {
    const suggestions = await pageTree('推荐记录');
    expect(suggestions).toContain('"collectionName":"matchSuggestions"');
    expect(suggestions).toContain('matchSuggestions:refreshAll');
    const settings = await pageTree('匹配设置');
    expect(settings).toContain('EditFormModel');
    expect(settings).toContain('"collectionName":"matchSettings"');
    expect(settings).toContain('"fieldPath":"personalityWeight"');
  });

  /** Matching's JS button as stored, known by the first line of its code. */
  const jsButton = async (codeStartsWith: string) => {
    const repository: any = app.db.getRepository('flowModels');
    for (const row of await app.db.getModel('flowModels').findAll({ attributes: ['uid'], raw: true })) {
      const model = await repository.findModelById((row as any).uid);
      if (String(model?.stepParams?.clickSettings?.runJs?.code || '').startsWith(codeStartsWith)) return model;
    }
    throw new Error(`no JS button whose code starts with ${codeStartsWith}`);
  };
  const rulesOf = (model: any) => (model.stepParams?.buttonSettings?.linkageRules?.value || []).map((rule: any) => JSON.stringify(rule));
  const iconOf = (model: any) => model.stepParams?.buttonSettings?.general?.icon ?? model.props?.icon;

  it('hides 找对象 and 批量匹配 from roles the server refuses (linkage rules), with icons instead of the JS glyph', async () => {
    const findMatches = await jsButton('// 找对象 / Find matches');
    const [shown] = rulesOf(findMatches);
    for (const part of ['ctx.role', '"manager"', '"root"', 'ctx.record.matchmaker.id', 'ctx.user.id', 'hidden']) expect(shown).toContain(part);
    expect(iconOf(findMatches)).toBe('HeartOutlined');
    const refreshAll = await jsButton('// 批量匹配');
    const [batch] = rulesOf(refreshAll);
    expect(batch).toContain('"manager"');
    expect(batch).not.toContain('matchmaker');
    expect(iconOf(refreshAll)).toBe('ThunderboltOutlined');
  });

  it('gives an agency installed before them the same rules and icons (migration), keeping what an admin set herself', async () => {
    const repository: any = app.db.getRepository('flowModels');
    const seeded = await jsButton('// 找对象 / Find matches');
    const rules = rulesOf(seeded);
    // As installed before: no linkage rules, NocoBase's JS icon.
    for (const codeStartsWith of ['// 找对象 / Find matches', '// 批量匹配']) {
      const model = await jsButton(codeStartsWith);
      model.stepParams.buttonSettings.linkageRules = { value: [] };
      model.stepParams.buttonSettings.general = { ...model.stepParams.buttonSettings.general, icon: 'JavaScriptOutlined' };
      model.props = { ...model.props, icon: 'JavaScriptOutlined' };
      await repository.upsertModel(model);
    }
    await new OfferMatchingWhereAllowed({ app, db: app.db } as any).up();
    const findMatches = await jsButton('// 找对象 / Find matches');
    expect(rulesOf(findMatches)).toEqual(rules);
    expect(iconOf(findMatches)).toBe('HeartOutlined');
    const refreshAll = await jsButton('// 批量匹配');
    expect(rulesOf(refreshAll)).toHaveLength(1);
    expect(iconOf(refreshAll)).toBe('ThunderboltOutlined');
    // An admin's own choice stays.
    refreshAll.stepParams.buttonSettings.general.icon = 'RocketOutlined';
    refreshAll.props = { ...refreshAll.props, icon: 'RocketOutlined' };
    await repository.upsertModel(refreshAll);
    await new OfferMatchingWhereAllowed({ app, db: app.db } as any).up();
    const again = await jsButton('// 批量匹配');
    expect(iconOf(again)).toBe('RocketOutlined');
    expect(rulesOf(again)).toHaveLength(1);
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

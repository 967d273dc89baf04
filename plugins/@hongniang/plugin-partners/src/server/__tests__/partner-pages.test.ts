// The 合作机构 page (src/blueprints) is created at installation with its four tabs, 红娘 and 前台 get it in their menus,
// and the member pages are still accepted now that members carry 合作机构 (flowSurfaces refuses a page whose member
// popups leave a member field out of their groups): it follows 来源渠道 in every one of them.
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';

describe('the 合作机构 page', () => {
  let app: MockServer;

  appForSuite(
    async (booted) => {
      app = booted;
    },
    { pages: true, timeout: 1_200_000 },
  );

  const seeded = async () =>
    (await app.db.getRepository('seededPages').find()).map((page: any) => page.get('blueprint') as string);

  it('is created with the member pages, which now group 合作机构 after 来源渠道', async () => {
    expect(await seeded()).toEqual(expect.arrayContaining(['partners-1-organisations', '1-member-list']));
    const models = await app.db.getModel('flowModels').findAll({ attributes: ['options'], raw: true });
    // A flow model's options are stored as JSON text on some databases, as an object on others.
    const fieldPaths = models.map((model: any) => {
      const options = typeof model.options === 'string' ? JSON.parse(model.options) : model.options;
      return options?.stepParams?.fieldSettings?.init;
    });
    expect(fieldPaths).toContainEqual(
      expect.objectContaining({ collectionName: 'members', fieldPath: 'partnerOrganisation' }),
    );
  });

  it('has its tabs: all organisations, by industry, by size, by relationship', async () => {
    const page = await app.db
      .getRepository('seededPages')
      .findOne({ filter: { blueprint: 'partners-1-organisations' } });
    const tabs = await app.db
      .getRepository('desktopRoutes')
      .find({ filter: { parentId: Number(page.get('routeId')) }, sort: ['sort'] });
    expect(tabs.map((tab: any) => tab.get('title'))).toEqual(['全部机构', '按行业', '按规模', '按合作关系']);
  });

  it('is in the menus of 红娘 and 前台', async () => {
    const page = await app.db
      .getRepository('seededPages')
      .findOne({ filter: { blueprint: 'partners-1-organisations' } });
    for (const role of ['matchmaker', 'intake']) {
      const routes = await (app.db.getRepository('roles.desktopRoutes', role) as any).find();
      expect([role, routes.map((route: any) => String(route.get('id')))]).toEqual([
        role,
        expect.arrayContaining([page.get('routeId')]),
      ]);
    }
  });
});

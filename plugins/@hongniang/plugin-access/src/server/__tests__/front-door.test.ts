import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, startupWorkDone } from '@test/support/app';
import { grantMenus } from '../agency/apply-roles';

/** The access plugin's registry of declarations (what each plugin grants each agency role). */
const registryOf = (app: MockServer) => (app.pm.get('@hongniang/plugin-access') as any).registry;

/** What the sign-in page reads before anyone signs in: the app's title and logo, and whether 注册账号 is offered. */
async function frontDoor(app: MockServer) {
  const visitor = app.agent();
  const settings = (await visitor.get('/systemSettings:get')).body.data;
  const basic = (await visitor.get('/authenticators:publicList')).body.data.find(
    (authenticator: any) => authenticator.name === 'basic',
  );
  return { title: settings.title, logo: settings.logo?.title, signUp: Boolean(basic?.options?.allowSignUp) };
}

/** What `npm start` runs on an existing database (nocobase start --quickstart): an upgrade without the afterUpgrade event. */
const restartWithNpmStart = async (app: MockServer) => {
  await app.upgrade({ quickstart: true } as any);
  // The work our plugins start with the app (the reminders' first sweep) is done before the test writes again.
  await startupWorkDone(app);
};

describe('the front door: the sign-in page of a new agency', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  it('says 红娘 in its title and logo, and offers no self sign-up', async () => {
    expect(await frontDoor(app)).toEqual({ title: '红娘', logo: 'hongniang-logo', signUp: false });
  });

  it('refuses a sign-up sent anyway', async () => {
    const response = await app
      .agent()
      .post('/auth:signUp')
      .set('X-Authenticator', 'basic')
      .send({ username: 'stranger', password: 'Str4nger-pass', confirm_password: 'Str4nger-pass' });
    expect(response.status).toBe(403);
    expect(await app.db.getRepository('users').count({ filter: { username: 'stranger' } })).toBe(0);
  });

  it('keeps what an admin changes afterwards, restart after restart', async () => {
    expect(await frontDoor(app)).toMatchObject({ title: '红娘', signUp: false });
    const admin = await signInAsRoot(app);
    const basic = await app.db.getRepository('authenticators').findOne({ filter: { name: 'basic' } });
    const reopened = await admin.resource('authenticators').update({
      filterByTk: basic.get('id'),
      // As the authenticator settings form sends it: the whole record, sign-up switched back on.
      values: {
        ...basic.toJSON(),
        options: { ...basic.get('options'), public: { ...basic.get('options').public, allowSignUp: true } },
      },
    });
    expect(reopened.status).toBe(200);
    const renamed = await admin.post('/systemSettings:put').send({ raw_title: '鹊桥婚介' });
    expect(renamed.status).toBe(200);
    await restartWithNpmStart(app);
    expect(await frontDoor(app)).toMatchObject({ title: '鹊桥婚介', signUp: true });
  });

  it('closes sign-up and names the app 红娘 once in an agency installed before, at its next npm start', async () => {
    // An installation from before: sign-up open, NocoBase's title, no record of our defaults.
    await app.db.getRepository('appliedDefaults').destroy({ filter: { name: { $ne: null } } });
    const basic = await app.db.getRepository('authenticators').findOne({ filter: { name: 'basic' } });
    await app.db
      .getRepository('authenticators')
      .update({ filterByTk: basic.get('id'), values: { options: { public: { allowSignUp: true } } } });
    await app.db.getRepository('systemSettings').update({ filterByTk: 1, values: { title: 'NocoBase' } });
    await app.db
      .getModel('migrations')
      .destroy({ where: { name: '20261201000000-front-door-defaults/@hongniang/plugin-access' } });
    await restartWithNpmStart(app);
    expect(await frontDoor(app)).toEqual({ title: '红娘', logo: 'hongniang-logo', signUp: false });
  });

  describe('what a feature added since reaches an agency installed before it', () => {
    const resources = () => app.db.getRepository('dataSourcesRolesResources');
    const matchmakerResource = (name: string) =>
      resources().findOne({ filter: { roleName: 'matchmaker', name, dataSourceKey: 'main' }, appends: ['actions'] });

    it('gives each agency role the collections it lacks once, at npm start, and never again what an admin removed', async () => {
      // An agency from before dates existed: its 红娘 has no grant on them, and no record of one.
      await (await matchmakerResource('dates')).destroy();
      await app.db.getRepository('appliedDefaults').destroy({ filter: { name: { $like: 'grant:%' } } });
      const managerBefore = await resources().count({ filter: { roleName: 'manager' } });
      await restartWithNpmStart(app);
      const granted = await matchmakerResource('dates');
      expect(granted).toBeTruthy();
      expect(
        granted
          .get('actions')
          .map((action: any) => [action.name, Boolean(action.scopeId)])
          .sort(),
      ).toEqual([
        ['create', false],
        ['update', true],
        ['view', true],
      ]);
      // Nothing else was added to a role that had its grants (the manager works through her strategy).
      expect(await resources().count({ filter: { roleName: 'manager' } })).toBe(managerBefore);
      // An admin takes it away in the Roles page: the next start leaves it so.
      await granted.destroy();
      await restartWithNpmStart(app);
      expect(await matchmakerResource('dates')).toBeNull();
    });

    it('adds a page a feature declares later to a role that has menus, with its group and tabs, once', async () => {
      const routes = app.db.getRepository('desktopRoutes');
      const group = await routes.create({ values: { type: 'group', title: '牵线管理' } });
      const page = await routes.create({ values: { type: 'flowPage', title: '约会日历', parentId: group.get('id') } });
      const tab = await routes.create({ values: { type: 'tabs', parentId: page.get('id') } });
      const other = await routes.create({ values: { type: 'flowPage', title: '会员列表' } });
      await app.db
        .getRepository('seededPages')
        .create({ values: { blueprint: 'introductions-2-calendar', routeId: String(page.get('id')) } });
      const menus = app.db.getRepository('roles.desktopRoutes', 'matchmaker') as any;
      // Her menus as an admin left them in an agency installed before 约会日历.
      await menus.set([other.get('id')]);
      await app.db.getRepository('appliedDefaults').destroy({ filter: { name: { $like: 'menu:%' } } });
      await grantMenus(app.db, registryOf(app));
      const ids = async () => (await menus.find()).map((route: any) => route.get('id')).sort();
      expect(await ids()).toEqual([group.get('id'), page.get('id'), tab.get('id'), other.get('id')].sort());
      await menus.remove([page.get('id'), tab.get('id')]);
      await grantMenus(app.db, registryOf(app));
      expect(await ids()).toEqual([group.get('id'), other.get('id')].sort());
    });
  });
});

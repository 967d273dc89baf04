import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';

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
const restartWithNpmStart = (app: MockServer) => app.upgrade({ quickstart: true } as any);

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
});

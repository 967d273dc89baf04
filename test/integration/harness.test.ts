import { MockServer } from '@nocobase/test';
import { appForSuite, createUser, signInAs, signInAsRoot } from '@test/support/app';

describe('the test harness boots real NocoBase on the database asked for', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  it('talks to the dialect and database chosen by npm test / test:postgres / test:mariadb', async () => {
    const dialect = process.env.DB_DIALECT;
    expect(app.db.sequelize.getDialect()).toBe(dialect);
    if (dialect !== 'sqlite') {
      const [rows] = await app.db.sequelize.query(
        dialect === 'postgres' ? 'SELECT current_database() AS name' : 'SELECT DATABASE() AS name',
      );
      expect((rows as any[])[0].name).toBe(`${process.env.HONGNIANG_TEST_DATABASE}_${process.env.JEST_WORKER_ID}`);
    }
  });

  it('signs in as a user in a given role, and that role is what the ACL checks', async () => {
    const admin = await signInAsRoot(app);
    expect((await admin.resource('roles').list()).status).toBe(200);

    const member = await createUser(app, { nickname: 'Plain Member', roles: ['member'] });
    const plain = await signInAs(app, member, 'member');
    expect((await plain.resource('auth').check()).body.data.id).toBe(member.id);
    expect((await plain.resource('roles').create({ values: { name: 'intruder' } })).status).toBe(403);
  });
});

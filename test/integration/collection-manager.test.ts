import { MockServer } from '@nocobase/test';
import { appForSuite, createUser, signInAs, signInAsRoot, startupWorkDone } from '@test/support/app';

/** The collections the web client knows: only those in the collection manager (collections:listMeta). */
async function collectionsKnownTo(agent: any): Promise<string[]> {
  const { status, body } = await agent.get('/collections:listMeta');
  expect(status).toBe(200);
  return body.data.map((collection: any) => collection.name);
}

describe('our collections in the collection manager (what the web client can show)', () => {
  let app: MockServer;
  let manager: any;

  appForSuite(async (booted) => {
    app = booted;
    manager = await signInAs(app, await createUser(app, { nickname: '赵丽', roles: ['manager'] }), 'manager');
  });

  it('lists the collections of every seeded page to a manager: 年龄段设置 and 匹配设置 load their data', async () => {
    expect(await collectionsKnownTo(manager)).toEqual(
      expect.arrayContaining(['members', 'ageGroupBands', 'matchSuggestions', 'matchSettings', 'fieldPrivacy']),
    );
    expect((await manager.resource('ageGroupBands').list()).body.data.map((band: any) => band.group).sort()).toEqual([
      'middleAged',
      'senior',
      'youth',
    ]);
  });

  describe('removing fields in the collection manager (as the admin)', () => {
    let admin: any;

    beforeAll(async () => {
      admin = await signInAsRoot(app);
    });

    it('removes a field she added to 会员, its column with it', async () => {
      const added = await admin.resource('collections.fields', 'members').create({
        values: {
          name: 'zodiac',
          type: 'string',
          interface: 'input',
          uiSchema: { title: '星座', 'x-component': 'Input' },
        },
      });
      expect(added.status).toBe(200);
      const removed = await admin.resource('collections.fields', 'members').destroy({ filterByTk: 'zodiac' });
      expect(removed.status).toBe(200);
      expect(app.db.getCollection('members').getField('zodiac')).toBeUndefined();
      const columns = await app.db.sequelize
        .getQueryInterface()
        .describeTable(app.db.getCollection('members').getTableNameWithSchema());
      expect(Object.keys(columns)).not.toContain('zodiac');
    });

    it('refuses, saying why in zh-CN and en-US, a field our code relies on (and keeps it)', async () => {
      const zh = await admin
        .set('X-Locale', 'zh-CN')
        .resource('collections.fields', 'members')
        .destroy({ filterByTk: 'heightCm' });
      expect(zh.status).toBe(400);
      expect(zh.body.errors[0].message).toBe(
        '「身高（厘米）」是红娘内置的会员字段，系统的功能依赖它，不能删除；不需要时可以在表单和表格中隐藏它。',
      );
      const en = await admin
        .set('X-Locale', 'en-US')
        .resource('collections.fields', 'partnerPreferences')
        .destroy({ filterByTk: 'personalityWeight' });
      expect(en.status).toBe(400);
      expect(en.body.errors[0].message).toMatch(
        /^".+" is a built-in field of .+: Hongniang relies on it, so it cannot be removed\. Hide it from forms and tables instead\.$/,
      );
      expect(app.db.getCollection('members').getField('heightCm')).toBeDefined();
      expect(app.db.getCollection('partnerPreferences').getField('personalityWeight')).toBeDefined();
    });

    it('refuses to remove one of our collections (400, not a 500)', async () => {
      const refused = await admin
        .set('X-Locale', 'zh-CN')
        .resource('collections')
        .destroy({ filterByTk: 'ageGroupBands' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].message).toContain('是红娘内置的数据表');
      expect(await app.db.getRepository('ageGroupBands').count()).toBe(3);
    });
  });

  it('registers them in an agency installed before, when `npm start` upgrades it', async () => {
    // An installation from before: neither collection in the collection manager.
    for (const model of ['fields', 'collections']) {
      const column = model === 'fields' ? 'collectionName' : 'name';
      await app.db.getModel(model).destroy({ where: { [column]: ['ageGroupBands', 'matchSettings'] }, hooks: false });
    }
    // What `npm start` runs on an existing database (nocobase start --quickstart): an upgrade without the afterUpgrade event.
    await app.upgrade({ quickstart: true } as any);
    await startupWorkDone(app);
    const admin = await signInAsRoot(app);
    expect(await collectionsKnownTo(admin)).toEqual(expect.arrayContaining(['ageGroupBands', 'matchSettings']));
    const settings = await admin.resource('matchSettings').get({ filterByTk: 1 });
    expect(settings.status).toBe(200);
  });
});

import { MockServer } from '@nocobase/test';
import { createHongniangApp, createUser, rootUser, signInAs } from '@test/support/app';

/** The collections the web client knows: only those in the collection manager (collections:listMeta). */
async function collectionsKnownTo(agent: any): Promise<string[]> {
  const { status, body } = await agent.get('/collections:listMeta');
  expect(status).toBe(200);
  return body.data.map((collection: any) => collection.name);
}

describe('our collections in the collection manager (what the web client can show)', () => {
  let app: MockServer;
  let manager: any;

  beforeAll(async () => {
    app = await createHongniangApp();
    manager = await signInAs(app, await createUser(app, { nickname: '赵丽', roles: ['manager'] }), 'manager');
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('lists the collections of every seeded page to a manager: 年龄段设置 and 匹配设置 load their data', async () => {
    expect(await collectionsKnownTo(manager)).toEqual(expect.arrayContaining(['members', 'ageGroupBands', 'matchSuggestions', 'matchSettings', 'fieldPrivacy']));
    expect((await manager.resource('ageGroupBands').list()).body.data.map((band: any) => band.group).sort()).toEqual(['middleAged', 'senior', 'youth']);
  });

  it('registers them in an agency installed before, when `npm start` upgrades it', async () => {
    // An installation from before: neither collection in the collection manager.
    for (const model of ['fields', 'collections']) {
      const column = model === 'fields' ? 'collectionName' : 'name';
      await app.db.getModel(model).destroy({ where: { [column]: ['ageGroupBands', 'matchSettings'] }, hooks: false });
    }
    // What `npm start` runs on an existing database (nocobase start --quickstart): an upgrade without the afterUpgrade event.
    await app.upgrade({ quickstart: true } as any);
    const admin = await signInAs(app, await rootUser(app), 'root');
    expect(await collectionsKnownTo(admin)).toEqual(expect.arrayContaining(['ageGroupBands', 'matchSettings']));
    const settings = await admin.resource('matchSettings').get({ filterByTk: 1 });
    expect(settings.status).toBe(200);
  });
});

import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { NAMESPACE } from '../fields/field-kinds';
import { fieldTitle } from '@hongniang/plugin-core';

describe('the member collections in the UI collection manager', () => {
  let app: MockServer;
  let admin: any;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
  });

  it('lists members and partner preferences with translatable titles', async () => {
    const { body } = await admin
      .resource('collections')
      .list({ filter: { name: { $in: ['members', 'partnerPreferences'] } }, paginate: false });
    expect(body.data.map((c: any) => c.name).sort()).toEqual(['members', 'partnerPreferences']);
    expect(body.data.find((c: any) => c.name === 'members').title).toBe(
      '{{t("Members", { ns: "@hongniang/plugin-members" })}}',
    );
  });

  it('shows every field with NocoBase interfaces an admin can edit', async () => {
    const { body } = await admin.resource('collections.fields', 'members').list({ paginate: false });
    const byName = Object.fromEntries(body.data.map((field: any) => [field.name, field.interface]));
    expect(byName).toMatchObject({
      memberNo: 'sequence',
      name: 'input',
      gender: 'select',
      birthDate: 'date',
      phone: 'phone',
      email: 'email',
      photo: 'attachment',
      currentCity: 'chinaRegion',
      hometown: 'chinaRegion',
      heightCm: 'integer',
      hobbies: 'multipleSelect',
      matchmaker: 'm2o',
      partnerPreferences: 'oho',
      recommendConsent: 'checkbox',
      ageGroup: 'select',
    });
  });

  it('has a zh-CN title for every field it defines', () => {
    for (const name of ['members', 'partnerPreferences', 'ageGroupBands']) {
      const collection = app.db.getCollection(name);
      for (const field of collection.fields.values()) {
        // Ours only: system fields carry NocoBase's own titles, admin-added fields the text she typed.
        if (!String(field.options.uiSchema?.title || '').includes(NAMESPACE)) continue;
        const english = fieldTitle(collection, field.name, 'en-US');
        expect([name, field.name, fieldTitle(collection, field.name, 'zh-CN')]).not.toEqual([
          name,
          field.name,
          english,
        ]);
      }
    }
  });

  it('creates the indexes the daily lookups need (duplicate phones, list filters, matchmaker)', async () => {
    const indexes: any[] = await (app.db.sequelize.getQueryInterface() as any).showIndex(
      app.db.getCollection('members').getTableNameWithSchema(),
    );
    const indexed = indexes.map((index) => index.fields.map((field: any) => field.attribute).join(','));
    for (const column of ['phone', 'gender', 'status', 'tier', 'ageGroup', 'matchmakerId'])
      expect(indexed).toContain(column);
  });

  it('lets an admin add a field and use it at once, without code', async () => {
    const created = await admin.resource('collections.fields', 'members').create({
      values: {
        name: 'zodiac',
        type: 'string',
        interface: 'select',
        uiSchema: { title: '星座', 'x-component': 'Select', enum: [{ value: 'leo', label: '狮子座' }] },
      },
    });
    expect(created.status).toBe(200);
    const member = await admin.resource('members').create({
      values: { name: '周敏', gender: 'female', birthDate: '1990-03-03', phone: '13600001111', zodiac: 'leo' },
    });
    expect(member.status).toBe(200);
    const fetched = await admin.resource('members').get({ filterByTk: member.body.data.id });
    expect(fetched.body.data.zodiac).toBe('leo');
  });

  it('names a field by the title an admin gave it in error messages', async () => {
    const renamed = await admin.resource('collections.fields', 'members').update({
      filterByTk: 'heightCm',
      values: { uiSchema: { title: '身高(cm)', 'x-component': 'InputNumber' } },
    });
    expect(renamed.status).toBe(200);
    const refused = await admin
      .set('X-Locale', 'zh-CN')
      .resource('members')
      .create({ values: { name: '周敏', heightCm: 300 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toBe('身高(cm)应在 100–250 厘米 之间，收到 300');
  });
});

import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { upgradeStoredFields } from '../setup/stored-fields';

// Out of range is refused by the server, never clamped by the browser (issue 12 item 3, issue 11 C11), and member
// numbers given at creation are kept (C12): the forms' definitions say so on a new installation and after an upgrade.
describe('field definitions the forms read: no silent clamping, member numbers kept', () => {
  let app: MockServer;
  let admin: any;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
  });

  /** The field definitions as the web client reads them. */
  const definitions = async (collection: string) => {
    const { body } = await admin.resource('collections.fields', collection).list({ paginate: false });
    return Object.fromEntries(body.data.map((field: any) => [field.name, field]));
  };
  const clamps = (field: any) => [
    field.uiSchema?.['x-component-props']?.min,
    field.uiSchema?.['x-component-props']?.max,
  ];

  it('gives number inputs no min/max, so 300 reaches the server and is refused there', async () => {
    const members = await definitions('members');
    const preferences = await definitions('partnerPreferences');
    const bands = await definitions('ageGroupBands');
    for (const field of [
      members.heightCm,
      members.weightKg,
      preferences.ageMin,
      preferences.heightMax,
      bands?.maxAge,
    ].filter(Boolean)) {
      expect([field.name, ...clamps(field)]).toEqual([field.name, undefined, undefined]);
    }
    const refused = await admin
      .set('X-Locale', 'zh-CN')
      .resource('members')
      .create({ values: { name: '三米高', heightCm: 300 } });
    expect([refused.status, refused.body.errors[0].message]).toEqual([
      400,
      '身高（厘米）应在 100–250 厘米 之间，收到 300',
    ]);
    const band = await admin
      .set('X-Locale', 'en-US')
      .resource('ageGroupBands')
      .create({ values: { group: 'youth', minAge: 10, maxAge: 15 } });
    expect([band.status, band.body.errors[0].message]).toEqual([
      400,
      'Age from must be between 18 and 100 years; got 10',
    ]);
    expect(members.memberNo.inputable).toBe(true);
  });

  it('brings an installed agency’s stored definitions up to date at upgrade, keeping what an admin set', async () => {
    const Fields = app.db.getModel('fields');
    const stored = (collection: string, name: string) =>
      Fields.findOne({ where: { collectionName: collection, name } }) as any;
    const rewrite = async (collection: string, name: string, edit: (options: any) => void) => {
      const record = await stored(collection, name);
      const options = JSON.parse(JSON.stringify(record.get('options')));
      edit(options);
      record.set('options', options);
      await record.save();
      await record.load();
    };
    // As an installation of the previous version stored them; and one bound an admin chose herself.
    await rewrite('members', 'heightCm', (o) => Object.assign(o.uiSchema['x-component-props'], { min: 100, max: 250 }));
    await rewrite('members', 'memberNo', (o) => delete o.inputable);
    await rewrite('members', 'weightKg', (o) => Object.assign(o.uiSchema['x-component-props'], { min: 40, max: 200 }));
    expect(clamps((await definitions('members')).heightCm)).toEqual([100, 250]);

    await upgradeStoredFields(app);

    const members = await definitions('members');
    expect(clamps(members.heightCm)).toEqual([undefined, undefined]);
    expect(clamps(members.weightKg)).toEqual([40, 200]);
    expect(members.memberNo.inputable).toBe(true);
    expect(app.db.getCollection('members').getField('memberNo').options.inputable).toBe(true);
    const kept = await admin.resource('members').create({
      values: {
        name: '升级后自带编号',
        gender: 'male',
        birthDate: '1985-05-05',
        wechat: 'hn777',
        memberNo: 'HN000777',
      },
    });
    expect(kept.body.data.memberNo).toBe('HN000777');
  });
});

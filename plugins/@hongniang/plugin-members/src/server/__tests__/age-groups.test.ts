import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { bornYearsAgo } from '@test/support/members';
import { refreshAges } from '../ages/age-refresh';

describe('age groups follow the agency-wide bands and the calendar', () => {
  let app: MockServer;
  let admin: any;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
  });

  const bands = async () =>
    (await admin.resource('ageGroupBands').list({ sort: ['minAge'] })).body.data.map((b: any) => [
      b.group,
      b.minAge,
      b.maxAge,
    ]);
  const member = async (id: number) => (await admin.resource('members').get({ filterByTk: id })).body.data;

  it('starts with 青年 18–35, 中年 36–55, 老年 56–120', async () => {
    expect(await bands()).toEqual([
      ['youth', 18, 35],
      ['middleAged', 36, 55],
      ['senior', 56, 120],
    ]);
  });

  it('regroups every member at once when an admin moves a band', async () => {
    const { body } = await admin
      .resource('members')
      .create({ values: { name: '何静', gender: 'female', birthDate: bornYearsAgo(33), wechat: 'hejing33' } });
    expect(body.data.ageGroup).toBe('youth');
    const [youth, middleAged] = (await admin.resource('ageGroupBands').list({ sort: ['minAge'] })).body.data;
    expect(
      (await admin.resource('ageGroupBands').update({ filterByTk: youth.id, values: { maxAge: 30 } })).status,
    ).toBe(200);
    expect(
      (await admin.resource('ageGroupBands').update({ filterByTk: middleAged.id, values: { minAge: 31 } })).status,
    ).toBe(200);
    expect(await member(body.data.id)).toMatchObject({ age: 33, ageGroup: 'middleAged' });
  });

  it('refuses overlapping or reversed bands, naming the ages', async () => {
    const [youth] = (await admin.resource('ageGroupBands').list({ sort: ['minAge'] })).body.data;
    const overlap = await admin
      .set('X-Locale', 'zh-CN')
      .resource('ageGroupBands')
      .update({ filterByTk: youth.id, values: { maxAge: 40 } });
    expect([overlap.status, overlap.body.errors[0].message]).toEqual([400, '年龄段 18–40 岁与已有年龄段 31–55 岁重叠']);
    const reversed = await admin
      .set('X-Locale', 'en-US')
      .resource('ageGroupBands')
      .update({ filterByTk: youth.id, values: { minAge: 30, maxAge: 20 } });
    expect([reversed.status, reversed.body.errors[0].message]).toEqual([400, 'Age from 30 is greater than Age to 20']);
    expect(await bands()).toEqual([
      ['youth', 18, 30],
      ['middleAged', 31, 55],
      ['senior', 56, 120],
    ]);
  });

  it('ages members as birthdays pass', async () => {
    const { body } = await admin
      .resource('members')
      .create({ values: { name: '白露', gender: 'female', birthDate: bornYearsAgo(55), wechat: 'bailu55' } });
    expect(body.data).toMatchObject({ age: 55, ageGroup: 'middleAged' });
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    expect(await refreshAges(app.db, { today: nextYear })).toBeGreaterThanOrEqual(2);
    expect(await member(body.data.id)).toMatchObject({ age: 56, ageGroup: 'senior' });
    expect(await refreshAges(app.db, { today: nextYear })).toBe(0);
  });

  it('puts each member in her five-year band (年龄段（5岁）), read-only, moved on as birthdays pass', async () => {
    const ids: Record<number, number> = {};
    for (const age of [19, 20, 24, 25, 59, 60, 75]) {
      const { body } = await admin.resource('members').create({
        values: { name: `五岁段${age}`, gender: 'male', birthDate: bornYearsAgo(age), wechat: `band${age}` },
      });
      ids[age] = body.data.id;
    }
    // One request at a time (parallel requests of one agent are reset on PostgreSQL runs).
    const bandsOf = async (ages: number[]) => {
      const bands: string[] = [];
      for (const age of ages) bands.push((await member(ids[age])).ageBand);
      return bands;
    };
    expect(await bandsOf([19, 20, 24, 25, 59, 60, 75])).toEqual([
      'under20',
      '20to24',
      '20to24',
      '25to29',
      '55to59',
      '60plus',
      '60plus',
    ]);
    const typed = await admin
      .set('X-Locale', 'en-US')
      .resource('members')
      .update({ filterByTk: ids[24], values: { ageBand: '30to34' } });
    expect([typed.status, typed.body.errors[0].message]).toEqual([
      400,
      'Age band (5 years) is worked out from Birth date and cannot be entered; leave it out (got "30to34")',
    ]);
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    await refreshAges(app.db, { today: nextYear });
    expect(await bandsOf([19, 24, 59])).toEqual(['20to24', '25to29', '60plus']);
    // Labelled like the other option fields: zh-CN, and English for English answers (charts).
    const options = app.db.getCollection('members').getField('ageBand').options.uiSchema.enum;
    expect(options.find((option: any) => option.value === '25to29')).toEqual({
      value: '25to29',
      label: '25–29岁',
      labelEn: '25–29',
    });
  });
});

import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { bornYearsAgo } from '@test/support/members';
import { ageOn } from '../ages/age';

describe('the member archive over HTTP, with the ACL on', () => {
  let app: MockServer;
  let admin: any;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
  });

  let wechats = 0;
  /** A member as the archive takes her (who she is, a way to reach her), with the values a test is about. */
  const create = (values: Record<string, any>, locale = 'zh-CN') =>
    admin
      .set('X-Locale', locale)
      .resource('members')
      .create({ values: { gender: 'female', birthDate: bornYearsAgo(30), wechat: `archive_${++wechats}`, ...values } });

  it('creates a member with a member number, derived age and age group', async () => {
    const response = await create({
      name: '林晓雨',
      gender: 'female',
      birthDate: bornYearsAgo(29),
      phone: '138 0013 8000',
      email: ' lin.xiaoyu@example.cn ',
      idNumber: '11010519491231002x',
      education: 'master',
      hobbies: ['travel', 'reading'],
      partnerPreferences: { ageMin: 28, ageMax: 36, ageImportance: 'required', minEducation: 'bachelor' },
    });
    expect(response.status).toBe(200);
    const member = response.body.data;
    expect(member.memberNo).toMatch(/^HN\d{6}$/);
    expect(member.age).toBe(29);
    expect(member.ageGroup).toBe('youth');
    expect(member.phone).toBe('13800138000');
    expect(member.email).toBe('lin.xiaoyu@example.cn');
    expect(member.idNumber).toBe('11010519491231002X');
    expect(member.status).toBe('new');
    expect(member.recommendConsent).toBe(false);

    const fetched = await admin.resource('members').get({ filterByTk: member.id, appends: ['partnerPreferences'] });
    expect(fetched.body.data.partnerPreferences).toMatchObject({
      ageMin: 28,
      ageMax: 36,
      ageImportance: 'required',
      minEducation: 'bachelor',
    });
  });

  it('derives age on a birthday boundary and re-derives it on update', async () => {
    const { body } = await create({ name: '陈建国', gender: 'male', birthDate: bornYearsAgo(36, -1) });
    expect(body.data.age).toBe(35);
    expect(body.data.ageGroup).toBe('youth');
    const updated = await admin
      .resource('members')
      .update({ filterByTk: body.data.id, values: { birthDate: bornYearsAgo(56) } });
    expect(updated.status).toBe(200);
    const fetched = await admin.resource('members').get({ filterByTk: body.data.id });
    expect(fetched.body.data).toMatchObject({ age: 56, ageGroup: 'senior' });
  });

  it('lists members filtered by the derived age group', async () => {
    const response = await admin.resource('members').list({ filter: { ageGroup: 'senior' } });
    expect(response.status).toBe(200);
    expect(response.body.data.map((m: any) => m.name)).toEqual(['陈建国']);
  });

  it.each([
    [
      { name: 'A', birthDate: bornYearsAgo(17) },
      '出生日期',
      ` ${bornYearsAgo(17)} 对应年龄 17 岁，会员年龄应在 18–100 岁之间`,
      'Birth date',
      ` ${bornYearsAgo(17)} gives age 17; members must be 18 to 100`,
    ],
    [
      { name: 'A', birthDate: bornYearsAgo(101) },
      '出生日期',
      ` ${bornYearsAgo(101)} 对应年龄 101 岁`,
      'Birth date',
      ` ${bornYearsAgo(101)} gives age 101`,
    ],
    [
      { name: 'A', heightCm: 99 },
      '身高（厘米）',
      '应在 100–250 厘米 之间，收到 99',
      'Height (cm)',
      ' must be between 100 and 250 cm; got 99',
    ],
    [
      { name: 'A', heightCm: 251 },
      '身高（厘米）',
      '应在 100–250 厘米 之间，收到 251',
      'Height (cm)',
      ' must be between 100 and 250 cm; got 251',
    ],
    [{ name: 'A', phone: '12345' }, '手机号', '“12345”格式不正确', 'Phone', ' "12345" is not a valid 11-digit'],
    [{ name: 'A', email: 'lin@' }, '邮箱', '“lin@”不是有效的邮箱地址', 'E-mail', ' "lin@" is not an e-mail address'],
    [
      { name: 'A', idNumber: '110105194912310023' },
      '身份证号',
      '格式或校验位不正确',
      'ID number',
      ' is not a valid 18-character resident ID number',
    ],
    [
      { name: 'A', education: 'kindergarten' },
      '学历',
      '：“kindergarten”不在可选项中，可选：highSchool (高中及以下)',
      'Education',
      ': "kindergarten" is not one of its options: highSchool (High school or below)',
    ],
    [
      { name: 'A', hobbies: ['travel', 'skydiving'] },
      '兴趣爱好',
      '：“skydiving”不在可选项中',
      'Hobbies',
      ': "skydiving" is not one of its options',
    ],
    [
      { name: 'A', partnerPreferences: { ageMin: 40, ageMax: 30 } },
      '年龄下限',
      ' 40 大于年龄上限 30',
      'Age from',
      ' 40 is greater than Age to 30',
    ],
    [
      { name: 'A', partnerPreferences: { heightMin: 180, heightMax: 160 } },
      '身高下限（厘米）',
      ' 180 大于身高上限（厘米） 160',
      'Height from (cm)',
      ' 180 is greater than Height to (cm) 160',
    ],
    [
      { name: 'A', partnerPreferences: { ageImportance: 'veryMuch' } },
      '年龄重要程度',
      '：“veryMuch”不在可选项中',
      'Age: importance',
      ': "veryMuch" is not one of its options',
    ],
    // Values are read as their field's type or refused (issue 11, C11), on the API as in spreadsheets.
    [
      { name: 'A', heightCm: 175.5 },
      '身高（厘米）',
      '须为整数，收到 175.5',
      'Height (cm)',
      ' must be a whole number; got 175.5',
    ],
    [
      { name: 'A', heightCm: '一米七' },
      '身高（厘米）',
      '须为数字，收到“一米七”',
      'Height (cm)',
      ' must be a number; got "一米七"',
    ],
    [
      { name: 'A', partnerPreferences: { ageMin: 25.5 } },
      '年龄下限',
      '须为整数，收到 25.5',
      'Age from',
      ' must be a whole number; got 25.5',
    ],
    [{ name: 'A', birthDate: '1991年13月1日' }, '出生日期', '不是可识别的日期', 'Birth date', ' is not a date'],
    [{ name: '　 ' }, '姓名', '不能为空', 'Name', ' is required'],
    [
      { name: 'A', memberNo: 'A-17' },
      '会员编号',
      '“A-17”格式不对，应形如 HN000123',
      'Member number',
      ' "A-17" does not have the agency\'s form (like HN000123)',
    ],
  ])('refuses %j with 400 naming the field (%s), in zh-CN and en-US', async (values, zhField, zh, enField, en) => {
    const before = await app.db.getRepository('members').count();
    const preferencesBefore = await app.db.getRepository('partnerPreferences').count();
    const zhResponse = await create(values, 'zh-CN');
    expect(zhResponse.status).toBe(400);
    expect(zhResponse.body.errors[0].message).toContain(zhField + zh);
    const enResponse = await create(values, 'en-US');
    expect(enResponse.status).toBe(400);
    expect(enResponse.body.errors[0].message).toContain(enField + en);
    expect(await app.db.getRepository('members').count()).toBe(before);
    expect(await app.db.getRepository('partnerPreferences').count()).toBe(preferencesBefore);
  });

  it('refuses a second member with the same phone, naming the existing member number', async () => {
    const first = await create({ name: '王芳', phone: '13900139000' });
    expect(first.status).toBe(200);
    const second = await create({ name: '王芳芳', phone: '139-0013-9000' });
    expect(second.status).toBe(400);
    expect(second.body.errors[0].message).toBe(
      `手机号 13900139000 已属于会员 ${first.body.data.memberNo}，不能重复登记`,
    );
    const english = await create({ name: 'Fang', phone: '13900139000' }, 'en-US');
    expect(english.body.errors[0].message).toBe(
      `Phone 13900139000 already belongs to member ${first.body.data.memberNo}`,
    );
    const mine = await admin
      .resource('members')
      .update({ filterByTk: first.body.data.id, values: { phone: '13900139000', name: '王芳' } });
    expect(mine.status).toBe(200);
  });

  it('keeps a member number given at creation and moves the sequence past it; a number never changes', async () => {
    const given = await create({ name: '自带编号', memberNo: ' HN000900 ' });
    expect([given.status, given.body.data?.memberNo]).toEqual([200, 'HN000900']);
    expect((await create({ name: '编号之后' })).body.data.memberNo).toBe('HN000901');
    const taken = await create({ name: '编号重复', memberNo: 'HN000900' });
    expect([taken.status, taken.body.errors?.[0]?.message]).toEqual([400, '会员编号 HN000900 已被其他会员使用']);
    const changed = await admin
      .set('X-Locale', 'zh-CN')
      .resource('members')
      .update({ filterByTk: given.body.data.id, values: { memberNo: 'HN000999' } });
    expect([changed.status, changed.body.errors?.[0]?.message]).toEqual([
      400,
      '会员编号 HN000900 一经分配不能修改（收到 HN000999）',
    ]);
    const unchanged = await admin
      .resource('members')
      .update({ filterByTk: given.body.data.id, values: { memberNo: 'HN000900', notes: '同号' } });
    expect(unchanged.status).toBe(200);
  });

  it('keeps a photo uploaded through the file manager', async () => {
    // The smallest valid PNG: one transparent pixel.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const uploaded = await admin.post('/attachments:create').attach('file', png, 'photo.png');
    expect(uploaded.status).toBe(200);
    const { body } = await create({ name: '苏晴', photo: [{ id: uploaded.body.data.id }] });
    expect(body.data.id).toBeDefined();
    const fetched = await admin.resource('members').get({ filterByTk: body.data.id, appends: ['photo'] });
    expect(fetched.body.data.photo).toHaveLength(1);
    expect(fetched.body.data.photo[0]).toMatchObject({ id: uploaded.body.data.id, mimetype: 'image/png' });
  });

  it('updates the partner preferences of a member, with the same rules', async () => {
    const { body } = await create({ name: '钟欣', partnerPreferences: { ageMin: 25, ageMax: 35 } });
    const preferences = admin.set('X-Locale', 'zh-CN').resource('members.partnerPreferences', body.data.id);
    const { id } = (await preferences.get()).body.data;
    const updated = await preferences.update({
      values: { ageMax: 40, wantedHobbies: ['music'], hobbiesImportance: 'important' },
    });
    expect(updated.status).toBe(200);
    expect((await preferences.get()).body.data).toMatchObject({
      ageMin: 25,
      ageMax: 40,
      wantedHobbies: ['music'],
      hobbiesImportance: 'important',
    });
    const refused = await preferences.update({ filterByTk: id, values: { ageMin: 45 } });
    expect([refused.status, refused.body.errors[0].message]).toEqual([400, '年龄下限 45 大于年龄上限 40']);
    expect((await preferences.get()).body.data.ageMin).toBe(25);

    const alone = await create({ name: '无标准' });
    const missing = await admin
      .set('X-Locale', 'zh-CN')
      .resource('members.partnerPreferences', alone.body.data.id)
      .update({ values: { ageMin: 30 } });
    expect([missing.status, missing.body.errors[0].message]).toEqual([
      404,
      `会员 ${alone.body.data.id} 还没有择偶标准，请先创建`,
    ]);
  });

  it('computes age in whole years', () => {
    expect(ageOn('2000-02-29', new Date(2018, 1, 28))).toBe(17);
    expect(ageOn('2000-02-29', new Date(2018, 2, 1))).toBe(18);
  });
});

import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import * as XLSX from 'xlsx';

// Issue 11, A5: age and age group are derived from the birth date; no write path stores a value typed for them.
describe('derived fields (age, age group) are read-only on every write path', () => {
  let app: MockServer;
  let root: any;
  let manager: any;
  let lijing: any;
  let hers: number;

  appForSuite(async (booted) => {
    app = booted;
    root = await signInAsRoot(app);
    const { as, users } = await signInStaff(app, { zhaoli: 'manager', lijing: 'matchmaker' });
    ({ zhaoli: manager, lijing } = as);
    hers = await addMember(app, {
      name: '李静的会员',
      gender: 'female',
      birthDate: '1980-06-15',
      matchmakerId: users.lijing,
    });
  });

  const members = () => app.db.getRepository('members');
  const stored = async (id: number) => (await members().findOne({ filterByTk: id })).toJSON();
  const message = (response: any) => [response.status, response.body.errors?.[0]?.message];

  it('refuses a matchmaker typing age 25 and 青年 for her member born in 1980, in zh-CN and en-US, storing nothing', async () => {
    const before = await stored(hers);
    const zh = await lijing
      .set('X-Locale', 'zh-CN')
      .post(`/members:update?filterByTk=${hers}`)
      .send({ age: 25, ageGroup: 'youth' });
    expect(message(zh)).toEqual([400, '年龄由出生日期自动推算，不能填写；请去掉这一项（收到 25）']);
    const en = await lijing
      .set('X-Locale', 'en-US')
      .post(`/members:update?filterByTk=${hers}`)
      .send({ ageGroup: 'youth' });
    expect(message(en)).toEqual([
      400,
      'Age group is worked out from Birth date and cannot be entered; leave it out (got "youth")',
    ]);
    expect(await stored(hers)).toMatchObject({ age: before.age, ageGroup: before.ageGroup });
    expect(before.age).toBeGreaterThan(40);
  });

  it('accepts the derived values sent back unchanged, as an edit form does', async () => {
    const { age, ageGroup } = await stored(hers);
    const response = await lijing
      .post(`/members:update?filterByTk=${hers}`)
      .send({ name: '李静的会员（改）', age, ageGroup });
    expect(response.status).toBe(200);
    expect(await stored(hers)).toMatchObject({ name: '李静的会员（改）', age, ageGroup });
  });

  it('refuses an age typed for a new member without a birth date, and accepts one equal to the derived age', async () => {
    const before = await members().count();
    const refused = await manager.set('X-Locale', 'zh-CN').post('/members:create').send({ name: '只填年龄', age: 30 });
    expect(message(refused)).toEqual([400, '年龄由出生日期自动推算，不能填写；请去掉这一项（收到 30）']);
    expect(await members().count()).toBe(before);
    const wrong = await manager.post('/members:create').send({ name: '年龄不符', birthDate: '1990-01-01', age: 20 });
    expect(message(wrong)).toEqual([400, '年龄由出生日期自动推算，不能填写；请去掉这一项（收到 20）']);
    const { body } = await manager
      .post('/members:create')
      .send({ name: '年龄算出', gender: 'male', birthDate: '1980-06-15', wechat: 'nianling1' });
    const same = await manager.post('/members:create').send({
      name: '年龄照抄',
      gender: 'male',
      birthDate: '1980-06-15',
      wechat: 'nianling2',
      age: body.data.age,
      ageGroup: body.data.ageGroup,
    });
    expect([same.status, same.body.data?.age]).toEqual([200, body.data.age]);
  });

  it('refuses them through firstOrCreate, updateOrCreate and an update by filter', async () => {
    const first = await root
      .set('X-Locale', 'zh-CN')
      .post('/members:firstOrCreate?filterKeys[]=name')
      .send({ name: '先查后建', age: 50 });
    expect(message(first)).toEqual([400, '年龄由出生日期自动推算，不能填写；请去掉这一项（收到 50）']);
    expect(await members().count({ filter: { name: '先查后建' } })).toBe(0);
    const upsert = await root.post('/members:updateOrCreate?filterKeys[]=id').send({ id: hers, ageGroup: 'senior' });
    expect(message(upsert)).toEqual([400, '年龄段由出生日期自动推算，不能填写；请去掉这一项（收到 "senior"）']);
    const byFilter = await manager
      .set('X-Locale', 'zh-CN')
      .post(`/members:update?filter=${encodeURIComponent(JSON.stringify({ id: { $in: [hers] } }))}`)
      .send({ age: 99 });
    expect(message(byFilter)).toEqual([400, '年龄由出生日期自动推算，不能填写；请去掉这一项（收到 99）']);
    expect(await stored(hers)).toMatchObject({ ageGroup: 'middleAged' });
    expect((await stored(hers)).age).not.toBe(99);
  });

  it('refuses a spreadsheet whose 年龄 column disagrees with the birth date, naming the row', async () => {
    const headers = ['姓名', '性别', '出生日期', '微信号', '年龄'];
    const sheet = XLSX.utils.aoa_to_sheet([
      headers,
      ['表格年龄甲', '女', '1980-06-15', 'biaoge1', (await stored(hers)).age],
      ['表格年龄乙', '女', '1980-06-15', 'biaoge2', 22],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
    const before = await members().count();
    const response = await manager
      .post('/members:importXlsx')
      .set('X-Locale', 'zh-CN')
      .attach('file', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }), 'members.xlsx')
      .field(
        'columns',
        JSON.stringify(
          headers.map((title, i) => ({
            dataIndex: [['name', 'gender', 'birthDate', 'wechat', 'age'][i]],
            defaultTitle: title,
          })),
        ),
      );
    expect(message(response)).toEqual([
      400,
      '1 行有误：第 3 行：年龄由出生日期自动推算，不能填写；请去掉这一项（收到 22）',
    ]);
    expect(await members().count()).toBe(before);
  });
});

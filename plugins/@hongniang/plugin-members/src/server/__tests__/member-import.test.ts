import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import * as XLSX from 'xlsx';
import { importXlsx, withHeader } from '@test/support/spreadsheets';

/** The import columns as the web client sends them: field path and the header title of the spreadsheet. */
const COLUMNS = [
  { dataIndex: ['name'], defaultTitle: '姓名' },
  { dataIndex: ['gender'], defaultTitle: '性别' },
  { dataIndex: ['birthDate'], defaultTitle: '出生日期' },
  { dataIndex: ['phone'], defaultTitle: '手机号' },
  { dataIndex: ['heightCm'], defaultTitle: '身高（厘米）' },
  { dataIndex: ['education'], defaultTitle: '学历' },
  { dataIndex: ['hobbies'], defaultTitle: '兴趣爱好' },
];

const workbook = (rows: any[][]) => withHeader(COLUMNS, rows);

describe('importing members from Excel with Chinese headers, and exporting them', () => {
  let app: MockServer;
  let admin: any;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
  });

  const importFile = (file: Buffer, locale = 'zh-CN') => importXlsx(admin, 'members', file, COLUMNS, locale);

  it('imports good rows, converting Chinese option labels to their values', async () => {
    const response = await importFile(
      workbook([
        ['赵雅琴', '女', '1994-05-12', '13811112222', 163, '本科', '旅行,阅读'],
        ['孙浩然', '男', '1990-09-01', '13911113333', 178, '硕士', '运动健身'],
      ]),
    );
    expect([response.status, response.body]).toMatchObject([200, { data: { successCount: 2 } }]);
    const { body } = await admin.resource('members').list({ sort: ['id'] });
    expect(
      body.data.map((m: any) => [
        m.name,
        m.gender,
        m.education,
        [...m.hobbies].sort(),
        m.ageGroup,
        m.memberNo.slice(0, 2),
      ]),
    ).toEqual([
      ['赵雅琴', 'female', 'bachelor', ['reading', 'travel'], 'youth', 'HN'],
      ['孙浩然', 'male', 'master', ['fitness'], 'middleAged', 'HN'],
    ]);
  });

  it('refuses a file with bad rows, naming every bad row and field, and imports none of it', async () => {
    const members = app.db.getRepository('members');
    const before = await members.count();
    const existing = await members.findOne({ filter: { name: '赵雅琴' } });
    const file = workbook([
      ['钱多多', '女', '1992-03-04', '13722223333', 160, '本科', '音乐'],
      ['错号码', '女', '1992-03-04', '12345', 160, '本科', ''],
      ['太高了', '男', '1990-01-01', '13722224444', 260, '大专', ''],
      ['撞号了', '女', '1993-01-01', '13811112222', 165, '本科', ''],
      ['同文件重复', '男', '1991-01-01', '13722223333', 175, '本科', ''],
      ['未成年', '男', '2015-01-01', '13722225555', 150, '高中及以下', ''],
    ]);
    const zh = await importFile(file, 'zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0].message).toBe(
      [
        '5 行有误：第 3 行：手机号“12345”格式不正确，应为 11 位中国大陆手机号',
        '第 4 行：身高（厘米）应在 100–250 厘米 之间，收到 260',
        `第 5 行：手机号 13811112222 已属于会员 ${existing.get('memberNo')}，不能重复登记`,
        '第 6 行：手机号 13722223333 与第 2 行重复',
        '第 7 行：出生日期 2015-01-01 对应年龄 ' +
          zh.body.errors[0].message.match(/对应年龄 (\d+) 岁/)[1] +
          ' 岁，会员年龄应在 18–100 岁之间',
      ].join('；'),
    );
    const en = await importFile(file, 'en-US');
    expect(en.status).toBe(400);
    expect(en.body.errors[0].message).toContain(
      '5 row(s) with errors: row 3: Phone "12345" is not a valid 11-digit mainland China mobile number; row 4: Height (cm) must be between 100 and 250 cm; got 260;',
    );
    expect(await members.count()).toBe(before);
  });

  it('names the row and field of an option that does not exist', async () => {
    const before = await app.db.getRepository('members').count();
    const file = workbook([
      ['甲', '女', '1992-03-04', '13733334444', 160, '本科', ''],
      ['乙', '女', '1992-03-04', '13733335555', 160, '研究生', ''],
    ]);
    const zh = await importFile(file, 'zh-CN');
    expect([zh.status, zh.body.errors[0].message]).toEqual([
      400,
      '第 3 行「学历」：“研究生”不在可选项中，可选：高中及以下、大专、本科、硕士、博士；文件未导入',
    ]);
    const en = await importFile(file, 'en-US');
    expect(en.body.errors[0].message).toBe(
      'Row 3, Education: "研究生" is not one of its options (高中及以下, 大专, 本科, 硕士, 博士); nothing was imported',
    );
    expect(await app.db.getRepository('members').count()).toBe(before);
  });

  it('exports members to Excel with Chinese headers and option labels', async () => {
    const response = await admin
      .post('/members:export')
      .set('X-Locale', 'zh-CN')
      .buffer(true)
      .parse((res: any, callback: any) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .send({ title: '会员', columns: COLUMNS.map((c) => ({ ...c, title: c.defaultTitle })), sort: ['id'] });
    expect(response.status).toBe(200);
    const sheet = XLSX.read(response.body, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<any>(sheet.Sheets[sheet.SheetNames[0]], { header: 1 });
    expect(rows[0]).toEqual(COLUMNS.map((c) => c.defaultTitle));
    expect(rows.slice(1).map((row: any[]) => row.slice(0, 2))).toEqual([
      ['赵雅琴', '女'],
      ['孙浩然', '男'],
    ]);
    expect(rows[1][5]).toBe('本科');
  });
});

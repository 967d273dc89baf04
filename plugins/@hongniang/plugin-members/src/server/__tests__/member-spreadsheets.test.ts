import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { sharedFile } from '@test/support/shared-files';
import { importXlsx, workbook } from '@test/support/spreadsheets';

// Spreadsheets as agencies write them (issue 11, C8–C12): the field reports' files, read from the steering checkout
// beside this repository, and variants built here. Every name, phone and date is invented.
const fieldReport = (name: string): Buffer => sharedFile('cases', 'field-reports-1', name);

/** Spreadsheet headers and the member fields they fill, as the table's 导入 button sends them. */
const FIELD_OF: Record<string, string> = {
  会员编号: 'memberNo',
  姓名: 'name',
  性别: 'gender',
  出生日期: 'birthDate',
  手机号: 'phone',
  '身高（厘米）': 'heightCm',
  学历: 'education',
  兴趣爱好: 'hobbies',
  婚姻状况: 'maritalStatus',
  年龄: 'age',
  年龄段: 'ageGroup',
};
const columns = (headers: string[]) =>
  headers.map((header) => ({ dataIndex: [FIELD_OF[header]], defaultTitle: header }));
const FOUR = ['姓名', '性别', '出生日期', '手机号'];

let phones = 0;
/** A mobile number no other row of this suite uses. */
const phone = () => `1360000${String(++phones).padStart(4, '0')}`;

describe('importing agencies’ spreadsheets: dates, blank and title rows, numbers, member numbers', () => {
  let app: MockServer;
  let admin: any;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
  });

  const importFile = (file: Buffer, headers: string[], locale = 'zh-CN') =>
    importXlsx(admin, 'members', file, columns(headers), locale);
  const members = () => app.db.getRepository('members');
  const named = async (name: string) => (await members().findOne({ filter: { name } }))?.toJSON();
  const message = (response: any) => response.body.errors?.[0]?.message as string;

  /** A refused file: 400, the message, and nothing of it stored. */
  async function refused(file: Buffer, headers: string[], locale = 'zh-CN') {
    const before = await members().count();
    const response = await importFile(file, headers, locale);
    expect([response.status, await members().count()]).toEqual([400, before]);
    expect(message(response)).not.toMatch(/SQL|sqlite|syntax|violates|Import failed/i);
    return message(response);
  }

  describe('C8: dates written the Chinese way are read; an unreadable one names its row and field', () => {
    it('imports the field report with 1991年1月1日 on row 3', async () => {
      const response = await importFile(fieldReport('R08-chinese-date-wrong-row.xlsx'), FOUR);
      expect([response.status, response.body.data]).toEqual([200, { successCount: 4 }]);
      expect(await named('测试行乙')).toMatchObject({ birthDate: '1991-01-01', ageGroup: expect.any(String) });
    });

    it('reads every common form of a date, Excel date cells and serial numbers included', async () => {
      const forms: [string, unknown][] = [
        ['日期甲', '1991年1月1日'],
        ['日期乙', '1991.1.1'],
        ['日期丙', '1991/01/01'],
        ['日期丁', '1991-1-1'],
        ['日期戊', '１９９１年１月１日'],
        ['日期己', ' 1991 年 1 月 1 日 '],
        ['日期庚', 33239],
        ['日期辛', new Date(Date.UTC(1991, 0, 1))],
        ['日期壬', 19910101],
      ];
      const file = workbook([FOUR, ...forms.map(([name, date]) => [name, '女', date, phone()])]);
      const response = await importFile(file, FOUR);
      expect([response.status, response.body.data]).toEqual([200, { successCount: forms.length }]);
      for (const [name] of forms) expect([name, (await named(name)).birthDate]).toEqual([name, '1991-01-01']);
    });

    it('refuses an unreadable date with its Excel row and the field, without SQL, importing nothing', async () => {
      const file = workbook([
        ['会员登记表'],
        FOUR,
        ['读不懂甲', '女', '1991-01-01', phone()],
        ['读不懂乙', '女', '1991年13月1日', phone()],
        [],
        ['读不懂丙', '女', '去年春天', phone()],
      ]);
      const zh = await refused(file, FOUR);
      expect(zh).toMatch(
        /^2 行有误：第 4 行：出生日期不是可识别的日期，请写成 1991-01-01、1991\/1\/1、1991\.1\.1 或 1991年1月1日；第 6 行：出生日期/,
      );
      expect(await refused(file, FOUR, 'en-US')).toMatch(
        /^2 row\(s\) with errors: row 4: Birth date is not a date; write it as 1991-01-01/,
      );
    });
  });

  describe('C9: row numbers are the rows the user sees in Excel', () => {
    it('names row 4 after a blank row 3 (field report R10)', async () => {
      expect(await refused(fieldReport('R10-blank-row-shifts-row-number.xlsx'), FOUR)).toBe(
        '1 行有误：第 4 行：手机号“12345”格式不正确，应为 11 位中国大陆手机号',
      );
    });

    it('names row 4 under a merged title row and headers on row 2 (field report R11)', async () => {
      expect(await refused(fieldReport('R11-title-row-shifts-row-number.xlsx'), FOUR)).toBe(
        '1 行有误：第 4 行：手机号“1370000004”格式不正确，应为 11 位中国大陆手机号',
      );
    });

    it('numbers rows right after title, blank and blank-looking rows, also for values NocoBase itself cannot read', async () => {
      const headers = [...FOUR, '学历'];
      const title = { s: { r: 1, c: 0 }, e: { r: 1, c: 4 } };
      const rows = (education: string, badPhone: string) => [
        [],
        ['红线婚介会员登记表'],
        [],
        headers,
        ['行号甲', '女', '1990-02-02', phone(), '本科'],
        [' ', '　', '', undefined, ' '],
        [],
        ['行号乙', '女', '1990-02-02', badPhone, education],
      ];
      expect(await refused(workbook(rows('本科', '999'), [title]), headers)).toBe(
        '1 行有误：第 8 行：手机号“999”格式不正确，应为 11 位中国大陆手机号',
      );
      expect(await refused(workbook(rows('研究生', phone()), [title]), headers)).toBe(
        '第 8 行「学历」：“研究生”不在可选项中，可选：高中及以下、大专、本科、硕士、博士；文件未导入',
      );
    });
  });

  describe('C10: blank-looking rows are skipped; a required field that is only spaces is an error', () => {
    it('skips rows holding only a space or a full-width space (field report R10)', async () => {
      const before = await members().count();
      const response = await importFile(fieldReport('R10-space-only-rows-become-members.xlsx'), FOUR);
      expect([response.status, response.body.data]).toEqual([200, { successCount: 1 }]);
      expect(await members().count()).toBe(before + 1);
      expect(
        await members().count({ filter: { $or: [{ name: null }, { name: '' }, { name: ' ' }, { name: '　' }] } }),
      ).toBe(0);
    });

    it('refuses a member row whose name is only spaces, and trims the values it keeps', async () => {
      const file = workbook([
        FOUR,
        ['  空格姓名  ', '女', '1990-03-03', ` ${phone()} `],
        ['　', '女', '1990-03-03', phone()],
      ]);
      expect(await refused(file, FOUR)).toBe('1 行有误：第 3 行：姓名不能为空');
      expect(await refused(file, FOUR, 'en-US')).toBe('1 row(s) with errors: row 3: Name is required');
      const fixed = workbook([FOUR, ['  空格姓名  ', '女', '1990-03-03', ` ${phone()} `]]);
      expect((await importFile(fixed, FOUR)).status).toBe(200);
      expect(await named('空格姓名')).toMatchObject({ name: '空格姓名', phone: expect.stringMatching(/^1\d{10}$/) });
    });
  });

  describe('C11: values are read as the field’s type or refused, never rounded or clamped', () => {
    const reported = ['姓名', '性别', '出生日期', '身高（厘米）', '学历', '兴趣爱好', '婚姻状况'];
    const headers = [...reported, '手机号'];

    it('refuses 身高 175.5 in a whole-number field (field report R12)', async () => {
      expect(await refused(fieldReport('R12-height-decimal.xlsx'), reported)).toBe(
        '1 行有误：第 2 行：身高（厘米）须为整数，收到 175.5',
      );
    });

    it('refuses heights that are not numbers or out of range, naming each row', async () => {
      const file = workbook([
        headers,
        ['身高甲', '女', '1990-01-01', '一米七', '本科', undefined, undefined, phone()],
        ['身高乙', '女', '1990-01-01', 300, '本科', undefined, undefined, phone()],
        ['身高丙', '女', '1990-01-01', ' 170 ', '本科', undefined, undefined, phone()],
      ]);
      expect(await refused(file, headers)).toBe(
        '2 行有误：第 2 行：身高（厘米）须为数字，收到“一米七”；第 3 行：身高（厘米）应在 100–250 厘米 之间，收到 300',
      );
    });
  });

  describe('C12: member numbers in the file are kept, and the sequence moves past them', () => {
    const headers = ['会员编号', '姓名', '性别', '出生日期', '手机号'];

    it('keeps HN000321 (field report R14, with the phone a member now needs); the next member gets HN000322', async () => {
      // The report as filed has no way to reach the member: refused, naming the row (issue 12 item 1).
      expect(
        await refused(fieldReport('R14-imported-member-number.xlsx'), ['会员编号', '姓名', '性别', '出生日期']),
      ).toBe('1 行有误：第 2 行：手机号和微信号至少填写一项，以便联系会员');
      const response = await importFile(
        workbook([headers, ['HN000321', '测试编号甲', '男', '1988-08-08', phone()]]),
        headers,
      );
      expect([response.status, response.body.data]).toEqual([200, { successCount: 1 }]);
      expect((await named('测试编号甲')).memberNo).toBe('HN000321');
      const next = await admin
        .resource('members')
        .create({ values: { name: '下一位会员', gender: 'male', birthDate: '1988-09-09', phone: phone() } });
      expect([next.status, next.body.data.memberNo]).toEqual([200, 'HN000322']);
    });

    it('numbers the rows without a number after every kept one, in the same file', async () => {
      const file = workbook([
        headers,
        [null, '编号空甲', '男', '1988-08-08', phone()],
        ['HN000400', '编号有乙', '男', '1988-08-08', phone()],
        ['', '编号空丙', '男', '1988-08-08', phone()],
      ]);
      const response = await importFile(file, headers);
      expect([response.status, response.body.data]).toEqual([200, { successCount: 3 }]);
      expect((await named('编号有乙')).memberNo).toBe('HN000400');
      expect([(await named('编号空甲')).memberNo, (await named('编号空丙')).memberNo].sort()).toEqual([
        'HN000401',
        'HN000402',
      ]);
    });

    it('refuses a number already in the archive, repeated in the file, or of another form, naming the rows', async () => {
      const file = workbook([
        headers,
        ['HN000321', '编号重甲', '男', '1988-08-08', phone()],
        ['HN000500', '编号重乙', '男', '1988-08-08', phone()],
        ['HN000500', '编号重丙', '男', '1988-08-08', phone()],
        ['A-17', '编号错丁', '男', '1988-08-08', phone()],
      ]);
      expect(await refused(file, headers)).toBe(
        '3 行有误：第 2 行：会员编号 HN000321 已被其他会员使用；第 4 行：会员编号 HN000500 与第 3 行重复；第 5 行：会员编号“A-17”格式不对，应形如 HN000123',
      );
      const next = await admin
        .resource('members')
        .create({ values: { name: '再下一位', gender: 'male', birthDate: '1988-09-09', phone: phone() } });
      expect(next.body.data.memberNo).toBe('HN000403');
    });
  });

  it('refuses a file of more than 1 000 member rows whole (NocoBase would commit the first 1 000 alone)', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => [
      `批量${i}`,
      '女',
      '1990-01-01',
      `1350000${String(i).padStart(4, '0')}`,
    ]);
    expect(await refused(workbook([FOUR, ...rows]), FOUR)).toBe(
      '文件有 1001 行会员，一次最多导入 1000 行（这样一个文件要么全部导入，要么一行也不导入）；请拆成几个文件再导入',
    );
  });
});

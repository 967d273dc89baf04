// Partner organisations from and to Excel, as the member archive does it (docs/member-archive.md): Chinese headers and
// option labels, the header row found under a title, blank rows skipped, every bad row named by the row Excel shows and
// the field, and a file with errors imported not at all. Names, phones and places are invented.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { importColumns, importXlsx, workbook } from '@test/support/spreadsheets';
import * as XLSX from 'xlsx';

const COLUMNS = importColumns([
  ['name', '机构名称'],
  ['type', '机构类型'],
  ['industry', '行业'],
  ['headcount', '人数'],
  ['size', '规模'],
  ['relationship', '合作关系'],
  ['region', '所在地区'],
  ['address', '详细地址'],
]);
const HEADERS = COLUMNS.map((column) => column.defaultTitle);

describe('importing and exporting partner organisations', () => {
  let app: MockServer;
  let manager: any;

  appForSuite(async (booted) => {
    app = booted;
    await signInAsRoot(app);
    ({
      as: { manager },
    } = await signInStaff(app, { manager: 'manager' }));
    await app.db.getRepository('partnerOrganisations').create({ values: { name: '已登记机构', type: 'enterprise' } });
  });

  const organisations = () => app.db.getRepository('partnerOrganisations');
  const messageOf = (response: any) => response.body.errors?.[0]?.message as string;
  /** A refused file: 400, its message, and nothing of it stored. */
  async function refused(file: Buffer, locale = 'zh-CN') {
    const before = await organisations().count();
    const response = await importXlsx(manager, 'partnerOrganisations', file, COLUMNS, locale);
    expect([response.status, await organisations().count()]).toEqual([400, before]);
    expect(messageOf(response)).not.toMatch(/SQL|sqlite|syntax|violates|Import failed/i);
    return messageOf(response);
  }

  it('imports good rows under a title row, past blank rows, reading labels, regions and the size from the headcount', async () => {
    const file = workbook([
      ['合作机构登记表'],
      HEADERS,
      [
        '华信科技有限公司',
        '企业',
        '信息技术',
        1200,
        undefined,
        '长期合作',
        '北京市/市辖区/海淀区',
        ' 中关村大街 27 号 ',
      ],
      [],
      ['喜悦婚礼策划', '婚庆服务', '婚庆与婚恋', 35, '小型', '潜在', '广东省/深圳市', undefined],
      ['  ', '　', undefined, undefined, undefined, undefined, undefined, undefined],
      ['和平里社区', '社区', undefined, undefined, '中型', '已流失', undefined, undefined],
    ]);
    const response = await importXlsx(manager, 'partnerOrganisations', file, COLUMNS);
    expect([response.status, response.body.data]).toEqual([200, { successCount: 3 }]);
    const huaxin = await organisations().findOne({ filter: { name: '华信科技有限公司' }, appends: ['region'] });
    expect(huaxin.toJSON()).toMatchObject({
      type: 'enterprise',
      industry: 'it',
      headcount: 1200,
      size: 'large',
      relationship: 'longTerm',
      address: '中关村大街 27 号',
    });
    expect(
      huaxin
        .get('region')
        .map((region: any) => region.code)
        .sort(),
    ).toEqual(['11', '1101', '110108']);
    expect((await organisations().findOne({ filter: { name: '喜悦婚礼策划' } })).get('size')).toBe('small');
    expect((await organisations().findOne({ filter: { name: '和平里社区' } })).toJSON()).toMatchObject({
      size: 'medium',
      relationship: 'lost',
      headcount: null,
    });
  });

  it('names every bad row at once, as Excel numbers them, and imports nothing', async () => {
    const file = workbook([
      ['合作机构登记表'],
      HEADERS,
      ['好的一行', '企业', undefined, 10, undefined, '潜在', undefined, undefined],
      [undefined, '企业', undefined, undefined, undefined, undefined, undefined, '只有地址'],
      [],
      ['规模不符', '学校', '教育', 50, '大型', undefined, undefined, undefined],
      ['重复机构', '社区', undefined, undefined, undefined, undefined, undefined, undefined],
      ['重复机构', '社区', undefined, undefined, undefined, undefined, undefined, undefined],
      ['已登记机构', '企业', undefined, undefined, undefined, undefined, undefined, undefined],
      ['无类型', undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(await refused(file)).toBe(
      '5 行有误：第 4 行：机构名称不能为空；第 6 行：规模由人数推算：50 人为小型，不是大型（请留空，或修改人数）；' +
        '第 8 行：机构名称“重复机构”与第 7 行重复；第 9 行：机构名称“已登记机构”已登记，请打开该机构，不要重复新增；' +
        '第 10 行：机构类型不能为空',
    );
    expect(await refused(file, 'en-US')).toMatch(
      /^5 row\(s\) with errors: row 4: Organisation name is required; row 6: Size follows the headcount/,
    );
    expect(await organisations().count({ filter: { name: '好的一行' } })).toBe(0);
  });

  it('names the row and field of a label that is not an option, or a place that does not exist', async () => {
    const badType = workbook([HEADERS, ['甲机构', '企业'], ['乙机构', '银行']]);
    expect(await refused(badType)).toBe(
      '第 3 行「机构类型」：“银行”不在可选项中，可选：企业、婚庆服务、其他婚介、社区、学校；文件未导入',
    );
    const badPlace = workbook([HEADERS, ['丙机构', '企业', undefined, undefined, undefined, undefined, '火星/某市']]);
    expect(await refused(badPlace)).toBe(
      '第 2 行「所在地区」：“火星”不是可识别的地区，请按 省/市/区 用 / 分隔填写，如 广东省/深圳市/南山区；文件未导入',
    );
  });

  it('imports members naming their organisation, and names the rows whose source channel is not 合作机构', async () => {
    const columns = [
      ...importColumns([
        ['name', '姓名'],
        ['gender', '性别'],
        ['birthDate', '出生日期'],
        ['phone', '手机号'],
        ['sourceChannel', '来源渠道'],
      ]),
      { dataIndex: ['partnerOrganisation', 'name'], defaultTitle: '合作机构' },
    ];
    const headers = columns.map((column) => column.defaultTitle);
    const members = app.db.getRepository('members');
    const before = await members.count();
    const bad = workbook([
      headers,
      ['机构会员甲', '女', '1992-02-02', '13900001001', '合作机构', '华信科技有限公司'],
      ['门店会员乙', '男', '1990-03-03', '13900001002', '门店', '华信科技有限公司'],
    ]);
    const refusedMembers = await importXlsx(manager, 'members', bad, columns);
    expect([refusedMembers.status, messageOf(refusedMembers), await members.count()]).toEqual([
      400,
      '1 行有误：第 3 行：合作机构只用于来源渠道为「合作机构」的会员（该会员为「门店」）；请把来源渠道改为「合作机构」，或不填合作机构',
      before,
    ]);
    expect(messageOf(await importXlsx(manager, 'members', bad, columns, 'en-US'))).toMatch(
      /^1 row\(s\) with errors: row 3: Partner organisation is only for members whose Source channel is Partner organisation \(this one: Walk-in\)/,
    );
    const good = workbook([headers, ['机构会员甲', '女', '1992-02-02', '13900001001', '合作机构', '华信科技有限公司']]);
    const imported = await importXlsx(manager, 'members', good, columns);
    expect([imported.status, messageOf(imported)]).toEqual([200, undefined]);
    const huaxin = await organisations().findOne({ filter: { name: '华信科技有限公司' } });
    expect((await members.findOne({ filter: { name: '机构会员甲' } })).get('partnerOrganisationId')).toBe(
      huaxin.get('id'),
    );
  });

  it('exports organisations with Chinese headers and option labels', async () => {
    const response = await manager
      .post('/partnerOrganisations:export')
      .set('X-Locale', 'zh-CN')
      .buffer(true)
      .parse((res: any, callback: any) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .send({
        title: '合作机构',
        columns: COLUMNS.map((column) => ({ ...column, title: column.defaultTitle })),
      });
    expect(response.status).toBe(200);
    const book = XLSX.read(response.body, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<any[]>(book.Sheets[book.SheetNames[0]], { header: 1 });
    expect(rows[0]).toEqual(HEADERS);
    const huaxin = rows.find((row) => row[0] === '华信科技有限公司')!;
    expect(huaxin.slice(0, 7)).toEqual([
      '华信科技有限公司',
      '企业',
      '信息技术',
      1200,
      '大型',
      '长期合作',
      '北京市/市辖区/海淀区',
    ]);
    expect(rows.length - 1).toBe(await organisations().count());
  });
});

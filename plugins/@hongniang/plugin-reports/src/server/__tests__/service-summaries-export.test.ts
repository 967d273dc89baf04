// 导出: the summaries to Excel (NocoBase's export), as a matchmaker (her own members' rows only) and the manager (every
// row), with Chinese headers and option labels; the front desk is refused; an export without columns is a 400.
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';
import * as XLSX from 'xlsx';
import { M2, SummaryAgency, summaryAgency } from './summary-agency';

const COLUMNS = [
  { dataIndex: ['member', 'name'], defaultTitle: '会员' },
  { dataIndex: ['month'], defaultTitle: '月份' },
  { dataIndex: ['suggestionsMade'], defaultTitle: '推荐数' },
  { dataIndex: ['status'], defaultTitle: '状态' },
  { dataIndex: ['plan'], defaultTitle: '下月计划' },
];

describe('月度服务总结: export to Excel', () => {
  let app: MockServer;
  let agency: SummaryAgency;
  appForSuite(async (booted) => {
    app = booted;
    agency = await summaryAgency(app);
    await app.db
      .getRepository('serviceSummaries')
      .update({ filterByTk: agency.summaries.theirs, values: { plan: '王芳的计划' } });
  });
  const exported = (agent: any, body: object = { title: '月度服务总结', columns: COLUMNS, sort: ['id'] }, query = '') =>
    agent
      .post(`/serviceSummaries:export${query}`)
      .set('X-Locale', 'zh-CN')
      .buffer(true)
      .parse((res: any, callback: any) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .send(body);
  const rowsOf = (response: any) => {
    expect(response.status).toBe(200);
    const book = XLSX.read(response.body, { type: 'buffer' });
    return XLSX.utils.sheet_to_json<any[]>(book.Sheets[book.SheetNames[0]], { header: 1 });
  };

  it('exports a matchmaker’s own members’ summaries only', async () => {
    const rows = rowsOf(await exported(agency.as.lijing));
    expect(rows).toEqual([
      ['会员', '月份', '推荐数', '状态', '下月计划'],
      ['林小雨', M2, 1, '草稿'],
    ]);
    const theirs = rowsOf(await exported(agency.as.wangfang));
    expect(theirs.slice(1)).toEqual([['周明', M2, 1, '草稿', '王芳的计划']]);
  });

  it('exports every summary for the manager', async () => {
    const rows = rowsOf(await exported(agency.as.manager));
    expect(
      rows
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(['周明', '林小雨'].sort());
  });

  it('keeps a filter of hers within her reach', async () => {
    const filter = (memberId: number) => `?filter=${encodeURIComponent(JSON.stringify({ memberId }))}`;
    const theirs = await exported(agency.as.lijing, { columns: COLUMNS }, filter(agency.members.theirs));
    expect(rowsOf(theirs).slice(1)).toEqual([]);
    const hers = await exported(agency.as.lijing, { columns: COLUMNS }, filter(agency.members.hers));
    expect(
      rowsOf(hers)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['林小雨']);
  });

  it('refuses the front desk, and an export that names no columns', async () => {
    expect((await exported(agency.as.intake)).status).toBe(403);
    const bare = await agency.as.lijing.post('/serviceSummaries:export').set('X-Locale', 'en-US').send({});
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].message).toBe('An export names the columns to write (columns); none were given');
  });
});

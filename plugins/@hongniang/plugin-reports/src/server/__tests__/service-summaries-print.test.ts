// 打印: GET serviceSummaries:print answers a self-contained printable page of one summary in the caller's language, for
// whoever may view it (a matchmaker her own members' only: 404 for another's, 403 for the front desk), every stored value
// escaped (a name and a plan written as markup print as text).
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';
import { M2, SummaryAgency, summaryAgency } from './summary-agency';

const NAME = '<img src=x onerror=alert(1)>林小雨';
const PLAN = '<script>alert("计划")</script>\n第二行 & “引号” \'单引号\'';

describe('月度服务总结: the printable page', () => {
  let app: MockServer;
  let agency: SummaryAgency;
  appForSuite(async (booted) => {
    app = booted;
    agency = await summaryAgency(app, { hers: NAME, theirs: '周明' });
    await app.db
      .getRepository('serviceSummaries')
      .update({ filterByTk: agency.summaries.hers, values: { plan: PLAN } });
  });
  const print = (agent: any, id: number | string, locale = 'zh-CN') =>
    agent.get(`/serviceSummaries:print?filterByTk=${id}`).set('X-Locale', locale);

  it('prints her own member’s summary as a clean page in Chinese, every value escaped', async () => {
    const response = await print(agency.as.lijing, agency.summaries.hers);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const page: string = response.text;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<h1>月度服务总结</h1>');
    expect(page).toContain(M2);
    expect(page).toContain('<tr><th>推荐数</th><td>1</td></tr>');
    expect(page).toContain('<tr><th>发起牵线数</th><td>0</td></tr>');
    expect(page).toContain('<h2>下月计划</h2>');
    // Escaped, never markup: no tag of ours but the page's own.
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;林小雨');
    expect(page).toContain(
      '&lt;script&gt;alert(&quot;计划&quot;)&lt;/script&gt;\n第二行 &amp; “引号” &#39;单引号&#39;',
    );
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script');
    // Self-contained: nothing loaded from elsewhere.
    expect(page).not.toMatch(/<[^>]*\b(src|href)=/);
  });

  it('prints in English for an English caller', async () => {
    const response = await print(agency.as.manager, agency.summaries.hers, 'en-US');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="en-US">');
    expect(response.text).toContain('<h1>Monthly service summary</h1>');
    expect(response.text).toContain('<tr><th>Suggestions made</th><td>1</td></tr>');
    expect(response.text).toContain('<h2>Plan for next month</h2>');
    expect(response.text).toContain('Draft');
  });

  it('prints for whoever may view the summary: 404 for another’s member, 403 for the front desk, 401 signed out', async () => {
    const { as, summaries } = agency;
    expect((await print(as.manager, summaries.theirs)).status).toBe(200);
    expect((await print(as.wangfang, summaries.theirs)).status).toBe(200);
    const other = await print(as.lijing, summaries.theirs);
    expect(other.status).toBe(404);
    expect(other.body.errors[0].message).toBe(`您可查看的月度服务总结中没有编号为 ${summaries.theirs} 的记录`);
    expect(other.text).not.toContain('周明');
    const english = await print(as.lijing, summaries.theirs, 'en-US');
    expect(english.body.errors[0].message).toBe(
      `There is no monthly service summary no. ${summaries.theirs} among those you may see`,
    );
    const frontDesk = await print(as.intake, summaries.hers);
    expect(frontDesk.status).toBe(403);
    expect(frontDesk.body.errors[0].message).toBe('您无权查看月度服务总结');
    expect((await app.agent().get(`/serviceSummaries:print?filterByTk=${summaries.hers}`)).status).toBe(401);
  });

  it('refuses a request that names no summary, or not by its number, with 400', async () => {
    for (const id of ['', 'abc', '1 OR 1=1', '-1']) {
      const response = await print(agency.as.manager, encodeURIComponent(id));
      expect({ id, status: response.status }).toEqual({ id, status: 400 });
    }
    const english = await print(agency.as.manager, 'abc', 'en-US');
    expect(english.body.errors[0].message).toBe('Name the summary to print: filterByTk=<its id>');
    expect((await print(agency.as.manager, 999999)).status).toBe(404);
  });
});

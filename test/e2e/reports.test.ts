// 报表 as the agency meets it (the demo agency): 赵丽 (主管) opens 经营概览 and its charts draw from data named in Chinese;
// 李静 (红娘) opens 我的业绩 and its charts count her own months and members only. What a chart draws is read from the
// answers to the page's own charts:queryData requests (the charts paint on a canvas). 李静 then opens 月度服务总结: her
// members' summaries of last month (drafted at its close), writes a plan, prints one and marks it sent.
import { Page, Response } from 'playwright-core';
import { screenshotOnFailure, watchProblems } from '@test/support/browser';
import { fillLoaded } from '@test/support/forms';
import { apiToken, appInBrowser, callApi } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';

interface ChartAnswer {
  collection: string;
  measures: { field: string[] | string; aggregation: string; alias?: string }[];
  dimensions: { field: string[] | string; alias?: string }[];
  filter?: unknown;
  rows: Record<string, unknown>[];
}

/** Every charts:queryData the page makes from now on, with what it asked and what it got. */
function chartAnswers(page: Page) {
  const answers: ChartAnswer[] = [];
  page.on('response', async (response: Response) => {
    if (!response.url().includes('/api/charts:queryData')) return;
    const asked = response.request().postDataJSON() || {};
    const body = await response.json().catch(() => ({}));
    answers.push({ ...asked, rows: body?.data ?? [] });
  });
  return answers;
}

const fieldOf = (entry: { field: string[] | string }) =>
  Array.isArray(entry.field) ? entry.field.join('.') : entry.field;

/** The answers to charts that measure `measure` (by field) over `collection`. */
const answersFor = (answers: ChartAnswer[], collection: string, measure: string) =>
  answers.filter((answer) => answer.collection === collection && answer.measures?.some((m) => fieldOf(m) === measure));

async function waitForAnswers(page: Page, answers: ChartAnswer[], atLeast: number) {
  const deadline = Date.now() + 120000;
  while (answers.length < atLeast) {
    if (Date.now() > deadline) throw new Error(`only ${answers.length} chart queries answered, ${atLeast} expected`);
    await page.waitForTimeout(500);
  }
}

/**
 * Opens a page of 报表 from the menus, until the menu marks it as the one shown: 报表 lands on its first page, which can take over a click
 * on another page made while it is still loading.
 */
async function openPage(page: Page, title: string) {
  await page.locator('.ant-menu-submenu-title, .ant-menu-item').filter({ hasText: '报表' }).first().click();
  // The menu marks the page the address shows.
  const heading = page.locator('.ant-menu-item-selected:visible', { hasText: title });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.locator('.ant-menu-item').filter({ hasText: title }).first().click();
    const shown = await heading
      .first()
      .waitFor({ timeout: 30000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
  }
  throw new Error(`the page ${title} did not open from the menu`);
}

describe('报表: 经营概览 for the manager, 我的业绩 and 月度服务总结 for a matchmaker', () => {
  const suite = appInBrowser();

  it('赵丽 opens 经营概览: every chart draws, its categories in Chinese; 红娘绩效 ranks the matchmakers', async () => {
    const page = await suite.tab.signIn('zhaoli', PASSWORD, { width: 1600, height: 1000 });
    const problems = watchProblems(page);
    const answers = chartAnswers(page);
    await screenshotOnFailure(page, 'reports-overview', async () => {
      await openPage(page, '经营概览');
      // 会员: ten charts (members, and the agency's months for churn, no contact and members in service).
      await waitForAnswers(page, answers, 10);
      const byStatus = answers.find(
        (answer) => answer.collection === 'members' && answer.dimensions?.some((d) => fieldOf(d) === 'status'),
      );
      const statuses = (byStatus?.rows || []).map((row) => row.status);
      expect(statuses).toContain('服务中');
      expect(statuses).not.toContain('inService');
      const byGender = answers.find((answer) => answer.dimensions?.some((d) => fieldOf(d) === 'gender'));
      expect((byGender?.rows || []).map((row) => row.gender).sort()).toEqual(['女', '男']);
      // Every chart of the tab has rows, and paints them.
      for (const answer of answers) expect(answer.rows.length).toBeGreaterThan(0);
      const cards = page.locator('.ant-card:visible', { has: page.locator('canvas') });
      await cards.nth(9).waitFor({ timeout: 60000 });

      // 红娘绩效: the three matchmakers' months, and no way to write the computed records.
      await page.locator('.ant-tabs-tab').filter({ hasText: '红娘绩效' }).first().click();
      const table = page.locator('.ant-table-tbody:visible').first();
      await table.locator('.ant-table-row').first().waitFor({ timeout: 90000 });
      const text = await table.innerText();
      for (const name of ['李静', '王芳', '张敏']) expect(text).toContain(name);
      expect(
        await page
          .locator('button:visible')
          .filter({ hasText: /^\s*添\s*加\s*$/ })
          .count(),
      ).toBe(0);
      await page.waitForLoadState('networkidle');
    });
    expect(problems).toEqual([]);
  });

  it('李静 opens 我的业绩: her months and her members, never the agency’s', async () => {
    const lijing = await apiToken(suite.app, 'lijing', PASSWORD);
    const admin = await apiToken(suite.app);
    const sum = (rows: any[], field: string) => rows.reduce((total, row) => total + Number(row[field] || 0), 0);
    const hers = (await callApi(suite.app, lijing, 'matchmakerMonths:list?paginate=false')).data as any[];
    const everyone = (await callApi(suite.app, admin, 'matchmakerMonths:list?paginate=false')).data as any[];
    expect(new Set(hers.map((row) => row.matchmakerId)).size).toBe(1);
    expect(sum(everyone, 'introductionsStarted')).toBeGreaterThan(sum(hers, 'introductionsStarted'));
    // Her own members (a matchmaker lists every member at the introduction level, so counted as the admin).
    const me = (await callApi(suite.app, lijing, 'auth:check')).data;
    const herMembers = (
      await callApi(
        suite.app,
        admin,
        `members:list?pageSize=1&filter=${encodeURIComponent(JSON.stringify({ matchmakerId: me.id }))}`,
      )
    ).meta.count;

    const page = await suite.tab.signIn('lijing', PASSWORD, { width: 1600, height: 1000 });
    const problems = watchProblems(page);
    const answers = chartAnswers(page);
    await screenshotOnFailure(page, 'reports-mine', async () => {
      await openPage(page, '我的业绩');
      await waitForAnswers(page, answers, 6);
      const [introductions] = answersFor(answers, 'matchmakerMonths', 'introductionsStarted');
      // A measure is named in Chinese (the chart's legend): the alias is the figure's title.
      expect(sum(introductions.rows, '发起牵线数')).toBe(sum(hers, 'introductionsStarted'));
      const [newMembers] = answersFor(answers, 'matchmakerMonths', 'newMembers');
      expect(sum(newMembers.rows, '新会员数')).toBe(sum(hers, 'newMembers'));
      const table = page.locator('.ant-table-tbody:visible').first();
      await table.locator('.ant-table-row').first().waitFor({ timeout: 90000 });
      expect(await table.innerText()).not.toMatch(/王芳|张敏/);

      await page.locator('.ant-tabs-tab').filter({ hasText: '会员概况' }).first().click();
      await waitForAnswers(page, answers, 9);
      const [byStatus] = answersFor(answers, 'members', 'memberNo').filter((answer) =>
        answer.dimensions?.some((d) => fieldOf(d) === 'status'),
      );
      expect(sum(byStatus.rows, '会员数')).toBe(herMembers);
      await page.waitForLoadState('networkidle');
    });
    expect(problems).toEqual([]);
  });

  it('李静 opens 月度服务总结: her members’ summaries only; she writes a plan, prints the summary and marks it sent', async () => {
    const lijing = await apiToken(suite.app, 'lijing', PASSWORD);
    const me = (await callApi(suite.app, lijing, 'auth:check')).data;
    const hers = (await callApi(suite.app, lijing, 'serviceSummaries:list?paginate=false&appends[]=member'))
      .data as any[];
    // Drafted when the app closed last month (the demo agency has members in service then).
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.every((summary) => summary.member.matchmakerId === me.id)).toBe(true);
    const names = new Set(hers.map((summary) => summary.member.name));
    const plan = `下月安排两次见面（${Date.now().toString(36)}）`;

    const page = await suite.tab.signIn('lijing', PASSWORD, { width: 1600, height: 1000 });
    const problems = watchProblems(page);
    await screenshotOnFailure(page, 'reports-summaries', async () => {
      await openPage(page, '月度服务总结');
      const table = page.locator('.ant-table-tbody:visible').first();
      await table.locator('.ant-table-row').first().waitFor({ timeout: 90000 });
      const rows = await table.locator('.ant-table-row').allInnerTexts();
      for (const row of rows) expect([...names].some((name) => row.includes(name))).toBe(true);
      const row = table.locator('.ant-table-row', { hasText: '草稿' }).first();
      const rowText = await row.innerText();
      const summary = hers.find((one) => rowText.includes(one.member.name) && rowText.includes(one.month));
      expect(summary).toBeTruthy();

      // 编辑: the plan alone.
      await row.locator('text=编辑').first().click();
      const drawer = page.locator('.ant-drawer-content:visible').last();
      const planInput = drawer.locator('textarea').first();
      await planInput.waitFor({ timeout: 60000 });
      expect(await drawer.locator('textarea').count()).toBe(1);
      await fillLoaded(page, planInput, plan);
      await drawer.locator('button:has-text("提 交"), button:has-text("提交")').first().click();
      await drawer.waitFor({ state: 'hidden', timeout: 30000 });
      const saved = async () =>
        (await callApi(suite.app, lijing, `serviceSummaries:get?filterByTk=${summary.id}`)).data;
      expect((await saved()).plan).toBe(plan);

      // 打印: a page of its own with her member's name and the plan, as the member would receive it.
      const [printed] = await Promise.all([
        page.waitForEvent('popup', { timeout: 60000 }),
        row.locator('text=打印').first().click(),
      ]);
      await printed.locator('h1').waitFor({ timeout: 60000 });
      const text = await printed.locator('body').innerText();
      expect(text).toContain('月度服务总结');
      expect(text).toContain(summary.member.name);
      expect(text).toContain(plan);
      await printed.close();

      // 标记已发送: the server stamps who sent it and when.
      await row.locator('text=标记已发送').first().click();
      const confirm = page.locator(
        '.ant-popover:visible .ant-btn-primary, .ant-modal-confirm:visible .ant-btn-primary',
      );
      // NocoBase may ask first (its confirmation setting); answered when it does.
      await confirm
        .first()
        .waitFor({ timeout: 5000 })
        .then(
          () => confirm.first().click(),
          () => undefined,
        );
      for (let waited = 0; (await saved()).status !== 'sent' && waited < 30000; waited += 500)
        await page.waitForTimeout(500);
      const sent = await saved();
      expect([sent.status, sent.sentById]).toEqual(['sent', me.id]);
      await page.waitForLoadState('networkidle');
    });
    expect(problems).toEqual([]);
  });
});

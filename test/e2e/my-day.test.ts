// 我的今日's 约会与牵线 tab as 李静 meets it (the demo agency): a date of hers tomorrow is listed with its members, her
// open introductions are listed longest-waiting first, and from one she opens its two sides' answers; the front desk,
// who has neither dates nor introductions, opens the same tab without an error.
import { Page } from 'playwright-core';
import { screenshotOnFailure, watchProblems } from '@test/support/browser';
import { apiToken, appInBrowser, callApi } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';
const OPEN_STAGES = ['recommendedToA', 'recommendedToB', 'bothAgreed', 'met', 'dating'];
/** A query string as NocoBase's actions read it: arrays as repeated `key[]`, objects (filters) as JSON. */
const query = (params: Record<string, unknown>) =>
  Object.entries(params)
    .flatMap(([key, value]) =>
      Array.isArray(value)
        ? value.map((item) => `${key}[]=${encodeURIComponent(item)}`)
        : [`${key}=${encodeURIComponent(typeof value === 'object' ? JSON.stringify(value) : String(value))}`],
    )
    .join('&');

async function openTab(page: Page) {
  await page.locator('.ant-menu-submenu-title, .ant-menu-item').filter({ hasText: '回访提醒' }).first().click();
  await page.locator('.ant-menu-item').filter({ hasText: '我的今日' }).first().click();
  await page.locator('.ant-tabs-tab').filter({ hasText: '约会与牵线' }).first().click({ timeout: 90000 });
}

describe('我的今日: her dates today and tomorrow, her open introductions', () => {
  const suite = appInBrowser();
  let lijingToken: string;
  let dateTitle: string;
  // Unique per run (a kept app is reused while a test is written).
  const PLACE = `国贸咖啡${String(Date.now()).slice(-5)}`;

  beforeAll(async () => {
    lijingToken = await apiToken(suite.app, 'lijing', PASSWORD);
    // One of her introductions at 双方同意 or later gets a date tomorrow at 19:00 agency time (a free evening: the rules
    // refuse overlapping dates, so the hour moves on until one is accepted).
    const introductions = (
      await callApi(
        suite.app,
        lijingToken,
        `introductions:list?${query({ filter: { stage: { $in: ['bothAgreed', 'met', 'dating'] } }, pageSize: 50 })}`,
      )
    ).data as any[];
    expect(introductions.length).toBeGreaterThan(0);
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 86_400_000),
    );
    let created: any = null;
    for (const introduction of introductions) {
      for (const hour of [19, 15, 10]) {
        created = await callApi(suite.app, lijingToken, 'dates:create', {
          introductionId: introduction.id,
          startsAt: new Date(`${tomorrow}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString(),
          durationMinutes: 60,
          place: PLACE,
        });
        if (created?.data?.id) break;
      }
      if (created?.data?.id) break;
    }
    expect(created?.data?.id).toBeTruthy();
    dateTitle = created.data.title;
  });

  it('李静 finds tomorrow’s date and her open introductions, and opens one’s answers', async () => {
    const page = await suite.tab.signIn('lijing', PASSWORD);
    const problems = watchProblems(page);
    await screenshotOnFailure(page, 'my-day-lijing', async () => {
      await openTab(page);
      const dateRow = page.locator('.ant-table-row', { hasText: PLACE }).first();
      await dateRow.waitFor({ timeout: 90000 });
      // The row names the date's two members, as the server titled it ("甲 × 乙").
      const names = String(dateTitle).split(' × ');
      expect(names).toHaveLength(2);
      for (const name of names) expect(await dateRow.innerText()).toContain(name);

      // Her open introductions, the longest in its stage first: the first row is the server's first.
      const [first] = (
        await callApi(
          suite.app,
          lijingToken,
          `introductions:list?${query({ filter: { stage: { $in: OPEN_STAGES } }, sort: 'stageChangedAt', pageSize: 1, appends: ['memberA'] })}`,
        )
      ).data as any[];
      const block = page.locator('.ant-card', { hasText: '进行中的牵线' }).first();
      const firstRow = block.locator('.ant-table-row').first();
      await firstRow.waitFor({ timeout: 90000 });
      expect(await firstRow.innerText()).toContain(first.memberA.name);
      await firstRow.locator('text=查看 / 记录意愿').first().click();
      const drawer = page.locator('.ant-drawer-content:visible').last();
      await drawer.getByText('双方意愿').first().waitFor({ timeout: 60000 });
      await drawer.locator('button:has-text("记录意愿")').first().waitFor({ timeout: 60000 });
    });
    expect(problems).toEqual([]);
  });

  it('the front desk opens the same tab without an error (she has no dates or introductions)', async () => {
    const page = await suite.tab.signIn('chenyu', PASSWORD);
    const problems = watchProblems(page);
    await screenshotOnFailure(page, 'my-day-chenyu', async () => {
      await openTab(page);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.ant-table-row', { hasText: PLACE }).count()).toBe(0);
    });
    expect(problems).toEqual([]);
  });
});

import { Page } from 'playwright-core';
import { watchProblems } from '@test/support/browser';
import { appInBrowser, callApi } from '@test/support/running-app';
import { choose, item } from '@test/support/forms';
import { bornYearsAgo } from '@test/support/members';
import { settle } from '@test/support/page-checks';

jest.setTimeout(20 * 60 * 1000);

/**
 * Waits until the table shows a number of rows, e.g. '=== 1' or '> 1'. On a timeout the error says what the table and
 * the filter form showed (CI's log keeps only the message: stop 32 failed here with "Timeout 30000ms exceeded" alone).
 */
async function waitForRows(page: Page, condition: string) {
  // Visible rows only: antd keeps a closed drawer's tables in the page.
  const rowCount = `Array.from(document.querySelectorAll('.ant-table-tbody .ant-table-row')).filter((row) => row.offsetParent !== null).length`;
  try {
    await page.waitForFunction(`${rowCount} ${condition}`, null, { timeout: 60000 });
  } catch (error) {
    const seen = await page
      .evaluate(() => ({
        rows: Array.from(document.querySelectorAll('.ant-table-tbody .ant-table-row')).filter(
          (row) => (row as HTMLElement).offsetParent !== null,
        ).length,
        firstRows: Array.from(document.querySelectorAll('.ant-table-tbody .ant-table-row'))
          .slice(0, 3)
          .map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 80)),
        filterValues: Array.from(document.querySelectorAll('.ant-card .ant-form-item'))
          .map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
          .filter(Boolean),
        spinning: document.querySelectorAll('.ant-spin-spinning').length,
      }))
      .catch((reason) => `(the page could not be read: ${reason.message})`);
    throw new Error(
      `the table's rows never became ${condition}: ${JSON.stringify(seen)} (${(error as Error).message})`,
    );
  }
}

describe('会员管理 as a matchmaker meets it: add a member, find her, filter by age group', () => {
  const suite = appInBrowser();

  it('adds a member through the create form and finds her by name and age group', async () => {
    const page = await suite.tab.signIn(suite.app.admin.email, suite.app.admin.password, { width: 1400, height: 900 });
    const problems = watchProblems(page);
    await page.click('text=会员管理');
    await page.click('text=会员列表');
    const rows = page.locator('.ant-table-tbody .ant-table-row:visible');
    await rows.first().waitFor({ timeout: 60000 });
    expect(await rows.count()).toBe(20);

    await page.click('button:has-text("新增会员")');
    const drawer = page.locator('.ant-drawer-content:visible');
    await item(drawer, '姓名').locator('input').fill('林夕测试');
    await choose(page, drawer, '性别', '女');
    const birthDate = item(drawer, '出生日期').locator('input');
    await birthDate.click();
    await birthDate.fill(bornYearsAgo(31));
    await birthDate.press('Tab');
    await item(drawer, '手机号').locator('input').fill('13612345678');
    await drawer.locator('button[type="submit"]').first().click();
    await page.locator('.ant-message', { hasText: '保存成功' }).waitFor({ timeout: 30000 });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', timeout: 30000 });

    const filters = page
      .locator('.ant-card:visible')
      .filter({ has: page.locator('button:has-text("筛 选"), button:has-text("筛选")') })
      .first();
    // The list refreshes after the save; a form filled while it re-renders can lose the value (a rehearsal in session
    // 29 filtered with an empty name and got every row). So: the page quiet first, the value checked before filtering,
    // and filled and filtered again if the table still shows other rows.
    await settle(page);
    const nameFilter = item(filters, '姓名').locator('input');
    for (let attempt = 1; ; attempt += 1) {
      await nameFilter.fill('林夕测试');
      expect(await nameFilter.inputValue()).toBe('林夕测试');
      await filters.locator('button:has-text("筛 选"), button:has-text("筛选")').first().click();
      const found = await waitForRows(page, '=== 1').then(
        () => null,
        (error: Error) => error,
      );
      if (!found) break;
      if (attempt === 3) throw found;
      await settle(page);
    }
    const row = rows.first();
    await expect(row.innerText()).resolves.toMatch(/林夕测试[\s\S]*女[\s\S]*31[\s\S]*青年/);
    await expect(row.innerText()).resolves.toMatch(/HN\d{6}/);

    // The derived age group filters: 中年 excludes her, 青年 finds her.
    await choose(page, filters, '年龄段', '中年');
    await filters.locator('button:has-text("筛 选"), button:has-text("筛选")').first().click();
    await waitForRows(page, '=== 0');
    await choose(page, filters, '年龄段', '青年');
    await filters.locator('button:has-text("筛 选"), button:has-text("筛选")').first().click();
    await waitForRows(page, '=== 1');

    // Without the name, 老年 lists only seniors of the demo agency.
    await item(filters, '姓名').locator('input').fill('');
    await choose(page, filters, '年龄段', '老年');
    await filters.locator('button:has-text("筛 选"), button:has-text("筛选")').first().click();
    await waitForRows(page, '> 1');
    // Visible rows only (antd keeps a closed drawer's tables in the page), and the table may still show the last
    // filter's rows for a moment: waited for, then checked. A rehearsal in session 30 failed here, reading every row
    // once there were more than one (which of the two it met, the log does not say).
    const visibleRows = `Array.from(document.querySelectorAll('.ant-table-tbody .ant-table-row')).filter((row) => row.offsetParent !== null).map((row) => row.innerText)`;
    await page
      .waitForFunction(
        `(${visibleRows}).length > 1 && (${visibleRows}).every((text) => text.includes('老年') && !text.includes('青年'))`,
        null,
        { timeout: 60000 },
      )
      .catch(() => undefined);
    const groups: string[] = await page.evaluate(visibleRows);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.filter((text) => !text.includes('老年') || text.includes('青年'))).toEqual([]);

    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('keeps the pages, an admin rename and the members across a restart (npm start on the same database)', async () => {
    const api = (token: string | null, action: string, body?: unknown) => callApi(suite.app, token, action, body);
    const signInToken = async () =>
      (await api(null, 'auth:signIn', { account: suite.app.admin.email, password: suite.app.admin.password })).data
        .token;
    const pagesUnderGroup = async (token: string) => {
      const groups = (
        await api(
          token,
          `desktopRoutes:list?paginate=false&filter=${encodeURIComponent(JSON.stringify({ type: 'group', title: '会员管理' }))}`,
        )
      ).data;
      expect(groups).toHaveLength(1);
      const pages = (
        await api(
          token,
          `desktopRoutes:list?paginate=false&sort=sort&filter=${encodeURIComponent(JSON.stringify({ parentId: groups[0].id }))}`,
        )
      ).data;
      return pages.map((page: any) => page.title);
    };

    let token = await signInToken();
    expect(await pagesUnderGroup(token)).toEqual(['会员列表', '年龄段设置']);
    const [memberList] = (
      await api(
        token,
        `desktopRoutes:list?paginate=false&filter=${encodeURIComponent(JSON.stringify({ title: '会员列表' }))}`,
      )
    ).data;
    await api(token, `desktopRoutes:update?filterByTk=${memberList.id}`, { title: '我的会员' });
    const membersBefore = (await api(token, 'members:list?pageSize=1')).meta.count;

    try {
      await suite.app.restart();
      token = await signInToken();
      expect(await pagesUnderGroup(token)).toEqual(['我的会员', '年龄段设置']);
      expect((await api(token, 'members:list?pageSize=1')).meta.count).toBe(membersBefore);
    } finally {
      // The app is shared with the other browser suites: give the page its name back.
      await api(await signInToken(), `desktopRoutes:update?filterByTk=${memberList.id}`, { title: '会员列表' });
    }
  });
});

import os from 'os';
import path from 'path';
import { Page } from 'playwright-core';
import { SharedTab, watchProblems } from '@test/support/browser';
import { fillLoaded } from '@test/support/forms';
import { appInBrowser, callApi } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';

/**
 * The 会员列表 table's column titles and the text of the row of one member (found by member number in the filter form).
 * The visible filter card: a page opened before (经营概览's filter form, for the manager) stays in the document, hidden.
 */
async function memberRow(page: Page, memberNo: string) {
  const filters = page
    .locator('.ant-card:visible')
    .filter({ has: page.locator('button:has-text("筛 选"), button:has-text("筛选")') })
    .first();
  await filters.locator('.ant-form-item').filter({ hasText: '会员编号' }).first().locator('input').fill(memberNo);
  await filters.locator('button:has-text("筛 选"), button:has-text("筛选")').first().click();
  // NocoBase keeps earlier pages in the document, hidden: only the rows shown count.
  const row = page.locator('.ant-table-tbody .ant-table-row:visible', { hasText: memberNo });
  await page.waitForFunction(
    `[...document.querySelectorAll('.ant-table-tbody .ant-table-row')].filter((r) => r.offsetParent !== null).length === 1`,
    null,
    { timeout: 60000 },
  );
  await row.waitFor({ timeout: 60000 });
  return row.innerText();
}

async function openMemberList(tab: SharedTab, account: string) {
  const page = await tab.signIn(account, PASSWORD);
  const problems = watchProblems(page);
  try {
    await page.click('text=会员管理');
    await page.click('text=会员列表');
    // The page she lands on stays in the document, hidden: the list's rows are the visible ones.
    await page.locator('.ant-table-tbody .ant-table-row:visible').first().waitFor({ timeout: 60000 });
  } catch (error) {
    const file = path.join(os.tmpdir(), `hongniang-roles-${account}.png`);
    await page.screenshot({ path: file, fullPage: true });
    throw new Error(`${(error as Error).message}\n(screenshot: ${file}; page problems: ${JSON.stringify(problems)})`);
  }
  return { page, problems, columns: (await page.locator('.ant-table-thead:visible').first().innerText()).split(/\s+/) };
}

describe('what each role sees in 会员列表 (the demo agency, signed in as its staff)', () => {
  const suite = appInBrowser();
  let hers: any;
  let theirs: any;

  beforeAll(async () => {
    const token = (
      await callApi(suite.app, null, 'auth:signIn', {
        account: suite.app.admin.email,
        password: suite.app.admin.password,
      })
    ).data.token;
    const idOf = async (username: string) =>
      (await callApi(suite.app, token, `users:list?filter=${encodeURIComponent(JSON.stringify({ username }))}`)).data[0]
        .id;
    const firstOf = async (matchmakerId: number) =>
      (
        await callApi(
          suite.app,
          token,
          `members:list?pageSize=1&sort=id&filter=${encodeURIComponent(JSON.stringify({ matchmakerId, incomeBand: { $notEmpty: true }, phone: { $notEmpty: true } }))}`,
        )
      ).data[0];
    hers = await firstOf(await idOf('lijing'));
    theirs = await firstOf(await idOf('wangfang'));
    expect(hers?.phone).toBeTruthy();
    expect(theirs?.phone).toBeTruthy();
    // Each demo account signs in in her agency role and has its menus.
    const allRoutes = (await callApi(suite.app, token, 'desktopRoutes:list?paginate=false')).data;
    for (const [account, role, pages] of [
      ['lijing', 'matchmaker', ['会员列表', '推荐记录']],
      ['zhaoli', 'manager', ['会员列表', '字段隐私']],
    ] as const) {
      const session = (await callApi(suite.app, null, 'auth:signIn', { account, password: PASSWORD })).data;
      expect(session?.token).toBeTruthy();
      expect((await callApi(suite.app, session.token, 'roles:check')).data?.role).toBe(role);
      const accessible = (
        (await callApi(suite.app, session.token, 'desktopRoutes:listAccessible?paginate=false')).data || []
      ).flatMap((route: any) => [route.id, ...(route.children || []).map((child: any) => child.id)]);
      const titles = allRoutes.filter((route: any) => accessible.includes(route.id)).map((route: any) => route.title);
      expect(titles).toEqual(expect.arrayContaining([...pages]));
    }
  });

  it('the matchmaker 李静: no income column; phone of her own members only', async () => {
    const { page, problems, columns } = await openMemberList(suite.tab, 'lijing');
    expect(columns).toContain('姓名');
    expect(columns).toContain('手机号');
    expect(columns).not.toContain('年收入');
    expect(await memberRow(page, hers.memberNo)).toContain(hers.phone);
    const other = await memberRow(page, theirs.memberNo);
    expect(other).toContain(theirs.name);
    expect(other).not.toContain(theirs.phone);
    // Hidden is not blank: the row says fields are withheld, and her details name them (手机号 among them).
    expect(other).toMatch(/🔒 已隐藏 \d+ 项/);
    await page
      .locator('.ant-table-tbody .ant-table-row', { hasText: theirs.memberNo })
      .locator('text=查看')
      .first()
      .click();
    const note = page.locator('.ant-drawer-content:visible .ant-alert', { hasText: '您无权查看，并非未填写' });
    await note.waitFor({ timeout: 30000 });
    for (const title of ['手机号', '年收入', '备注']) expect(await note.innerText()).toContain(title);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('the matchmaker 李静 edits her own member in the seeded form (its sensitive fields are not hers to send)', async () => {
    const { page, problems } = await openMemberList(suite.tab, 'lijing');
    await memberRow(page, hers.memberNo);
    await page.locator('.ant-table-tbody .ant-table-row', { hasText: hers.memberNo }).locator('text=编辑').click();
    const drawer = page.locator('.ant-drawer-content:visible');
    const notes = drawer.locator('.ant-form-item').filter({ hasText: '备注' }).first().locator('textarea');
    await notes.waitFor({ timeout: 60000 });
    await fillLoaded(page, notes, '李静在浏览器里改的备注');
    await drawer.locator('button:has-text("提 交"), button:has-text("提交")').first().click();
    await drawer.waitFor({ state: 'hidden', timeout: 30000 });
    const token = (
      await callApi(suite.app, null, 'auth:signIn', {
        account: suite.app.admin.email,
        password: suite.app.admin.password,
      })
    ).data.token;
    const saved = (await callApi(suite.app, token, `members:get?filterByTk=${hers.id}`)).data;
    expect(saved.notes).toBe('李静在浏览器里改的备注');
    expect(saved.incomeBand).toBe(hers.incomeBand);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('the manager 赵丽: income column and every phone', async () => {
    const { page, problems, columns } = await openMemberList(suite.tab, 'zhaoli');
    expect(columns).toContain('手机号');
    expect(columns).toContain('年收入');
    const other = await memberRow(page, theirs.memberNo);
    expect(other).toContain(theirs.phone);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});

import fs from 'fs';
import os from 'os';
import path from 'path';
import { Locator, Page } from 'playwright-core';
import { watchProblems } from '@test/support/browser';
import { rawKeysOf, settle, trackRequests, uiProblems } from '@test/support/page-checks';
import { appInBrowser, callApi, apiToken } from '@test/support/running-app';

jest.setTimeout(30 * 60 * 1000);

const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';
// sunyue is 财务 (finance, plugin-contracts): 合同与收款 only, members by number and name.
const STAFF = ['zhaoli', 'lijing', 'wangfang', 'zhangmin', 'chenyu', 'sunyue'];
const OUR_COLLECTIONS = [
  'members',
  'partnerPreferences',
  'ageGroupBands',
  'matchSuggestions',
  'matchSettings',
  'fieldPrivacy',
  'introductions',
  'introductionConsents',
  'introductionStageChanges',
  'dates',
  'dateFeedback',
  'contactReleases',
  'followUps',
  'reminders',
  'events',
  'eventInvitations',
  'eventInterests',
  'partnerOrganisations',
  'partnerContacts',
  'partnerInteractions',
  'contracts',
  'payments',
  'complaints',
  'contractSettings',
];

/**
 * The actions that open a popup, by label: in a block's toolbar, on a table row, and inside a popup (找对象, matching's
 * dialog in the member popup; 邀请合适会员 in an event's). Never clicked here: 删除, 导出, 批量匹配 and 转为推荐, which act at once.
 */
const TOOLBAR_POPUPS = [
  '新增会员',
  '新增',
  '导入',
  '发起牵线',
  '新增活动',
  '邀请会员',
  '登记好感',
  '新增合作机构',
  '新增联系人',
  '记录往来',
  '新增合同',
  '登记收款 / 退款',
  '登记投诉 / 建议',
];
const RECORD_POPUPS = ['查看', '编辑', '处理', '回复 / 签到', '修改', '处理 / 答复'];
const INNER_POPUPS = ['找对象', '邀请合适会员'];
const POPUPS_DEEP = 2;

/** Every action title with a popup in our blueprints, so that a new popup with a new label is not silently skipped. */
function blueprintPopupLabels(): string[] {
  const labels: string[] = [];
  const visit = (node: any) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (node.popup && typeof node.title === 'string') labels.push(node.title);
    Object.values(node).forEach(visit);
  };
  const root = path.resolve(__dirname, '..', '..', 'plugins', '@hongniang');
  for (const plugin of fs.readdirSync(root)) {
    const directory = path.join(root, plugin, 'src', 'blueprints');
    if (!fs.existsSync(directory)) continue;
    for (const file of fs.readdirSync(directory).filter((name) => name.endsWith('.json')))
      visit(JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')));
  }
  return [...new Set(labels)];
}

/** A button or link label as antd renders it (two-character labels get a space: 新 增). */
const labelled = (label: string) => new RegExp(`^\\s*${[...label].join('\\s*')}\\s*$`);

/** How many drawers and dialogs are open (antd keeps closed ones in the page, hidden). */
const openPopupCount = (page: Page) =>
  page.evaluate(
    () =>
      Array.from(document.querySelectorAll('.ant-drawer-content, .ant-modal-content')).filter((popup: any) =>
        popup.checkVisibility?.(),
      ).length,
  );
const popupCountIs = (page: Page, compare: (count: number) => boolean, timeoutMs: number) =>
  (async () => {
    const deadline = Date.now() + timeoutMs;
    while (!compare(await openPopupCount(page))) {
      if (Date.now() > deadline) throw new Error(`popups: ${await openPopupCount(page)} open`);
      await page.waitForTimeout(150);
    }
  })();
const topPopup = (page: Page) => page.locator('.ant-drawer-content:visible, .ant-modal-content:visible').last();

/** Whether a pass leaves a popup out, by its path under the account (`会员列表 › 查看 › 找对象`). */
type LeaveOut = (where: string) => boolean;
/** The path of a popup or page under the account that opened it: `zhaoli › 活动 › 查看` → `活动 › 查看`. */
const underAccount = (where: string) => where.split(' › ').slice(1).join(' › ');

describe('every page in every menu, and every popup our blueprints define, as each demo account sees them', () => {
  const suite = appInBrowser();
  let adminToken: string;
  let rawKeys: Set<string>;
  const timings: string[] = [];
  const opened: string[] = [];

  /** 批量匹配 on 推荐记录 as each account's pass found it (item 9, checked after the passes). */
  const batchOffered: Record<string, { count: number; jsGlyphs: number }> = {};
  /** The accounts that may not match the member on the first row of 会员列表 (another matchmaker's, or no matching at all). */
  const mayNotMatchFirstRow = new Set<string>();
  let firstMember: any;

  beforeAll(async () => {
    adminToken = await apiToken(suite.app);
    rawKeys = rawKeysOf((await callApi(suite.app, adminToken, 'collections:listMeta')).data, OUR_COLLECTIONS);
    await saveOneSuggestion();
    [firstMember] = (await callApi(suite.app, adminToken, 'members:list?pageSize=1')).data;
    for (const account of STAFF) {
      const token = await apiToken(suite.app, account, PASSWORD);
      const answer = await callApi(suite.app, token, `members:match?filterByTk=${firstMember.id}`, {});
      if (answer.errors) mayNotMatchFirstRow.add(account);
    }
  });

  afterAll(() => {
    console.log(`every-page timings:\n${timings.join('\n')}\npopups opened (${opened.length}):\n${opened.join('\n')}`);
  });

  /** 推荐记录 has rows to open: one suggestion, saved as a matchmaker saves it from 找对象. */
  async function saveOneSuggestion() {
    const [lijing] = (
      await callApi(
        suite.app,
        adminToken,
        `users:list?filter=${encodeURIComponent(JSON.stringify({ username: 'lijing' }))}`,
      )
    ).data;
    const hers = (
      await callApi(
        suite.app,
        adminToken,
        `members:list?pageSize=20&sort=id&filter=${encodeURIComponent(JSON.stringify({ matchmakerId: lijing.id }))}`,
      )
    ).data;
    for (const member of hers) {
      const [best] = (await callApi(suite.app, adminToken, `members:match?filterByTk=${member.id}`, {})).data || [];
      if (!best) continue;
      const saved = await callApi(suite.app, adminToken, `members:match?filterByTk=${member.id}`, {
        candidateIds: [best.candidateId],
        persist: true,
      });
      if (saved.data?.[0]?.suggestionId) return;
    }
    throw new Error('no member of 李静 has a match to save as a suggestion');
  }

  /** The pages in an account's menu, as [group, page] titles in menu order. */
  async function menuOf(account: string, password: string): Promise<[string, string][]> {
    const token = await apiToken(suite.app, account, password);
    const routes =
      (await callApi(suite.app, token, 'desktopRoutes:listAccessible?paginate=false&tree=true&sort=sort')).data || [];
    return routes.flatMap((group: any) =>
      group.type === 'flowPage'
        ? [[group.title, group.title]]
        : (group.children || [])
            .filter((child: any) => child.type === 'flowPage')
            .map((child: any) => [group.title, child.title]),
    );
  }

  /** Opens a page through the menu, as a person does (the app stays loaded). */
  async function openFromMenu(page: Page, group: string, title: string) {
    const menuItem = (text: string) =>
      page
        .locator('.ant-menu-item, .ant-menu-submenu-title')
        .filter({ hasText: labelled(text) })
        .first();
    if (group !== title) await menuItem(group).click();
    await menuItem(title).click();
    await page.locator('.ant-layout-content, main').getByText(labelled(title)).first().waitFor({ timeout: 60000 });
    await settle(page);
  }

  /** Checks what is on screen now, and a screenshot for the one who reads a failure. */
  async function check(page: Page, root: Locator, where: string, found: string[]) {
    const problems = await uiProblems(page, root, rawKeys, where);
    if (problems.length) {
      const file = path.join(os.tmpdir(), `hongniang-every-page-${where.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      found.push(...problems, `${where}: (screenshot ${file})`);
    }
  }

  /**
   * Clicks an action that opens a popup, checks the popup and what it opens in turn, and closes it again; a popup
   * `leaveOut` names (by its path under the account) is not opened.
   */
  async function throughPopup(
    page: Page,
    action: Locator,
    where: string,
    found: string[],
    depth: number,
    leaveOut: LeaveOut,
  ) {
    if (leaveOut(where)) return;
    opened.push(where);
    const before = await openPopupCount(page);
    await action.click();
    try {
      await popupCountIs(page, (count) => count > before, 90000);
    } catch {
      await check(page, page.locator('body'), where, found);
      found.push(`${where}: opened no popup`);
      return;
    }
    await settle(page);
    const popup = topPopup(page);
    await check(page, popup, where, found);
    if (depth < POPUPS_DEEP) await popupsUnder(page, popup, where, found, depth + 1, leaveOut);
    await closeTopPopup(page, before);
  }

  /** Closes the popup on top as a person would: Escape, a click beside it, or its close button. */
  async function closeTopPopup(page: Page, before: number) {
    const popup = topPopup(page);
    const ways = [
      () => page.keyboard.press('Escape'),
      () =>
        page
          .locator('.ant-drawer-mask:visible, .ant-modal-wrap:visible')
          .last()
          .click({ position: { x: 5, y: 5 }, timeout: 5000 }),
      () =>
        popup
          .locator('.ant-drawer-close, .ant-modal-close')
          .or(popup.locator('button').filter({ hasText: labelled('关闭') }))
          .first()
          .click({ timeout: 5000 }),
    ];
    for (const way of ways) {
      await way().catch(() => undefined);
      if (
        await popupCountIs(page, (count) => count <= before, 5000).then(
          () => true,
          () => false,
        )
      )
        // What closing starts (a table refreshing under it) begins at once: a shorter quiet than after opening, where
        // blocks ask in turn (88 closes a run, ~40 s of CI).
        return settle(page, 90000, 300);
    }
    throw new Error(`a popup would not close (${(await popup.innerText()).replace(/\s+/g, ' ').slice(0, 120)})`);
  }

  /** Every popup reachable under a root: its blocks' toolbar actions, the first row's actions, and dialogs inside popups. */
  async function popupsUnder(
    page: Page,
    root: Locator,
    where: string,
    found: string[],
    depth: number,
    leaveOut: LeaveOut,
  ) {
    const buttons = (labels: string[], scope: Locator) =>
      labels.map(
        (label) => [label, scope.locator('button:visible, a:visible').filter({ hasText: labelled(label) })] as const,
      );
    const toolbar = depth === 0 ? TOOLBAR_POPUPS : [...TOOLBAR_POPUPS, ...INNER_POPUPS];
    for (const [label, matches] of buttons(toolbar, root)) {
      for (let i = 0; i < (await matches.count()); i++) {
        const button = matches.nth(i);
        if ((await button.locator('xpath=ancestor::tr[contains(@class, "ant-table-row")]').count()) > 0) continue;
        await throughPopup(page, button, `${where} › ${label}`, found, depth, leaveOut);
      }
    }
    const tables = root.locator('.ant-table-tbody:visible');
    for (let t = 0; t < (await tables.count()); t++) {
      const firstRow = tables.nth(t).locator('.ant-table-row').first();
      if (!(await firstRow.count())) continue;
      for (const [label, matches] of buttons(RECORD_POPUPS, firstRow)) {
        if (await matches.count())
          await throughPopup(page, matches.first(), `${where} › ${label}`, found, depth, leaveOut);
      }
    }
  }

  it('the sign-in page: the app says 红娘, offers no 注册账号 and greets no visitor with an error', async () => {
    // The suite's tab, loaded at the sign-in form (its first use).
    const page = await suite.tab.signedOut({ width: 1400, height: 900 });
    trackRequests(page);
    await settle(page);
    await page.waitForTimeout(1500);
    const text = await page.locator('body').innerText();
    expect(text).toContain('红娘');
    expect(text.replace('Powered by NocoBase', '')).not.toContain('NocoBase');
    expect(text).not.toContain('注册');
    expect(await page.title()).toContain('红娘');
    expect(await page.locator('.ant-notification-notice:visible, .ant-message-notice:visible').allInnerTexts()).toEqual(
      [],
    );
  });

  it('covers every popup our blueprints define', () => {
    expect([...TOOLBAR_POPUPS, ...RECORD_POPUPS, ...INNER_POPUPS]).toEqual(
      expect.arrayContaining(blueprintPopupLabels()),
    );
  });

  /** The member popup of the first row of 会员列表, as an account sees it. */
  async function firstMemberPopup(account: string) {
    const page = await suite.tab.signIn(account, PASSWORD);
    trackRequests(page);
    await openFromMenu(page, '会员管理', '会员列表');
    const row = page.locator('.ant-table-tbody .ant-table-row').first();
    // The rows render after the list request ends; on a loaded 2-core machine that took over 30 s (CI, session 10).
    const view = row
      .locator('button:visible, a:visible')
      .filter({ hasText: labelled('查看') })
      .first();
    await view.waitFor({ timeout: 120000 });
    await view.click({ timeout: 120000 });
    await popupCountIs(page, (count) => count > 0, 90000);
    await settle(page);
    return topPopup(page);
  }

  /** The buttons on screen with a label, and whether any shows NocoBase's JS glyph (which made them read "JS 找对象"). */
  async function offered(root: Locator, label: string) {
    const buttons = root.locator('button:visible, a:visible').filter({ hasText: labelled(label) });
    return { count: await buttons.count(), jsGlyphs: await buttons.locator('.anticon-java-script').count() };
  }

  // Issue 12 item 9: an action the account may not use is not offered (the server refuses it anyway).
  it('item 9: 找对象 is offered on a member only to an account that may match her, as 找对象 (no JS glyph)', async () => {
    const refused = [...mayNotMatchFirstRow][0];
    expect(refused).toBeTruthy();
    // Her own matchmaker (the linkage rule compares the member's matchmaker with the user) and the manager may.
    const owner = (await callApi(suite.app, adminToken, `users:get?filterByTk=${firstMember.matchmakerId}`)).data;
    expect(STAFF).toContain(owner?.username);
    const seen: Record<string, { count: number; jsGlyphs: number }> = {};
    for (const account of [refused, owner.username, 'zhaoli']) {
      seen[account] = await offered(await firstMemberPopup(account), '找对象');
    }
    expect(seen).toEqual({
      [refused]: { count: 0, jsGlyphs: 0 },
      [owner.username]: { count: 1, jsGlyphs: 0 },
      zhaoli: { count: 1, jsGlyphs: 0 },
    });
  });

  // One account per view: the manager, a matchmaker on her own member's row (lijing) and on another's (wangfang), the
  // front desk, finance. zhangmin, the third matchmaker, sees what wangfang sees; the admin (root) opens the manager's pages and
  // popups with every field, which the manager's pass covers (every field, every page): a minute and a half of CI each.
  // wangfang's pass opens 会员列表 only: its first row is another matchmaker's member (what her pass is for); every
  // other page of a matchmaker lists her own records (her data scope), as lijing's pass sees them, and re-opening them
  // as a second matchmaker cost CI about two minutes.
  const ONLY_PAGES: Record<string, string[]> = { wangfang: ['会员列表'] };
  // The manager's pass runs after lijing's and leaves out the popups lijing's opened, except on the pages where a
  // manager's popups hold more than a matchmaker's: fields 字段隐私 hides from 红娘 (会员列表), money fields (合同与收款),
  // actions only a manager has inside a popup (机构列表's contacts). Elsewhere the two see the same blocks and fields, the
  // matchmaker fewer rows (her data scope): 18 popups, about two minutes of CI (session 26). Run alone (`-t zhaoli`), her
  // pass opens every popup.
  const MANAGER_SEES_MORE = ['会员列表', '合同与收款', '机构列表'];
  const PASSES = [
    'lijing',
    'zhaoli',
    ...STAFF.filter((account) => !['lijing', 'zhaoli', 'zhangmin'].includes(account)),
  ];
  const leaveOutFor = (who: string): LeaveOut => {
    if (who !== 'zhaoli') return () => false;
    const lijings = new Set(opened.filter((where) => where.startsWith('lijing › ')).map(underAccount));
    return (where) => {
      const path = underAccount(where);
      return lijings.has(path) && !MANAGER_SEES_MORE.includes(path.split(' › ')[0]);
    };
  };
  it.each(PASSES.map((account) => [account]))(
    '%s: every page of her menu and its popups, without an error or a raw value',
    async (who) => {
      const started = Date.now();
      const [account, password] = [who, PASSWORD];
      const menu = (await menuOf(account, password)).filter(
        ([, title]) => !ONLY_PAGES[who] || ONLY_PAGES[who].includes(title),
      );
      expect(menu.length).toBeGreaterThan(0);
      const page = await suite.tab.signIn(account, password);
      trackRequests(page);
      const consoleAndHttp = watchProblems(page);
      const found: string[] = [];
      const leaveOut = leaveOutFor(who);
      for (const [group, title] of menu) {
        await openFromMenu(page, group, title);
        if (title === '推荐记录') batchOffered[who] = await offered(page.locator('body'), '批量匹配');
        await check(page, page.locator('body'), `${who} › ${title}`, found);
        await popupsUnder(page, page.locator('body'), `${who} › ${title}`, found, 0, leaveOut);
      }
      await settle(page);
      const left = opened.filter((where) => where.startsWith(`${who} › `)).length;
      timings.push(`${who}: ${menu.length} pages, ${left} popups in ${Math.round((Date.now() - started) / 1000)} s`);
      expect([...found, ...consoleAndHttp.map((problem) => `${who}: ${problem}`)]).toEqual([]);
    },
  );

  // After the passes, which open 推荐记录 as each account (no sign-in of its own: a page load is 15–20 s of CPU).
  it('item 9: 批量匹配 is offered to a manager (as 批量匹配, no JS glyph), not to a matchmaker', () => {
    expect({ zhaoli: batchOffered.zhaoli, lijing: batchOffered.lijing }).toEqual({
      zhaoli: { count: 1, jsGlyphs: 0 },
      lijing: { count: 0, jsGlyphs: 0 },
    });
  });
});

// Issue 15 as 李静 and the admin meet it (the demo agency): a reminder about her member arrives in her notifications,
// she opens 我的今日, records the follow-up from the reminder, and the reminder is closed; the admin finds the seeded
// reminder workflows in the workflow UI and opens one.
import { screenshotOnFailure, watchProblems } from '@test/support/browser';
import { appInBrowser, callApi } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';

/** 'YYYY-MM-DD' of `days` days from now in Asia/Shanghai (the demo agency's zone). */
const agencyDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));

describe('reminders as 李静 meets them, and their workflows as the admin does', () => {
  const suite = appInBrowser();
  let token: string;
  let memberId: number;
  // Unique per run (a kept app is reused while a test is written): the archive refuses a likely duplicate.
  const RUN = String(Date.now()).slice(-5);
  const NAME = `回访测试${RUN}`;

  beforeAll(async () => {
    token = (
      await callApi(suite.app, null, 'auth:signIn', {
        account: suite.app.admin.email,
        password: suite.app.admin.password,
      })
    ).data.token;
    const lijing = (
      await callApi(suite.app, token, `users:list?filter=${encodeURIComponent(JSON.stringify({ username: 'lijing' }))}`)
    ).data[0].id;
    // Her next follow-up was two days ago (due whatever the hour), entered now: the next sweep reminds her.
    const created = await callApi(suite.app, token, 'members:create', {
      name: NAME,
      gender: 'female',
      birthDate: '1995-03-08',
      phone: `139${RUN}000`.slice(0, 11),
      status: 'inService',
      matchmakerId: lijing,
      lastContactAt: new Date().toISOString(),
      nextFollowUpDate: agencyDay(-2),
    });
    memberId = created.data.id;
  });

  it('a reminder reaches her notifications; from 我的今日 she records the follow-up and the reminder closes', async () => {
    const page = await suite.tab.signIn('lijing', PASSWORD);
    const problems = watchProblems(page);
    await screenshotOnFailure(page, 'reminders-lijing', async () => {
      // The sweep runs every few seconds in this app: the message comes in while she is signed in (the bell's popup),
      // or is waiting in her inbox.
      const title = `回访到期：${NAME}`;
      await page
        .locator('.ant-notification-notice', { hasText: title })
        .first()
        .waitFor({ timeout: 120000 })
        .catch(async () => {
          await page.locator('.ant-badge').first().click();
          await page.getByText(title).first().waitFor({ timeout: 60000 });
          await page.keyboard.press('Escape');
        });
      const inbox = await callApi(
        suite.app,
        token,
        `reminders:list?filter=${encodeURIComponent(JSON.stringify({ memberId }))}`,
      );
      expect(inbox.data.map((row: any) => [row.kind, row.status])).toEqual([['followUpDue', 'open']]);

      await page.locator('.ant-menu-submenu-title, .ant-menu-item').filter({ hasText: '回访提醒' }).first().click();
      await page.locator('.ant-menu-item').filter({ hasText: '我的今日' }).first().click();
      const row = page.locator('.ant-table-row', { hasText: NAME }).first();
      await row.waitFor({ timeout: 60000 });
      await row.locator('text=记录回访').first().click();
      const drawer = page.locator('.ant-drawer-content:visible').last();
      await drawer.getByText(title).first().waitFor({ timeout: 60000 });
      await drawer.locator('button:has-text("记录回访")').first().click();
      const dialog = page.locator('.ant-modal-content:visible').last();
      await dialog.locator('textarea').first().fill('电话回访：周末有空，想见见新推荐');
      await dialog.locator('button:has-text("提交"), button:has-text("提 交")').first().click();
      await drawer.locator('.ant-table-row', { hasText: '周末有空' }).waitFor({ timeout: 60000 });
    });

    const reminders = await callApi(
      suite.app,
      token,
      `reminders:list?filter=${encodeURIComponent(JSON.stringify({ memberId }))}`,
    );
    expect(reminders.data.map((row: any) => [row.kind, row.status, row.closeReason])).toEqual([
      ['followUpDue', 'closed', 'followUp'],
    ]);
    const followUps = await callApi(
      suite.app,
      token,
      `followUps:list?filter=${encodeURIComponent(JSON.stringify({ memberId }))}`,
    );
    expect(followUps.data.map((row: any) => [row.summary, row.reminderId])).toEqual([
      ['电话回访：周末有空，想见见新推荐', reminders.data[0].id],
    ]);
    expect(problems).toEqual([]);
  });

  it('the admin finds the reminder workflows in the workflow UI and opens one', async () => {
    const page = await suite.tab.signIn(suite.app.admin.email, suite.app.admin.password);
    await screenshotOnFailure(page, 'reminders-admin', async () => {
      await page.goto(`${suite.app.url}/admin/settings/workflow`);
      for (const title of ['提醒：到期回访', '提醒：久未联系', '提醒：明日约会', '提醒：牵线停滞'])
        await page.getByText(title).first().waitFor({ timeout: 90000 });
      await page.locator('.ant-table-row', { hasText: '提醒：到期回访' }).first().locator('text=配置').click();
      // Its canvas: the collection trigger on 提醒 and the in-app message node.
      await page.getByText('站内信给接收人').first().waitFor({ timeout: 90000 });
    });
  });
});

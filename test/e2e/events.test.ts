// Issue 15 item 5 as 李静 meets it (the demo agency): she opens 活动, opens the coming salon, invites a member through
// 邀请合适会员 and records her answer 参加; the server then holds the invitation (by her, for her member) and the answer.
import { screenshotOnFailure, watchProblems } from '@test/support/browser';
import { item } from '@test/support/forms';
import { settle, trackRequests } from '@test/support/page-checks';
import { appInBrowser, callApi, apiToken } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';
const SALON = '读书观影沙龙';

describe('events (活动) as 李静 works them', () => {
  const suite = appInBrowser();
  let adminToken: string;
  let lijing: { id: number; token: string };
  let salonId: number;
  const filterQuery = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const invitationsOf = async (memberId: number) =>
    (await callApi(suite.app, adminToken, `eventInvitations:list?${filterQuery({ eventId: salonId, memberId })}`))
      .data as any[];

  beforeAll(async () => {
    adminToken = await apiToken(suite.app);
    const [user] = (await callApi(suite.app, adminToken, `users:list?${filterQuery({ username: 'lijing' })}`)).data;
    const token = await apiToken(suite.app, 'lijing', PASSWORD);
    lijing = { id: user.id, token };
    [{ id: salonId }] = (await callApi(suite.app, adminToken, `events:list?${filterQuery({ title: SALON })}`)).data;
  });

  it('from 活动 she invites a suitable member of hers to the coming salon and records that she will come', async () => {
    // Whom 邀请合适会员 will rank first for her (the same request the button sends).
    const before = (await callApi(suite.app, lijing.token, `events:suggestInvitees?filterByTk=${salonId}&limit=5`, {}))
      .data;
    expect(before.eligible).toBeGreaterThan(0);
    const first = before.invitees[0];

    const page = await suite.tab.signIn('lijing', PASSWORD);
    trackRequests(page);
    const problems = watchProblems(page);
    await screenshotOnFailure(page, 'events-lijing', async () => {
      await page.locator('.ant-menu-submenu-title, .ant-menu-item').filter({ hasText: '活动管理' }).first().click();
      await page
        .locator('.ant-menu-item')
        .filter({ hasText: /^\s*活动\s*$/ })
        .first()
        .click();
      const row = page.locator('.ant-table-row', { hasText: SALON }).first();
      await row.waitFor({ timeout: 90000 });
      // Hers to open, not to edit: the manager plans events.
      expect(
        await row
          .locator('button:visible, a:visible')
          .filter({ hasText: /^\s*编\s*辑\s*$/ })
          .count(),
      ).toBe(0);
      await row
        .locator('button:visible, a:visible')
        .filter({ hasText: /^\s*查\s*看\s*$/ })
        .first()
        .click();
      const drawer = page.locator('.ant-drawer-content:visible').last();
      await drawer.getByText('朝阳门店二楼活动室').first().waitFor({ timeout: 90000 });
      await settle(page);

      await drawer.locator('button', { hasText: '邀请合适会员' }).first().click();
      const dialog = page.locator('.ant-modal-content:visible').last();
      const candidate = dialog.locator('.ant-table-row', { hasText: first.name }).first();
      await candidate.waitFor({ timeout: 60000 });
      await candidate.locator('button', { hasText: /^\s*邀\s*请\s*$/ }).click();
      await candidate.locator('button', { hasText: '已邀请' }).waitFor({ timeout: 60000 });
      await dialog.locator('button', { hasText: /^\s*关\s*闭\s*$/ }).click();

      const invited = drawer.locator('.ant-table-row', { hasText: first.name }).first();
      await invited.waitFor({ timeout: 60000 });
      await invited.locator('button:visible, a:visible').filter({ hasText: '回复 / 签到' }).first().click();
      const form = page.locator('.ant-modal-content:visible').last();
      await item(form, '回复').locator('.ant-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^参加$/ }).click();
      await form.locator('button:has-text("提交"), button:has-text("提 交")').first().click();
      await invited.getByText(/^参加$/).waitFor({ timeout: 60000 });
    });

    const [invitation] = await invitationsOf(first.id);
    expect(invitation).toMatchObject({ memberId: first.id, invitedById: lijing.id, rsvp: 'attending' });
    expect(invitation.attended).toBeFalsy();
    // She is no longer proposed for the salon.
    const after = (await callApi(suite.app, lijing.token, `events:suggestInvitees?filterByTk=${salonId}&limit=200`, {}))
      .data;
    expect(after.invitees.map((invitee: any) => invitee.id)).not.toContain(first.id);
    expect(after.eligible).toBe(before.eligible - 1);
    expect(problems).toEqual([]);
  });
});

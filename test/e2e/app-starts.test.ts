import { watchProblems } from '@test/support/browser';
import { appInBrowser } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

describe('the app as a person meets it: npm start, then the admin in a browser', () => {
  const suite = appInBrowser();

  // One signed-in page for both checks: each page load costs Chromium 15–20 s of CPU (docs/performance.md).
  it('signs in as admin, renders the admin with no console errors, and lists our plugin enabled in the plugin manager', async () => {
    const page = await suite.tab.signIn(suite.app.admin.email, suite.app.admin.password);
    const problems = watchProblems(page);
    await page.reload();
    await page.waitForSelector('.ant-layout-header', { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);

    await page.goto(`${suite.app.url}/admin/settings/plugin-manager`);
    const card = page.locator('.ant-card', { hasText: '会员档案' });
    await card.waitFor({ timeout: 60000 });
    await expect(card.locator('.ant-switch').getAttribute('aria-checked')).resolves.toBe('true');
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});

import { Browser } from 'playwright-core';
import { launchChromium, signIn, watchProblems } from '@test/support/browser';
import { RunningApp, startApp } from '@test/support/running-app';

jest.setTimeout(10 * 60 * 1000);

describe('the app as a person meets it: npm start, then the admin in a browser', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startApp();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('signs in as admin and renders the admin with no console errors', async () => {
    const page = await browser.newPage();
    await signIn(page, app.url, app.admin.email, app.admin.password);
    const problems = watchProblems(page);
    await page.reload();
    await page.waitForSelector('.ant-layout-header', { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists our plugin enabled in the plugin manager', async () => {
    const page = await browser.newPage();
    await signIn(page, app.url, app.admin.email, app.admin.password);
    const problems = watchProblems(page);
    await page.goto(`${app.url}/admin/settings/plugin-manager`);
    const card = page.locator('.ant-card', { hasText: '会员档案' });
    await card.waitFor({ timeout: 60000 });
    await expect(card.locator('.ant-switch').getAttribute('aria-checked')).resolves.toBe('true');
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await page.close();
  });
});

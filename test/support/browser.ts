/// <reference lib="dom" />
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Browser, chromium, Page } from 'playwright-core';

/** The agency's time zone: the app's TZ in .env.example, which the browser tests' app is started with. */
export const AGENCY_TIME_ZONE = 'Asia/Shanghai';

/** The window the suites use unless they name one. */
export const VIEWPORT = { width: 1600, height: 950 };

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-sync',
  // Without V8's optimizing compiler: each page load evaluates ~25 MB of NocoBase's client once, which optimizing
  // mostly wastes; measured on 会员列表 as 李静 (every page and popup), Chromium's CPU 84 s instead of 95 s.
  '--js-flags=--no-opt',
];

/** Launches the system Chromium; a missing browser fails the run with the way to install it, never a silent skip. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install the Debian package (apt-get install chromium) ` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/** Everything a page reports as wrong: console errors, uncaught exceptions and failed requests. */
export function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return problems;
}

/**
 * A suite's one browser tab, signed in as one account after another the way a person switches: 注销 in the user menu,
 * then the sign-in form. Loading NocoBase's client costs Chromium 20–30 s of CPU (a new page, a reload or a goto
 * alike); switching accounts in a loaded tab 5–7 s, without a reload (docs/performance.md, session 19). A test that
 * needs a second window at once opens its own page.
 */
export class SharedTab {
  private page: Page | null = null;
  private signedIn = false;

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
  ) {}

  /** The tab at the sign-in form: loaded the first time, else signed out of the account in it. */
  async signedOut(viewport = VIEWPORT): Promise<Page> {
    if (!this.page) {
      // In the agency's time zone, as its staff's computers are (.env.example's TZ): "today" on a page is hers.
      this.page = await this.browser().newPage({ viewport, timezoneId: AGENCY_TIME_ZONE });
      await this.page.goto(`${this.baseUrl()}/signin`);
    } else {
      await this.page.setViewportSize(viewport);
      if (this.signedIn) await this.signOut(this.page);
    }
    this.signedIn = false;
    // The client bundle loads before the form shows: seconds on a quiet machine, well over 30 s on a loaded one.
    await this.page.locator('input[placeholder="用户名/邮箱"]').waitFor({ timeout: 120000 });
    return this.page;
  }

  /** The tab signed in as `account` (whoever was in it signed out first), at the app's start page, no popup open. */
  async signIn(account: string, password: string, viewport = VIEWPORT): Promise<Page> {
    const page = await this.signedOut(viewport);
    await submitSignIn(page, account, password);
    this.signedIn = true;
    return page;
  }

  /** Closes what is open (a confirmation first), goes to the start page, then 注销 from the user menu. */
  private async signOut(page: Page) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const confirm = page.locator('.ant-modal-confirm:visible .ant-btn-primary');
      if (await confirm.count()) await confirm.last().click();
      else if (await page.locator('.ant-drawer-content:visible, .ant-modal-content:visible').count())
        await page.keyboard.press('Escape');
      else break;
      await page.waitForTimeout(300);
    }
    // Through the router, not a reload: the next account signs in to her own start page, not the page left here.
    await routeTo(page, '/admin');
    await page.locator('header .anticon-user').last().hover();
    await page
      .locator('.ant-dropdown:visible, .ant-popover:visible')
      .getByText('注销', { exact: true })
      .click({ timeout: 30000 });
    await page.waitForURL(/\/signin/, { timeout: 60000 });
    await routeTo(page, '/signin');
  }
}

/** Moves the client's router to `path` as a link would (history and a popstate), without loading the page again. */
async function routeTo(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Fills and sends the sign-in form on screen (zh-CN), then waits for the admin. */
async function submitSignIn(page: Page, account: string, password: string) {
  await page.fill('input[placeholder="用户名/邮箱"]', account);
  await page.fill('input[type="password"]', password);
  await page.click('button:has-text("登录")');
  await page.waitForURL(/\/admin/, { timeout: 60000 });
}

/**
 * Runs `work` on `page`; when it throws, saves a full-page screenshot as `<tmp>/hongniang-<name>.png` and rethrows
 * with the file's path added to the message.
 */
export async function screenshotOnFailure<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const file = path.join(os.tmpdir(), `hongniang-${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n(screenshot: ${file})`);
  }
}

/// <reference lib="dom" />
import fs from 'fs';
import os from 'os';
import path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';

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

/** The system Chromium's path; a missing browser fails the run with the way to install it, never a silent skip. */
function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install the Debian package (apt-get install chromium) ` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return executablePath;
}

/**
 * The browser suites' Chromium profile: one folder for the whole jest run (its suites run one after another in one
 * process), removed when the process exits. Its disk cache keeps NocoBase's client and V8's compiled code between page
 * loads: a load of the sign-in page took ~9 s instead of ~13.5 s once the profile had seen it (measured on the
 * browser tests' app, session 20).
 */
const PROFILE = path.join(os.tmpdir(), `hongniang-chromium-${process.pid}`);
let profileRemoval = false;

/** Chromium on the run's profile, in the agency's time zone; cookies and storage are cleared per sign-in (SharedTab). */
export async function launchChromiumProfile(): Promise<BrowserContext> {
  if (!profileRemoval) {
    profileRemoval = true;
    process.once('exit', () => fs.rmSync(PROFILE, { recursive: true, force: true }));
  }
  return chromium.launchPersistentContext(PROFILE, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: VIEWPORT,
    timezoneId: AGENCY_TIME_ZONE,
  });
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
 * A suite's browser tab: each sign-in on a new page of the run's Chromium profile (launchChromiumProfile), the previous
 * page closed and the app's cookies and storage cleared first, so nobody is signed in from before; the cache stays.
 * Switching accounts in one loaded tab (注销, then the form: 5–7 s of Chromium CPU instead of 20–25 s for a load) was
 * tried and taken back: the previous account's pages stayed in the document, hidden (NocoBase keeps pages alive), and
 * matched the suites' row locators; and a popup left open kept the user menu from opening (docs/performance.md,
 * session 19).
 */
export class SharedTab {
  private page: Page | null = null;

  constructor(
    private readonly context: () => BrowserContext,
    private readonly baseUrl: () => string,
  ) {}

  /** A new page at the sign-in form (the previous one closed, no one signed in). */
  async signedOut(viewport = VIEWPORT): Promise<Page> {
    const context = this.context();
    // The previous page, and popups a test opened (a print window).
    for (const open of context.pages()) await open.close();
    this.page = await context.newPage();
    const cdp = await context.newCDPSession(this.page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(this.baseUrl()).origin,
      storageTypes: 'cookies,local_storage,indexeddb,service_workers,websql',
    });
    await cdp.detach();
    await this.page.setViewportSize(viewport);
    await this.page.goto(`${this.baseUrl()}/signin`);
    // The client bundle loads before the form shows: seconds on a quiet machine, well over 30 s on a loaded one.
    await this.page.locator('input[placeholder="用户名/邮箱"]').waitFor({ timeout: 120000 });
    return this.page;
  }

  /** A new page signed in as `account` through the form, at the app's start page. */
  async signIn(account: string, password: string, viewport = VIEWPORT): Promise<Page> {
    const page = await this.signedOut(viewport);
    await submitSignIn(page, account, password);
    return page;
  }
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

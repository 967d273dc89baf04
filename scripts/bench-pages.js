#!/usr/bin/env node
// `npm run bench:pages`: how long a matchmaker waits for the member list in Chromium, against the API call alone,
// in one run on one app. The app is started as `npm start` starts it (scripts/start.js: build, install with the demo
// agency), on a free port with a throwaway SQLite database; the demo matchmaker 李静 signs in and opens 会员管理 → 会员列表:
//
// - opening: navigation to the page's address → the first member row visible (the whole web client starts, as on a
//   reload or a bookmark), with what happens in between from the browser's own timings;
// - in the app: from 推荐记录, a click on 会员列表 in the menu → the first member row visible;
// - the API alone: the same members:list request the page made (same query, same session), from Node.
//
// Usage: npm run bench:pages [-- --runs 8] [-- --account lijing] [-- --url http://localhost:13000 --admin email:password]
// (--url measures an app already running instead of starting one). Prints a table; figures go to docs/performance.md
// as ratios to the API in the same run (the machine's load moves every absolute figure).
const fs = require('fs');
const { freePort, throwawayAppEnv } = require('./lib/throwaway-app');
const { median } = require('./lib/statistics');
const { waitUntilServing } = require('./lib/wait-until-serving');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', 8));
const [adminEmail, adminPassword] = (arg('admin', '') || 'admin@bench.local:bench-Admin-123').split(':');
const ADMIN = { email: adminEmail, password: adminPassword };
const ACCOUNT = arg('account', 'lijing');
const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';
const began = Date.now();
const say = (line) => process.stderr.write(`[bench:pages +${Math.round((Date.now() - began) / 1000)} s] ${line}\n`);

/** `npm start` in a temp dir of its own: build, install with the demo agency, serve. Resolves once it answers. */
async function startApp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-bench-pages-'));
  const port = await freePort();
  const env = throwawayAppEnv({ dir, port, admin: ADMIN, database: 'bench.sqlite' });
  const log = path.join(dir, 'app.log');
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stop(), process.exit(130)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing({ url, child, timeoutMs: 15 * 60 * 1000 });
  } catch (error) {
    const tail = fs.readFileSync(log, 'utf8').slice(-3000);
    stop();
    throw new Error(`the app did not start (${error.message}):\n${tail}`);
  }
  return { url, stop };
}

async function api(app, token, action, body) {
  const response = await fetch(`${app.url}/api/${action}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Authenticator': 'basic',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

const ms = (value) => (Number.isFinite(value) ? Math.round(value) : '—');

/** The flow models of a page (blocks, fields, actions, popups) and how many of them run JS code. */
async function modelCounts(app, token, schemaUid) {
  const tree = (await api(app, token, `flowSurfaces:get?pageSchemaUid=${schemaUid}`)).data?.tree;
  let models = 0;
  let js = 0;
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.use === 'string') {
      models += 1;
      if (/^JS/.test(node.use)) js += 1;
    }
    Object.values(node.subModels || {}).forEach(visit);
  };
  visit(tree);
  return { models, js };
}

/** One opening of the page by its address: the browser's timings from navigation to the first member row. */
async function openByAddress(page, address) {
  const started = Date.now();
  await page.goto(address);
  await page.locator('.ant-table-tbody .ant-table-row').first().waitFor({ timeout: 120000 });
  const total = Date.now() - started;
  const timings = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const api = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/'));
    const list = api.find((entry) => /\/api\/members:list/.test(entry.name));
    const scripts = performance.getEntriesByType('resource').filter((entry) => /\.js(\?|$)/.test(entry.name));
    return {
      domReady: navigation?.domContentLoadedEventEnd,
      firstApi: Math.min(...api.map((entry) => entry.startTime)),
      listStart: list?.startTime,
      listEnd: list?.responseEnd,
      apiRequests: api.filter((entry) => !list || entry.startTime <= list.startTime).length,
      scripts: scripts.length,
      scriptBytes: scripts.reduce((sum, entry) => sum + (entry.encodedBodySize || 0), 0),
    };
  });
  return { total, ...timings };
}

/** One move inside the app: 推荐记录 → 会员列表 through the menu, to the first member row. */
async function openThroughMenu(page) {
  await page
    .locator('.ant-menu-item, .ant-menu-submenu-title')
    .filter({ hasText: /^\s*匹配推荐\s*$/ })
    .first()
    .click();
  await page
    .locator('.ant-menu-item')
    .filter({ hasText: /^\s*推荐记录\s*$/ })
    .first()
    .click();
  await page.locator('.ant-table:visible').first().waitFor({ timeout: 120000 });
  await page.waitForTimeout(500);
  const started = Date.now();
  await page
    .locator('.ant-menu-item, .ant-menu-submenu-title')
    .filter({ hasText: /^\s*会员管理\s*$/ })
    .first()
    .click();
  await page
    .locator('.ant-menu-item')
    .filter({ hasText: /^\s*会员列表\s*$/ })
    .first()
    .click();
  await page
    .locator('.ant-table-tbody .ant-table-row:visible', { hasText: /HN\d+/ })
    .first()
    .waitFor({ timeout: 120000 });
  return Date.now() - started;
}

async function main() {
  const running = arg('url');
  if (!running) say('starting the app as npm start does (build, install with the demo agency)…');
  const app = running ? { url: running.replace(/\/$/, ''), stop: () => undefined } : await startApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const session = (await api(app, null, 'auth:signIn', { account: ACCOUNT, password: PASSWORD })).data;
    const routes = (await api(app, session.token, 'desktopRoutes:listAccessible?paginate=false&tree=true')).data || [];
    const memberList = routes
      .flatMap((route) => [route, ...(route.children || [])])
      .find((route) => route.title === '会员列表');
    if (!memberList) throw new Error(`${ACCOUNT} has no 会员列表 in her menu`);
    const address = `${app.url}/admin/${memberList.schemaUid}`;
    const adminToken = (await api(app, null, 'auth:signIn', { account: ADMIN.email, password: ADMIN.password })).data
      .token;
    const counts = await modelCounts(app, adminToken, memberList.schemaUid);

    const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    await page.goto(`${app.url}/signin`);
    await page.fill('input[placeholder="用户名/邮箱"]', ACCOUNT);
    await page.fill('input[type="password"]', PASSWORD);
    await page.click('button:has-text("登录")');
    await page.waitForURL(/\/admin/, { timeout: 60000 });
    say(
      `signed in as ${ACCOUNT}; ${RUNS} openings by address, ${RUNS} through the menu, ${RUNS * 3} API calls, interleaved`,
    );

    const openings = [];
    const moves = [];
    const alone = [];
    // The page's own members:list request, replayed as it was sent (address, session, role, language headers).
    let listRequest = null;
    page.on('request', (request) => {
      if (!listRequest && /\/api\/members:list/.test(request.url()))
        listRequest = { url: request.url(), headers: request.headers() };
    });
    const callAlone = async () => {
      const started = performance.now();
      const response = await fetch(listRequest.url, { headers: listRequest.headers });
      await response.json();
      alone.push(performance.now() - started);
    };
    await openByAddress(page, address); // warm-up: caches, the app's first compile of each model
    for (let run = 0; run < RUNS; run++) {
      openings.push(await openByAddress(page, address));
      for (let i = 0; i < 3; i++) await callAlone();
      moves.push(await openThroughMenu(page));
    }

    const api50 = median(alone);
    const row = (label, values) => ({
      measure: label,
      'p50 ms': ms(median(values)),
      'min ms': ms(Math.min(...values)),
      'max ms': ms(Math.max(...values)),
      '× API p50': (median(values) / api50).toFixed(1),
    });
    const breakdown = (key) => openings.map((opening) => opening[key]);
    console.log(
      `\nThe member list (会员列表) as ${ACCOUNT} sees it; ${RUNS} runs; ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0].toFixed(1)}`,
    );
    console.log(
      `page: ${counts.models} flow models, ${counts.js} of them JS; an opening made ${median(breakdown('apiRequests'))} API requests up to members:list, loaded ${median(breakdown('scripts'))} scripts (${Math.round(median(breakdown('scriptBytes')) / 1024)} KiB over the wire)`,
    );
    console.table([
      row('opening by address → first row', breakdown('total')),
      row('  of it: until the DOM is ready', breakdown('domReady')),
      row('  until the first API request', breakdown('firstApi')),
      row('  until members:list is sent', breakdown('listStart')),
      row(
        '  members:list answered (in the page)',
        openings.map((opening) => opening.listEnd - opening.listStart),
      ),
      row(
        '  answer → first row drawn',
        openings.map((opening) => opening.total - opening.listEnd),
      ),
      row('through the menu → first row', moves),
      row('members:list alone (same request, Node)', alone),
    ]);
    console.log(`request: ${listRequest.url.replace(app.url, '')}`);
  } finally {
    await browser.close();
    app.stop();
  }
}

main().catch((error) => {
  console.error(`[bench:pages] ${error.stack || error.message}`);
  process.exit(1);
});

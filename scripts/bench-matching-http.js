#!/usr/bin/env node
// The HTTP part of `npm run bench:matching`: members:match against a plain members:list carrying the same member's hard
// filters (the baseline, in the same run, on the same app), and the batch run (matchSuggestions:refreshAll).
// NocoBase is installed once into a throwaway SQLite database in a temp dir (no starter members); each size gets a copy,
// seeded with `seed-demo` (N demo members, seed 1; the sizes side by side), then served on a free port with the command
// and environment `npm start` uses, measured, stopped and deleted. The plugins are built once by the caller
// (bench-matching.js); this file does not build.
//
// Run alone: `node scripts/bench-matching-http.js [--http-sizes 10000,100000] [--batch-sizes 10000] [--members-queried 100]`
// (after `npm run build`). Internal: `--prepare <file>` writes the app's environment (what scripts/start.js sets up
// before serving) to <file> and exits.
const fs = require('fs');
const { freePort } = require('./lib/throwaway-app');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const root = path.resolve(__dirname, '..');
const ADMIN = { email: 'admin@bench.local', password: 'bench-Admin-123' };
const LIST_PAGE = 20;
const BATCH_TIMEOUT_MS = 180_000;
/** plugin-matching's journal overlap (OVERLAP_MS in member-pool.ts) plus a margin. */
const QUIET_AFTER_BULK_MS = 62_000;
const began = Date.now();
const say = (line) => process.stderr.write(`[bench:http +${Math.round((Date.now() - began) / 1000)} s] ${line}\n`);

// ---------------------------------------------------------------------------------------------------------------------
// The app: prepared, seeded and served in child processes, as scripts/seed-demo.js and scripts/start.js do (minus build).

/** Child mode: the configuration checks and environment of scripts/start.js, written out for the parent to spawn with. */
async function prepare(outFile) {
  process.chdir(root);
  const { loadConfig } = require('./lib/config');
  const { ensureDatabase } = require('./lib/database');
  const { applyAppEnvironment } = require('./lib/nocobase');
  const config = loadConfig();
  await ensureDatabase(config.database);
  const entry = applyAppEnvironment(config);
  fs.writeFileSync(outFile, JSON.stringify({ entry, env: process.env }));
}

/** Child processes: apps being served are in process groups of their own (a Ctrl+C of the bench does not reach them); all are killed if the bench is interrupted. */
const serving = new Set();
let workspaceDir = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const server of serving) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        server.kill('SIGKILL');
      }
    }
    if (workspaceDir) fs.rmSync(workspaceDir, { recursive: true, force: true });
    process.exit(130);
  });
}

/** Runs a command to its end, output to `logFile`; rejects with the log's tail on failure. */
function run(args, env, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', out, out] });
    serving.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      serving.delete(child);
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`"${args.map((a) => path.basename(a)).join(' ')}" exited with ${code ?? signal}; last output:\n${tail(logFile)}`));
    });
  });
}

const tail = (file, chars = 3000) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-chars) : '(no output)');

/** A temp dir holding the runs' storage, one installed empty database (the template) and each size's copy of it. */
async function createWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-bench-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(APP_|DB_|INIT_|STORAGE_PATH|HONGNIANG_|LOGGER_)/.test(key)));
  workspaceDir = dir;
  const workspace = {
    dir,
    baseEnv: {
      ...clean,
      APP_ENV_PATH: path.join(dir, '.env'),
      DB_DIALECT: 'sqlite',
      INIT_APP_LANG: 'zh-CN',
      INIT_ROOT_EMAIL: ADMIN.email,
      INIT_ROOT_PASSWORD: ADMIN.password,
      HONGNIANG_DEMO_MEMBERS: '0',
      LOGGER_LEVEL: 'warn',
    },
  };
  try {
    // Installing (page blueprints included) is the slow part and the same for every size: done once, then copied.
    const template = await prepareApp(workspace, 'template');
    const started = Date.now();
    await run([path.join(__dirname, 'lib', 'app-command.js'), 'install', '--silent'], template.env, template.logFile);
    workspace.installS = (Date.now() - started) / 1000;
    workspace.template = template;
  } catch (error) {
    removeWorkspace(workspace);
    throw error;
  }
  return workspace;
}

/** The environment scripts/start.js would serve with, for one storage directory (and its database) of the workspace. */
async function prepareApp(workspace, name) {
  const port = await freePort();
  const storage = path.join(workspace.dir, name);
  const database = path.join(storage, 'db', 'hongniang.sqlite');
  const logFile = path.join(workspace.dir, `${name}.log`);
  const envFile = path.join(workspace.dir, `${name}.env.json`);
  await run([__filename, '--prepare', envFile], { ...workspace.baseEnv, STORAGE_PATH: storage, APP_PORT: String(port), DB_STORAGE: database }, logFile);
  const { entry, env } = JSON.parse(fs.readFileSync(envFile, 'utf8'));
  return { name, entry, env, port, storage, database, url: `http://127.0.0.1:${port}`, logFile, server: null };
}

/** A copy of the installed template (storage and database) with `members` demo members (seed 1), ready to serve. */
async function seededApp(workspace, members) {
  const template = workspace.template;
  const name = `members-${members}`;
  fs.cpSync(template.storage, path.join(workspace.dir, name), { recursive: true, filter: (source) => !source.startsWith(path.dirname(template.database)) });
  const app = await prepareApp(workspace, name);
  fs.mkdirSync(path.dirname(app.database), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(template.database + suffix)) fs.copyFileSync(template.database + suffix, app.database + suffix);
  }
  const started = Date.now();
  await run([path.join(__dirname, 'lib', 'app-command.js'), 'seed-demo', '--members', String(members), '--seed', '1'], app.env, app.logFile);
  app.seedS = (Date.now() - started) / 1000;
  return app;
}

function removeApp(app) {
  fs.rmSync(app.storage, { recursive: true, force: true });
}

/** Serves the app (`start --quickstart`, as `npm start`), in a process group of its own; resolves when it answers. */
async function serve(app, timeoutMs = 5 * 60 * 1000) {
  const out = fs.openSync(app.logFile, 'a');
  const started = Date.now();
  const server = spawn(process.execPath, [app.entry, 'start', '--quickstart'], { cwd: root, env: app.env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  app.server = server;
  serving.add(server);
  server.once('exit', () => serving.delete(server));
  let exited = null;
  server.once('exit', (code, signal) => (exited = code ?? signal));
  while (Date.now() - started < timeoutMs) {
    if (exited !== null) throw new Error(`the app stopped during start-up (exit ${exited}); last output:\n${tail(app.logFile)}`);
    try {
      if ((await fetch(`${app.url}/api/__health_check`)).ok) return (Date.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the app did not answer on port ${app.port} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL of its process group after 15 s. */
async function stop(app) {
  const server = app.server;
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, sleep(15000)]);
  if (server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      server.kill('SIGKILL');
    }
    await Promise.race([exited, sleep(5000)]);
  }
}

function removeWorkspace(workspace) {
  fs.rmSync(workspace.dir, { recursive: true, force: true });
}

/** When the last "reload everyone" row (bulk write) went into the plugin's change journal, read from the SQLite file. */
function lastBulkChange(app) {
  const sqlite3 = require('sqlite3');
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(app.database, sqlite3.OPEN_READONLY, (error) => error && reject(error));
    db.get('SELECT MAX(changedAt) AS at FROM matchingChanges WHERE memberId IS NULL', (error, row) => {
      db.close();
      if (error) reject(error);
      else resolve(row?.at ? new Date(String(row.at).replace(' ', 'T').replace(' ', '')).getTime() : 0);
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------------
// HTTP

function client(baseUrl) {
  let token = null;
  const call = async (method, url, body) => {
    const headers = { 'Content-Type': 'application/json', 'X-Locale': 'zh-CN' };
    if (token) headers.Authorization = `Bearer ${token}`;
    else headers['X-Authenticator'] = 'basic';
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const ms = performance.now() - started;
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the error
    }
    if (!response.ok) {
      const error = new Error(`${method} /api/${decodeURIComponent(url)} → ${response.status}: ${text.slice(0, 1000)}`);
      error.status = response.status;
      throw error;
    }
    return { ms, json };
  };
  return {
    call,
    async signIn(account, password) {
      const { json } = await call('POST', 'auth:signIn', { account, password });
      token = json.data.token;
    },
  };
}

const query = (params) =>
  Object.entries(params)
    .flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => [`${key}[]`, item]) : [[key, typeof value === 'object' ? JSON.stringify(value) : value]]))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');

// ---------------------------------------------------------------------------------------------------------------------
// The baseline: the member's hard filters as a NocoBase filter.

function vocabulary() {
  return require('@hongniang/plugin-members/dist/server/vocabulary').vocabulary;
}

const atLeast = (list, minimum) => {
  const rank = list.findIndex((choice) => choice.value === minimum);
  return rank < 0 ? null : list.slice(rank).map((choice) => choice.value);
};
const range = (field, min, max) => [
  ...(min === null || min === undefined ? [] : [{ [field]: { $gte: min } }]),
  ...(max === null || max === undefined ? [] : [{ [field]: { $lte: max } }]),
];
const notOneOf = (field, values) => ({ $or: [{ [field]: { $notIn: values } }, { [field]: { $empty: true } }] });
/** Deepest codes only (a cascader path is stored whole), as the plugin's profiles read them. */
const deepest = (codes) => codes.filter((code) => !codes.some((other) => other !== code && other.startsWith(code))).filter((code) => code.length <= 4);

/**
 * What members:list needs to ask for the same member's candidates: opposite gender, recommendable (in service, consented,
 * not "do not recommend"), and each criterion she marked "required" (必须) that a filter can express. Her own wishes only:
 * the candidates' required criteria (the reciprocal half) have no filter form, so the baseline does less than the match.
 */
function hardFilter(member) {
  const words = vocabulary();
  const and = [
    { id: { $ne: member.id } },
    { gender: { $in: ['male', 'female'].filter((gender) => gender !== member.gender) } },
    { status: { $eq: 'inService' } },
    { recommendConsent: { $isTruly: true } },
    { doNotRecommend: { $isFalsy: true } },
  ];
  const used = [];
  const wish = member.partnerPreferences;
  if (!wish) return { filter: { $and: and }, used };
  const required = (criterion) => wish[`${criterion}Importance`] === 'required';
  const list = (value) => (Array.isArray(value) ? value : []);
  const add = (criterion, ...conditions) => {
    if (!conditions.length) return;
    and.push(...conditions);
    used.push(criterion);
  };
  if (required('age')) add('age', ...range('age', wish.ageMin, wish.ageMax));
  if (required('height')) add('height', ...range('heightCm', wish.heightMin, wish.heightMax));
  if (required('education') && wish.minEducation) add('education', { education: { $in: atLeast(words.education, wish.minEducation) } });
  if (required('income') && wish.minIncomeBand) add('income', { incomeBand: { $in: atLeast(words.incomeBand, wish.minIncomeBand) } });
  if (required('maritalStatus') && list(wish.maritalStatuses).length) add('maritalStatus', { maritalStatus: { $in: wish.maritalStatuses } });
  if (required('children') && wish.childrenAcceptable === false) add('children', notOneOf('childrenStatus', ['livesWithMember', 'livesWithOther']));
  if (required('smoking') && wish.smokingAcceptable === false) add('smoking', notOneOf('smoking', ['sometimes', 'often']));
  if (required('hobbies') && list(wish.wantedHobbies).length) add('hobbies', { hobbies: { $anyOf: wish.wantedHobbies } });
  if (required('personality') && list(wish.wantedPersonality).length) add('personality', { personality: { $anyOf: wish.wantedPersonality } });
  const regions = deepest((wish.preferredRegions || []).map((region) => String(region.code)));
  if (required('region') && regions.length) add('region', { 'currentCity.code': { $in: regions } });
  return { filter: { $and: and }, used };
}

// ---------------------------------------------------------------------------------------------------------------------
// Measurements

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const median = (values) => percentile([...values].sort((a, b) => a - b), 50);

/** members:match against members:list with her hard filters, interleaved, for `count` in-service members. */
async function benchRequests(app, size, count) {
  const http = client(app.url);
  await http.signIn(ADMIN.email, ADMIN.password);
  const inServiceList = (page) => http.call('GET', `members:list?${query({ filter: { status: 'inService' }, sort: ['id'], page, pageSize: 1, fields: ['id'] })}`);
  const match = (id) => http.call('POST', `members:match?filterByTk=${id}`, { limit: 20 });

  // The first call waits for the index the plugin starts building when the app starts (and builds it if it has not).
  const { json: listed } = await inServiceList(1);
  const first = await match(listed.data[0].id);

  // Spread over the whole archive: every (inService / count)-th member in service, by id.
  const inService = listed.meta.count;
  const step = Math.max(1, Math.floor(inService / count));
  const ids = [];
  for (let page = 0; ids.length < count && page * step < inService; page++) {
    const { json } = await inServiceList(page * step + 1);
    ids.push(...json.data.map((row) => row.id));
  }
  const plans = [];
  for (const id of ids) {
    const { json } = await http.call('GET', `members:get?${query({ filterByTk: id, appends: ['partnerPreferences', 'partnerPreferences.preferredRegions'] })}`);
    plans.push({ id, ...hardFilter(json.data) });
  }
  const list = (plan) => http.call('GET', `members:list?${query({ filter: plan.filter, pageSize: LIST_PAGE })}`);

  for (const plan of plans.slice(0, 5)) await match(plan.id), await list(plan); // warm-up, not counted

  const matchMs = [];
  const listMs = [];
  const serverMs = [];
  const found = { match: [], list: [] };
  const failures = [];
  const filtersUsed = {};
  for (const [i, plan] of plans.entries()) {
    plan.used.forEach((criterion) => (filtersUsed[criterion] = (filtersUsed[criterion] ?? 0) + 1));
    // Alternate which goes first, so neither always meets a warmer cache.
    const order = i % 2 ? ['list', 'match'] : ['match', 'list'];
    for (const kind of order) {
      try {
        if (kind === 'match') {
          const { ms, json } = await match(plan.id);
          matchMs.push(ms);
          serverMs.push(json.meta?.tookMs ?? NaN);
          found.match.push(json.data.length);
        } else {
          const { ms, json } = await list(plan);
          listMs.push(ms);
          found.list.push(json.meta?.count ?? json.data.length);
        }
      } catch (error) {
        failures.push(`${kind} for member ${plan.id}: ${error.message}`);
      }
    }
  }
  matchMs.sort((a, b) => a - b);
  listMs.sort((a, b) => a - b);
  if (!matchMs.length || !listMs.length) throw new Error(`no successful requests at ${size}:\n${failures.slice(0, 5).join('\n')}`);
  return {
    size,
    members: plans.length,
    firstMatchMs: first.ms,
    match: { p50: percentile(matchMs, 50), p95: percentile(matchMs, 95), serverP50: median(serverMs.filter(Number.isFinite)), results: median(found.match) },
    list: { p50: percentile(listMs, 50), p95: percentile(listMs, 95), matching: median(found.list) },
    filtersUsed,
    failures,
    http,
  };
}

/**
 * matchSuggestions:refreshAll to its end: the task's own doneAt − startedAt, its result, the wall time seen by the caller,
 * and the longest a status poll (a cheap GET, every 100 ms) waited for its answer: how long the run keeps the app from
 * answering anyone else. A poll whose kept-alive connection the server dropped meanwhile (ECONNRESET) is retried and counted.
 */
async function benchBatch(http) {
  const started = performance.now();
  const { json } = await http.call('POST', 'matchSuggestions:refreshAll', {});
  const taskId = json.data?.id;
  if (!taskId) throw new Error(`matchSuggestions:refreshAll answered without a task id: ${JSON.stringify(json).slice(0, 500)}`);
  let longestPollMs = 0;
  let droppedPolls = 0;
  for (;;) {
    const asked = performance.now();
    let task;
    try {
      task = (await http.call('GET', `asyncTasks:get?filterByTk=${encodeURIComponent(taskId)}`)).json.data;
    } catch (error) {
      if (error.status || ++droppedPolls > 20) throw error;
      continue;
    } finally {
      longestPollMs = Math.max(longestPollMs, performance.now() - asked);
    }
    // Task statuses: null pending, 0 running, 1 succeeded, -1 failed, -2 cancelled.
    if ([1, -1, -2].includes(task?.status)) {
      return {
        ok: task.status === 1,
        status: task.status,
        taskS: (new Date(task.doneAt) - new Date(task.startedAt)) / 1000,
        wallS: (performance.now() - started) / 1000,
        result: task.result,
        longestPollMs,
        droppedPolls,
      };
    }
    if (performance.now() - started > BATCH_TIMEOUT_MS) {
      await http.call('POST', `asyncTasks:stop?filterByTk=${encodeURIComponent(taskId)}`).catch(() => undefined);
      return { ok: false, timedOut: true, wallS: (performance.now() - started) / 1000, result: task?.progressCurrent != null ? { progress: `${task.progressCurrent}/${task.progressTotal}` } : null, longestPollMs, droppedPolls };
    }
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** The HTTP and batch figures; prints its tables and returns them. */
async function benchHttp({ sizes = [10000, 100000], batchSizes = [10000], membersQueried = 100 } = {}) {
  const requestRows = [];
  const detailRows = [];
  const batchRows = [];
  const problems = [];
  say('installing NocoBase with our plugins into a throwaway SQLite database (once; each size gets a copy)…');
  const workspace = await createWorkspace();
  say(`installed in ${workspace.installS.toFixed(0)} s; seeding ${sizes.join(' and ')} members, one copy each, side by side…`);
  try {
    // Seeded side by side (nothing is measured while seeding) and all before the first measurement, so no app is
    // measured while another seeds, and the seeding's bulk writes are long past when each app is measured.
    const seeded = await Promise.allSettled(sizes.map((size) => seededApp(workspace, size)));
    for (const [i, size] of sizes.entries()) {
      const outcome = seeded[i];
      if (outcome.status === 'rejected') {
        problems.push(`${size}: seeding failed: ${outcome.reason.message}`);
        continue;
      }
      const app = outcome.value;
      try {
        say(`${size} members: seeded in ${app.seedS.toFixed(0)} s`);
        // Seeding ends with bulk inserts, which the plugin journals as "reload everyone". While that journal row is
        // younger than the plugin's overlap window (OVERLAP_MS, 60 s, in plugin-matching's member-pool.ts) every sync reads
        // it again and (as of this writing) rebuilds the whole index, so each members:match pays a full build. The app
        // is started after that, so the figures are the steady state (with two sizes the other's run covers the wait).
        const quietIn = (await lastBulkChange(app)) + QUIET_AFTER_BULK_MS - Date.now();
        if (quietIn > 0) {
          say(`${size} members: waiting ${Math.ceil(quietIn / 1000)} s until the seeding's bulk writes are out of the plugin's journal window…`);
          await sleep(quietIn);
        }
        say(`${size} members: starting the app…`);
        const startS = await serve(app);
        say(`${size} members: serving after ${startS.toFixed(0)} s; measuring ${membersQueried} members…`);
        const figures = await benchRequests(app, size, membersQueried);
        problems.push(...figures.failures.map((failure) => `${size}: ${failure}`));
        requestRows.push({
          members: size,
          queried: figures.members,
          'match p50 ms': figures.match.p50.toFixed(1),
          'match p95 ms': figures.match.p95.toFixed(1),
          'list p50 ms': figures.list.p50.toFixed(1),
          'list p95 ms': figures.list.p95.toFixed(1),
          'match/list p50': (figures.match.p50 / figures.list.p50).toFixed(2),
          'match/list p95': (figures.match.p95 / figures.list.p95).toFixed(2),
        });
        detailRows.push({
          members: size,
          'first match (index build) ms': figures.firstMatchMs.toFixed(0),
          'tookMs p50': figures.match.serverP50?.toFixed(1),
          'results match/list': `${figures.match.results}/${figures.list.matching}`,
          'list filters used': Object.entries(figures.filtersUsed).map(([criterion, n]) => `${criterion} ${n}`).join(', '),
          'app start s': startS.toFixed(0),
        });
        say(`${size} members: required criteria turned into list filters: ${JSON.stringify(figures.filtersUsed)}`);
        if (batchSizes.includes(size)) {
          for (const run of ['first run', 're-run']) {
            say(`${size} members: batch run (${run})…`);
            const batch = await benchBatch(figures.http);
            if (!batch.ok) problems.push(`${size}: batch ${run} ${batch.timedOut ? `did not finish within ${BATCH_TIMEOUT_MS / 1000} s` : `ended with status ${batch.status}`} (${JSON.stringify(batch.result)})`);
            batchRows.push({
              members: size,
              run,
              status: batch.ok ? 'succeeded' : batch.timedOut ? 'timed out' : batch.status === -2 ? 'cancelled' : 'failed',
              'task s (doneAt − startedAt)': batch.taskS?.toFixed(1) ?? '—',
              'wall s (request → done seen)': batch.wallS.toFixed(1),
              'longest poll wait s': (batch.longestPollMs / 1000).toFixed(1),
              'polls reset': batch.droppedPolls,
              'members in service': batch.result?.members ?? '—',
              created: batch.result?.created ?? '—',
              rescored: batch.result?.rescored ?? '—',
              retired: batch.result?.retired ?? '—',
            });
          }
        }
      } catch (error) {
        problems.push(`${size}: ${error.message}\n--- app log (tail) ---\n${tail(app.logFile)}`);
      } finally {
        await stop(app);
        removeApp(app);
      }
    }
  } finally {
    removeWorkspace(workspace);
  }
  say('done');
  console.log(`\nMatching over HTTP (SQLite; ${machine()}; this part took ${Math.round((Date.now() - began) / 1000)} s)`);
  console.log('members:match (body {"limit":20}) against members:list?pageSize=20 with the same member\'s hard filters; interleaved, same app, same run');
  if (requestRows.length) console.table(requestRows);
  if (detailRows.length) {
    console.log('Details: the first members:match after start (index build on first call: it waits for the build the plugin starts at start-up), the server\'s own tookMs (meta), median results (match rows / list count), the required criteria the list could express (members queried having each)');
    console.table(detailRows);
  }
  if (batchRows.length) {
    console.log('Batch run: matchSuggestions:refreshAll as an async task, run twice on the same database; "longest poll wait": the longest a GET asyncTasks:get (every 100 ms) waited for its answer during the run');
    console.table(batchRows);
  }
  if (problems.length) {
    console.log('Problems:');
    for (const problem of problems) console.log(`- ${problem}`);
  }
  return { requestRows, batchRows, problems };
}

function parseArguments(argv) {
  const options = { sizes: [10000, 100000], batchSizes: [10000], membersQueried: 100 };
  const numbers = (value = '') => {
    const list = value.split(',').filter(Boolean).map(Number);
    if (!list.every((n) => Number.isSafeInteger(n) && n > 0)) throw new Error(`expected whole numbers separated by commas, got "${value}"`);
    return list;
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--http-sizes') options.sizes = numbers(value), i++;
    else if (argv[i] === '--batch-sizes') options.batchSizes = numbers(value), i++;
    else if (argv[i] === '--members-queried') options.membersQueried = numbers(value)[0], i++;
  }
  return options;
}

module.exports = { benchHttp, parseArguments, machine, hardFilter, prepareApp, createWorkspace, seededApp, serve, stop, client, removeWorkspace, removeApp };

if (require.main === module) {
  if (process.argv[2] === '--prepare') {
    prepare(process.argv[3]).catch((error) => {
      console.error(`[bench:http] ${error.message}`);
      process.exit(1);
    });
  } else {
    benchHttp(parseArguments(process.argv.slice(2))).then(
      ({ problems }) => process.exit(problems.length ? 1 : 0),
      (error) => {
        console.error(`[bench:http] ${error.stack}`);
        process.exit(1);
      },
    );
  }
}

// Throwaway NocoBase apps for the HTTP benchmark, all in one temp folder (the workspace): an installation made once with
// our plugins and no demo members (the template), copies of it, each prepared with the environment `npm start` serves
// with, served on a free port, stopped and removed.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, throwawayAppEnv } = require('../lib/throwaway-app');
const { waitUntilServing } = require('../lib/wait-until-serving');
const { removeOnInterrupt, runToEnd, startInOwnGroup, stopGroup } = require('./processes');

/** The administrator every throwaway app is installed with. */
const ADMIN = { email: 'admin@bench.local', password: 'bench-Admin-123' };
const APP_COMMAND = path.join(__dirname, '..', 'lib', 'app-command.js');
const PREPARE = path.join(__dirname, 'prepare-app.js');

/**
 * Makes the workspace (a new folder under the OS temp dir, removed if the benchmark is interrupted) and installs the
 * template app in it. Resolves to { dir, template, installS } (installS: seconds the install took). On failure the
 * folder is removed and the install's error (with its log's tail) is thrown.
 */
async function createWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-bench-'));
  removeOnInterrupt(dir);
  const workspace = { dir };
  try {
    fs.mkdirSync(path.join(dir, 'template'));
    const template = await prepareApp(workspace, 'template');
    const started = Date.now();
    // Installing (page blueprints included) is the slow part and the same for every size: done once, then copied.
    await runToEnd([APP_COMMAND, 'install', '--silent'], template.env, template.logFile);
    workspace.installS = (Date.now() - started) / 1000;
    workspace.template = template;
  } catch (error) {
    removeWorkspace(workspace);
    throw error;
  }
  return workspace;
}

/**
 * The app in the existing folder `<workspace>/<name>` (settings file, storage, SQLite database), on a free port, with the
 * environment scripts/start.js would serve it with (worked out in a child process, as start.js does it). Returns
 * { name, dir, entry, env, port, url, database, logFile, server: null }; the app's output goes to `<workspace>/<name>.log`.
 */
async function prepareApp(workspace, name) {
  const dir = path.join(workspace.dir, name);
  const port = await freePort();
  const database = 'hongniang.sqlite';
  const logFile = path.join(workspace.dir, `${name}.log`);
  const envFile = path.join(workspace.dir, `${name}.env.json`);
  const settings = { ...throwawayAppEnv({ dir, port, admin: ADMIN, database }), HONGNIANG_DEMO_MEMBERS: '0' };
  await runToEnd([PREPARE, envFile], settings, logFile);
  const { entry, env } = JSON.parse(fs.readFileSync(envFile, 'utf8'));
  return {
    name,
    dir,
    entry,
    env,
    port,
    url: `http://127.0.0.1:${port}`,
    database: env.DB_STORAGE,
    logFile,
    server: null,
  };
}

/** A copy of the template (settings file, storage and SQLite database with its -wal/-shm files) as the app `name`. */
async function copyOfTemplate(workspace, name) {
  const template = workspace.template;
  const databaseDir = path.dirname(template.database);
  const dir = path.join(workspace.dir, name);
  fs.cpSync(template.dir, dir, { recursive: true, filter: (source) => !source.startsWith(databaseDir) });
  const app = await prepareApp(workspace, name);
  fs.mkdirSync(path.dirname(app.database), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(template.database + suffix)) fs.copyFileSync(template.database + suffix, app.database + suffix);
  }
  return app;
}

/** Runs one of our NocoBase commands (`args`, e.g. ['seed-demo', '--members', '100']) on the app, to its end. */
function runAppCommand(app, args) {
  return runToEnd([APP_COMMAND, ...args], app.env, app.logFile);
}

/**
 * Serves the app (`start --quickstart`, as `npm start`) in a process group of its own, kept in `app.server`. Resolves to
 * the seconds until it answered; rejects if it stops or does not answer within `timeoutMs` (default 5 minutes).
 */
async function serve(app, timeoutMs = 5 * 60 * 1000) {
  app.server = startInOwnGroup([app.entry, 'start', '--quickstart'], app.env, app.logFile);
  return waitUntilServing({ url: app.url, child: app.server, timeoutMs, intervalMs: 250 });
}

/** Stops the app's server, if it runs: SIGTERM, then SIGKILL of its process group after 15 s. */
function stopApp(app) {
  return stopGroup(app.server);
}

/** Deletes the app's folder (settings, storage, database); its log stays in the workspace. */
function removeApp(app) {
  fs.rmSync(app.dir, { recursive: true, force: true });
}

/** Deletes the whole workspace: every app's folder and log. */
function removeWorkspace(workspace) {
  fs.rmSync(workspace.dir, { recursive: true, force: true });
}

module.exports = { ADMIN, createWorkspace, copyOfTemplate, runAppCommand, serve, stopApp, removeApp, removeWorkspace };

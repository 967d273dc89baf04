// The browser tests' app, started early: `npm test` launches it (what `npm start` runs, on a throwaway SQLite
// installation) before the server suites, so that its installation — minutes of page blueprints — overlaps them instead
// of following them. The browser project's global set-up (test/setup/e2e-app.ts) then waits for it and uses it, or
// starts its own when this one failed. Node built-ins only.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { freePort, throwawayAppEnv } = require('./throwaway-app');

/** The environment variable naming the state file of an app started early (read by test/setup/e2e-app.ts). */
const HEAD_START = 'HONGNIANG_E2E_HEAD_START';
/** The admin of the browser tests' app (test/support/running-app.ts uses the same). */
const E2E_ADMIN = { email: 'admin@hongniang.local', password: 'e2e-Admin-123' };

/**
 * Spawns `scripts/start.js` on a fresh folder and port, without building again (`npm test` just built), its output in
 * the folder's app.log, and writes the state file the browser tests read ({ url, admin, dir, env, pid, log, timeoutMs }).
 * Returns the state file's path at once; the app goes on installing in the background.
 */
async function startE2eAppEarly(root, timeoutMs = 25 * 60 * 1000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-e2e-'));
  const port = await freePort();
  const env = {
    ...throwawayAppEnv({ dir, port, admin: E2E_ADMIN, database: 'e2e.sqlite' }),
    HONGNIANG_SKIP_BUILD: '1',
  };
  const log = path.join(dir, 'app.log');
  const out = fs.openSync(log, 'w');
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.unref();
  const stateFile = path.join(dir, 'app.json');
  const state = { url: `http://127.0.0.1:${port}`, admin: E2E_ADMIN, dir, env, pid: child.pid, log, timeoutMs };
  fs.writeFileSync(stateFile, JSON.stringify(state));
  return stateFile;
}

/** Stops an app started early and removes its folder (when the browser tests did not run to take it over). */
function stopE2eAppEarly(stateFile) {
  if (!stateFile || !fs.existsSync(stateFile)) return;
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  fs.rmSync(state.dir, { recursive: true, force: true });
}

module.exports = { HEAD_START, E2E_ADMIN, startE2eAppEarly, stopE2eAppEarly };

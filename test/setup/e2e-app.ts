// The browser project's global set-up and tear-down: one `npm start` for every browser suite (installing with every page
// blueprint takes minutes; one app per suite made the browser phase half of CI). Suites find it through SHARED_APP_STATE.
// `npm test` starts that app early, beside the server suites (scripts/lib/e2e-head-start.js): then it is waited for and
// taken over here; if it failed, or without `npm test`, an app is started here.
import fs from 'fs';
import { SHARED_APP_STATE, startApp, stopApp } from '../support/running-app';

const HEAD_START = 'HONGNIANG_E2E_HEAD_START';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The early-started app's state file once it serves; null (and the reason printed) when it stopped or never did. */
async function earlyApp(): Promise<string | null> {
  const stateFile = process.env[HEAD_START];
  if (!stateFile || !fs.existsSync(stateFile)) return null;
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  const deadline = Date.now() + state.timeoutMs;
  for (;;) {
    const log = fs.existsSync(state.log) ? fs.readFileSync(state.log, 'utf8') : '';
    if (log.includes('is running at')) return stateFile;
    if (!alive(state.pid) || Date.now() > deadline) {
      console.log(`\n[e2e] the app started early did not come up; starting another. Its output:\n${log.slice(-3000)}`);
      await stopApp(stateFile);
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function setup() {
  const started = Date.now();
  const early = await earlyApp();
  if (early) {
    process.env[SHARED_APP_STATE] = early;
    console.log(
      `\n[e2e] the app started early by npm test is serving (waited ${Math.round((Date.now() - started) / 1000)} s)`,
    );
    return;
  }
  const app = await startApp();
  process.env[SHARED_APP_STATE] = app.stateFile;
  console.log(`\n[e2e] the shared app started at ${app.url} in ${Math.round((Date.now() - started) / 1000)} s`);
}

export async function teardown() {
  const stateFile = process.env[SHARED_APP_STATE];
  if (stateFile) await stopApp(stateFile);
}

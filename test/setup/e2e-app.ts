// The browser project's global set-up and tear-down: one `npm start` for every browser suite (installing with every page
// blueprint takes minutes; one app per suite made the browser phase half of CI). Suites find it through SHARED_APP_STATE.
// `npm test` starts that app early, beside the server suites (scripts/lib/e2e-head-start.js): then it is waited for and
// taken over here; if it failed, or without `npm test`, an app is started here.
import fs from 'fs';
import { SHARED_APP_STATE, startApp, stopApp } from '../support/running-app';

const HEAD_START = 'HONGNIANG_E2E_HEAD_START';

/** Whether the process runs: an exited child its parent has not reaped yet (a zombie) answers signals, so it is read. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true; // no /proc: the signal's answer stands
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
    // `npm start` says so when it gives up (scripts/start.js); npm test, busy running jest, has not reaped it yet.
    if (log.includes('[hongniang] start failed') || !alive(state.pid) || Date.now() > deadline) {
      console.log(`\n[e2e] the app started early did not come up; starting another. Its output:\n${log.slice(-3000)}`);
      await stopApp(stateFile);
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Waits for the reminders' first sweep of the app (the demo agency's reminders, one at a time with their workflows):
 * `reminders:sweep` answers once the running sweep is done. On SQLite a request writing beside that burst failed with
 * SQLITE_BUSY (see docs/reminders.md), so the suites start after it.
 */
async function remindersSwept(stateFile: string) {
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  const call = async (action: string, body: unknown, token?: string) => {
    const response = await fetch(`${state.url}/api/${action}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : { 'X-Authenticator': 'basic' }),
      },
      body: JSON.stringify(body),
    });
    return response.json();
  };
  const began = Date.now();
  const signedIn = await call('auth:signIn', { account: state.admin.email, password: state.admin.password });
  const swept = await call('reminders:sweep', {}, signedIn?.data?.token);
  console.log(
    `[e2e] the reminders' first sweep done (${Math.round((Date.now() - began) / 1000)} s): ${JSON.stringify(swept?.data ?? swept)}`,
  );
}

export async function setup() {
  const started = Date.now();
  const early = await earlyApp();
  if (early) {
    process.env[SHARED_APP_STATE] = early;
    console.log(
      `\n[e2e] the app started early by npm test is serving (waited ${Math.round((Date.now() - started) / 1000)} s)`,
    );
    await remindersSwept(early);
    return;
  }
  const app = await startApp();
  process.env[SHARED_APP_STATE] = app.stateFile;
  console.log(`\n[e2e] the shared app started at ${app.url} in ${Math.round((Date.now() - started) / 1000)} s`);
  await remindersSwept(app.stateFile);
}

/** Stops the shared app; with HONGNIANG_E2E_KEEP_APP=1 (working on a browser test) leaves it serving for the next run. */
export async function teardown() {
  const stateFile = process.env[SHARED_APP_STATE];
  if (stateFile && process.env.HONGNIANG_E2E_KEEP_APP === '1') {
    console.log(`\n[e2e] the app is left serving: run again with ${HEAD_START}=${stateFile}`);
    return;
  }
  if (stateFile) await stopApp(stateFile);
}

// The browser project's global set-up and tear-down: one `npm start` for every browser suite (installing with every page
// blueprint takes minutes; one app per suite made the browser phase half of CI). Suites find it through SHARED_APP_STATE.
import { SHARED_APP_STATE, startApp, stopApp } from '../support/running-app';

export async function setup() {
  const started = Date.now();
  const app = await startApp();
  process.env[SHARED_APP_STATE] = app.stateFile;
  console.log(`\n[e2e] the shared app started at ${app.url} in ${Math.round((Date.now() - started) / 1000)} s`);
}

export async function teardown() {
  const stateFile = process.env[SHARED_APP_STATE];
  if (stateFile) await stopApp(stateFile);
}

import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { BrowserContext } from 'playwright-core';
import { freePort, throwawayAppEnv } from '../../scripts/lib/throwaway-app';
import { launchChromiumProfile, SharedTab } from './browser';

const root = path.resolve(__dirname, '..', '..');

/** Where the browser project's global set-up leaves the shared app's description for the suites (see e2e-app.ts). */
export const SHARED_APP_STATE = 'HONGNIANG_E2E_APP_STATE';

export interface RunningApp {
  url: string;
  admin: { email: string; password: string };
  /** Stops and starts `npm start` again on the same database, as a person restarting the app does. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What is needed to find, restart and stop an app started by `startApp`, kept in a JSON file so that the jest
 * global set-up, the suites and the global tear-down (separate module registries) all reach the same process.
 */
interface AppState {
  url: string;
  admin: { email: string; password: string };
  dir: string;
  env: Record<string, string>;
  pid: number;
  log: string;
  timeoutMs: number;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM, up to 15 s to exit, then SIGKILL. */
async function halt(pid: number) {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 15000;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Runs `scripts/start.js` (what `npm start` runs) with the state's environment, its output going to the state's log file,
 * and waits until it prints that it is running. Returns the new process id.
 */
async function launch(state: AppState): Promise<number> {
  const out = fs.openSync(state.log, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], {
      cwd: root,
      env: state.env,
      stdio: ['ignore', out, out],
    });
  } finally {
    fs.closeSync(out);
  }
  const deadline = Date.now() + state.timeoutMs;
  for (;;) {
    const log = fs.readFileSync(state.log, 'utf8');
    if (log.includes('is running at')) return child.pid!;
    if (child.exitCode !== null || Date.now() > deadline) {
      await halt(child.pid!);
      throw new Error(`the app did not start (exit ${child.exitCode}); last output:\n${log.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function appOf(stateFile: string, state: AppState, owned: boolean): RunningApp {
  const save = () => fs.writeFileSync(stateFile, JSON.stringify(state));
  return {
    url: state.url,
    admin: state.admin,
    restart: async () => {
      await halt(state.pid);
      state.pid = await launch(state);
      save();
    },
    stop: async () => {
      if (!owned) return; // the shared app is stopped by the global tear-down
      await halt(state.pid);
      fs.rmSync(state.dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the whole app through `npm start`'s own script, on a free port with a throwaway SQLite database and storage,
 * so browser tests meet exactly what a person starting the project meets. Installing with every page blueprint takes
 * about 3.5 minutes on a quiet 2-core machine and over 8 under load, hence the default limit of 15 minutes.
 */
export async function startApp(timeoutMs = 15 * 60 * 1000): Promise<RunningApp & { stateFile: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-e2e-'));
  const port: number = await freePort();
  const admin = { email: 'admin@hongniang.local', password: 'e2e-Admin-123' };
  const env: Record<string, string> = throwawayAppEnv({ dir, port, admin, database: 'e2e.sqlite' });
  const state: AppState = {
    url: `http://127.0.0.1:${port}`,
    admin,
    dir,
    env,
    pid: 0,
    log: path.join(dir, 'app.log'),
    timeoutMs,
  };
  const stateFile = path.join(dir, 'app.json');
  try {
    state.pid = await launch(state);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  fs.writeFileSync(stateFile, JSON.stringify(state));
  return { ...appOf(stateFile, state, true), stateFile };
}

/** The app the browser project's global set-up started (one for every browser suite), or null outside that project. */
export function sharedApp(): RunningApp | null {
  const stateFile = process.env[SHARED_APP_STATE];
  if (!stateFile || !fs.existsSync(stateFile)) return null;
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as AppState;
  return appOf(stateFile, state, false);
}

/** Stops the app described by a state file and removes its folder (database, storage, log). */
export async function stopApp(stateFile: string) {
  if (!fs.existsSync(stateFile)) return;
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as AppState;
  await halt(state.pid);
  fs.rmSync(state.dir, { recursive: true, force: true });
}

/**
 * The app, one Chromium and its tab (`tab`: sign in with it) for a browser suite. The app is the one shared by every browser suite when the e2e project's
 * global set-up started it (npm test), else one of its own, started before the suite's tests and stopped after them.
 */
export function appInBrowser(): { app: RunningApp; browser: BrowserContext; tab: SharedTab } {
  const suite = {} as { app: RunningApp; browser: BrowserContext; tab: SharedTab };
  suite.tab = new SharedTab(
    () => suite.browser,
    () => suite.app.url,
  );
  beforeAll(async () => {
    suite.browser = await launchChromiumProfile();
    suite.app = sharedApp() ?? (await startApp());
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}

/** Calls the app's HTTP API as a client would (GET without a body, POST with one), with any `headers` added. */
export async function callApi(
  app: RunningApp,
  token: string | null,
  action: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${app.url}/api/${action}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Authenticator': 'basic',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as any;
}

/**
 * A token of `account` signed in over the API (basic sign-in), the app's admin when no account is named. Throws with
 * the app's answer when the sign-in is refused.
 */
export async function apiToken(app: RunningApp, account?: string, password?: string): Promise<string> {
  const answer = await callApi(app, null, 'auth:signIn', {
    account: account ?? app.admin.email,
    password: account ? password : app.admin.password,
  });
  if (!answer?.data?.token)
    throw new Error(`sign-in of ${account ?? app.admin.email} refused: ${JSON.stringify(answer)}`);
  return answer.data.token;
}

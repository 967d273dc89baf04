import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { Browser } from 'playwright-core';
import { launchChromium } from './browser';

const root = path.resolve(__dirname, '..', '..');

export interface RunningApp {
  url: string;
  admin: { email: string; password: string };
  /** Stops and starts `npm start` again on the same database, as a person restarting the app does. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the whole app through `npm start`'s own script, on a free port with a throwaway SQLite database and storage,
 * so browser tests meet exactly what a person starting the project meets.
 */
export async function startApp(timeoutMs = 15 * 60 * 1000): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-e2e-'));
  const port = await freePort();
  const admin = { email: 'admin@hongniang.local', password: 'e2e-Admin-123' };
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(APP_|DB_|INIT_|STORAGE_PATH)/.test(key)));
  const env = {
    ...clean,
    APP_ENV_PATH: path.join(dir, '.env'),
    STORAGE_PATH: path.join(dir, 'storage'),
    APP_PORT: String(port),
    DB_DIALECT: 'sqlite',
    DB_STORAGE: path.join(dir, 'storage', 'db', 'e2e.sqlite'),
    INIT_APP_LANG: 'zh-CN',
    INIT_ROOT_EMAIL: admin.email,
    INIT_ROOT_PASSWORD: admin.password,
    LOGGER_LEVEL: 'warn',
  };
  let child: ChildProcess;
  let log = '';

  const halt = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  };
  const stop = async () => {
    await halt();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const launch = async () => {
    log = '';
    child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20000));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + timeoutMs;
    while (!log.includes('is running at')) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`the app did not start (exit ${child.exitCode}); last output:\n${log.slice(-4000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  await launch();
  const restart = async () => {
    await halt();
    await launch();
  };
  return { url: `http://127.0.0.1:${port}`, admin, restart, stop };
}

/** One app (npm start) and one Chromium for a browser suite: started before its tests, stopped after them. */
export function appInBrowser(): { app: RunningApp; browser: Browser } {
  const suite = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    suite.browser = await launchChromium();
    suite.app = await startApp();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}

/** Calls the app's HTTP API as a client would (GET without a body, POST with one). */
export async function callApi(app: RunningApp, token: string | null, action: string, body?: unknown) {
  const response = await fetch(`${app.url}/api/${action}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as any;
}

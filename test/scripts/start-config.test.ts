import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** Runs `npm start`'s script against a throwaway env file and returns what a person would see. */
function start(envFile: string, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-config-'));
  const file = path.join(dir, '.env');
  fs.writeFileSync(file, envFile);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(APP_|DB_|INIT_)/.test(key)));
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env: { ...clean, APP_ENV_PATH: file, STORAGE_PATH: dir, ...env },
    encoding: 'utf8',
    timeout: 60000,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm start refuses bad configuration with a message naming the variable', () => {
  it('an unknown DB_DIALECT', () => {
    const { status, output } = start('APP_KEY=k\nDB_DIALECT=oracle\n');
    expect(status).toBe(2);
    expect(output).toContain('DB_DIALECT="oracle" is not supported');
    expect(output).toContain('sqlite, postgres, mariadb, mysql');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('an unreachable PostgreSQL server', () => {
    const { status, output } = start('APP_KEY=k\nDB_DIALECT=postgres\nDB_HOST=127.0.0.1\nDB_PORT=1\n');
    expect(status).toBe(2);
    expect(output).toContain('Cannot reach the PostgreSQL server at 127.0.0.1:1');
    expect(output).toContain('DB_HOST, DB_PORT, DB_USER and DB_PASSWORD');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('an unreachable MariaDB server', () => {
    const { status, output } = start('APP_KEY=k\nDB_DIALECT=mariadb\nDB_HOST=127.0.0.1\nDB_PORT=1\n');
    expect(status).toBe(2);
    expect(output).toContain('Cannot reach the MariaDB server at 127.0.0.1:1');
  });

  it('a missing APP_KEY in production', () => {
    const { status, output } = start('APP_ENV=production\nAPP_KEY=\nDB_DIALECT=sqlite\n');
    expect(status).toBe(2);
    expect(output).toContain('APP_KEY is missing');
    expect(output).toContain('APP_ENV=production');
  });

  it('a port that is not a number', () => {
    const { status, output } = start('APP_KEY=k\nAPP_PORT=web\n');
    expect(status).toBe(2);
    expect(output).toContain('APP_PORT="web" is not a port number');
  });
});

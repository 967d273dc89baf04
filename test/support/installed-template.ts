// Installed databases kept as templates: a suite's app starts from a copy of an installation made earlier in the same
// test run (same dialect, same plugins, same install-time settings) instead of installing again. An installation is
// about 8 s of a suite's time (all our plugins, any dialect); starting from a copy about 1.5 s. The copy is what
// `npm start` meets on an existing database: the app loads and starts, it does not install.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { alive } from './sqlite-file';

/** What the installation depends on: its key names the template. */
export interface InstallationKey {
  /** Every plugin the app enables, in order (NocoBase's and ours). */
  plugins: string[];
  /** Whether the pages were seeded at install. */
  seedPages: boolean;
}

/** Where a suite's app keeps its database: a SQLite file, or a server database (PostgreSQL, MariaDB). */
export type Target = { dialect: 'sqlite'; storage: string } | { dialect: 'postgres' | 'mariadb'; database: string };

const dialect = () => process.env.DB_DIALECT || 'sqlite';

/**
 * Whether templates are used here: off with HONGNIANG_TEST_TEMPLATES=0, with SQLite in memory, and on a server
 * database outside `scripts/test.js` (which names the run's databases in HONGNIANG_TEST_DATABASE and drops them after).
 */
export function templatesEnabled(): boolean {
  if (process.env.HONGNIANG_TEST_TEMPLATES === '0') return false;
  if (dialect() === 'sqlite') return !!process.env.DB_STORAGE && process.env.DB_STORAGE !== ':memory:';
  return !!process.env.HONGNIANG_TEST_DATABASE && ['postgres', 'mariadb'].includes(dialect());
}

/**
 * The template's name for an installation: a hash of the dialect, the plugins, the page seeding and the install-time
 * settings our plugins read from the environment (the demo agency's size and password).
 */
export function templateName(key: InstallationKey): string {
  const settings = ['HONGNIANG_DEMO_MEMBERS', 'HONGNIANG_DEMO_PASSWORD'].map((name) => process.env[name] || '');
  const hash = crypto
    .createHash('sha1')
    .update(JSON.stringify([dialect(), key.plugins, key.seedPages, settings]))
    .digest('hex');
  return `t_${hash.slice(0, 12)}`;
}

/** The run's shared folder (both workers' apps), beside the workers' own: removed with them when the run has ended. */
function runFolder(): string {
  const workerFolder = process.env.STORAGE_PATH as string; // test/setup/server-env.js: hongniang-test-<run>-<worker>
  const run = /hongniang-test-(\d+)-\d+$/.exec(workerFolder)?.[1] || String(process.ppid);
  const parent =
    dialect() === 'sqlite' ? path.dirname(path.dirname(process.env.DB_STORAGE as string)) : path.dirname(workerFolder);
  const folder = path.join(parent, `hongniang-test-${run}-0`);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Runs `build` once per template across the run's workers: the first worker to ask builds it while holding a lock
 * (a folder, created atomically, naming its process); another worker asking meanwhile waits for the `done` mark, or
 * builds it itself when the holder has died.
 */
async function once(name: string, build: () => Promise<void>): Promise<void> {
  const folder = runFolder();
  const done = path.join(folder, `${name}.done`);
  const lock = path.join(folder, `${name}.lock`);
  for (;;) {
    if (fs.existsSync(done)) return;
    try {
      fs.mkdirSync(lock);
    } catch {
      let holder = 0;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // The holder has not written its process id yet.
      }
      if (holder && !alive(holder)) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    try {
      await build();
      fs.writeFileSync(done, '');
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
}

/** The template's own database: a file in the run's folder, or a server database named after the run. */
export function templateTarget(name: string): Target {
  if (dialect() === 'sqlite') return { dialect: 'sqlite', storage: path.join(runFolder(), `${name}.sqlite`) };
  return {
    dialect: dialect() as 'postgres' | 'mariadb',
    database: `${process.env.HONGNIANG_TEST_DATABASE}_${name}`,
  };
}

/**
 * Makes sure the template exists: `install(target)` installs an app on the template's database, waits for its start-up
 * work and destroys it (closing its connections), once per run and template.
 */
export async function ensureTemplate(name: string, install: (target: Target) => Promise<void>): Promise<void> {
  await once(name, async () => {
    const target = templateTarget(name);
    if (target.dialect !== 'sqlite') await withServer((server) => server.recreate(target.database));
    await install(target);
  });
}

/**
 * Puts a copy of the template where the suite's app will read it: the SQLite file copied, PostgreSQL's database made
 * from the template (CREATE DATABASE … TEMPLATE), MariaDB's tables copied one by one (it has no templates).
 */
export async function copyTemplate(name: string, into: Target): Promise<void> {
  const template = templateTarget(name);
  if (template.dialect === 'sqlite' && into.dialect === 'sqlite') {
    fs.copyFileSync(template.storage, into.storage);
    return;
  }
  if (template.dialect === 'sqlite' || into.dialect === 'sqlite') throw new Error('copyTemplate: dialects differ');
  await withServer((server) => server.copy(template.database, into.database));
}

interface Server {
  recreate(database: string): Promise<void>;
  copy(template: string, database: string): Promise<void>;
}

/** Database names here are built from the run's own (letters, digits, _): checked, then quoted. */
function checkedName(name: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return name;
}

async function withServer<T>(work: (server: Server) => Promise<T>): Promise<T> {
  const connection = {
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD || undefined,
  };
  if (dialect() === 'postgres') {
    const { Client } = await import('pg');
    const client = new Client({ ...connection, database: 'postgres' });
    await client.connect();
    const quote = (name: string) => `"${checkedName(name)}"`;
    try {
      return await work({
        recreate: async (database) => {
          await client.query(`DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`);
          await client.query(`CREATE DATABASE ${quote(database)}`);
        },
        copy: async (template, database) => {
          await client.query(`DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`);
          await client.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(template)}`);
        },
      });
    } finally {
      await client.end();
    }
  }
  const mariadb = await import('mariadb');
  const client = await mariadb.createConnection({ ...connection, multipleStatements: false });
  const quote = (name: string) => `\`${checkedName(name)}\``;
  const create = (database: string) =>
    client.query(`CREATE DATABASE ${quote(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    return await work({
      recreate: async (database) => {
        await client.query(`DROP DATABASE IF EXISTS ${quote(database)}`);
        await create(database);
      },
      copy: async (template, database) => {
        await client.query(`DROP DATABASE IF EXISTS ${quote(database)}`);
        await create(database);
        const tables: { name: string }[] = await client.query(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
          [template],
        );
        await client.query('SET FOREIGN_KEY_CHECKS = 0');
        for (const { name } of tables) {
          const from = `${quote(template)}.${quote(name)}`;
          const to = `${quote(database)}.${quote(name)}`;
          await client.query(`CREATE TABLE ${to} LIKE ${from}`);
          await client.query(`INSERT INTO ${to} SELECT * FROM ${from}`);
        }
        await client.query('SET FOREIGN_KEY_CHECKS = 1');
      },
    });
  } finally {
    await client.end();
  }
}

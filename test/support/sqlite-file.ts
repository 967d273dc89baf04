// A SQLite database file of its own for each test app, so every suite starts from an empty database and none shares one.
import fs from 'fs';
import path from 'path';

let apps = 0;

/** SQLite's companions of a database file (rollback journal, write-ahead log). */
const filesOf = (storage: string) => [storage, `${storage}-journal`, `${storage}-wal`, `${storage}-shm`];

/**
 * A fresh database file beside the worker's DB_STORAGE (test/setup/server-env.js), or undefined when the tests run on
 * another dialect or on SQLite in memory. Any leftover of an earlier run under the same name is removed first.
 */
export function freshSqliteFile(): string | undefined {
  const configured = process.env.DB_STORAGE;
  if ((process.env.DB_DIALECT || 'sqlite') !== 'sqlite' || !configured || configured === ':memory:') return undefined;
  // Unique across the suites of a worker too (jest reloads this module per suite; an app left running keeps its file).
  const storage = path.join(path.dirname(configured), `app-${process.pid}-${Date.now().toString(36)}-${++apps}.sqlite`);
  fs.mkdirSync(path.dirname(storage), { recursive: true });
  removeSqliteFile(storage);
  return storage;
}

/** Deletes a test database file and its companions (after its app is destroyed). */
export function removeSqliteFile(storage: string) {
  for (const file of filesOf(storage)) fs.rmSync(file, { force: true });
}

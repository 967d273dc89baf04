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
  removeFilesOfEndedRuns(path.dirname(path.dirname(storage)));
  return storage;
}

/** Whether a process with that id lives (EPERM: it does, under another user). */
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: any) {
    return error.code === 'EPERM';
  }
};

/**
 * Test runs keep their files in `hongniang-test-<jest pid>-<worker>` (test/setup/server-env.js); a suite that timed out
 * never destroys its app, so its file stays — in RAM, when that is where they live. Such folders of runs that have
 * ended are removed.
 */
function removeFilesOfEndedRuns(parent: string) {
  for (const entry of fs.readdirSync(parent)) {
    const run = /^hongniang-test-(\d+)-\d+$/.exec(entry);
    if (!run || alive(Number(run[1]))) continue;
    try {
      fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
    } catch {
      // Another worker is removing it at the same moment.
    }
  }
}

/** Deletes a test database file and its companions (after its app is destroyed). */
export function removeSqliteFile(storage: string) {
  for (const file of filesOf(storage)) fs.rmSync(file, { force: true });
}

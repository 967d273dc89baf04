import type { Database } from '@nocobase/database';
import { onEverySqliteConnection } from './sqlite-connections';

/** How long a SQLite connection waits for a lock before SQLITE_BUSY, in ms (node-sqlite3's own default is 1 000). */
export const SQLITE_BUSY_MS_DEFAULT = 15000;

/**
 * SQLite admits one writer at a time. Without this, a user's save beside a burst of writes (the reminders' sweep and the
 * workflows it triggers, an import) failed with `SQLITE_BUSY: database is locked` (a 500) in two ways:
 * - a transaction that had read and then wrote while another writer held the lock: SQLite refuses that at once, without
 *   waiting, because waiting could deadlock (sqlite.org/lang_transaction.html, "BEGIN DEFERRED"). Every transaction now
 *   begins IMMEDIATE (Sequelize's `transactionType`): it takes the write lock as it begins, waiting for it there;
 * - a wait longer than node-sqlite3's 1 s: the connection of each transaction (Sequelize opens one per transaction) now
 *   waits up to `busyMs` (`HONGNIANG_SQLITE_BUSY_MS`, default 15 000 ms).
 * The connection shared by every statement outside a transaction keeps node-sqlite3's 1 s: a statement waiting on it
 * holds the whole connection, so a longer wait there stalled the lock holder's own reads outside its transaction as
 * long (found by this module's test: a save over HTTP beside a held lock took 76 s and failed).
 * Does nothing on other dialects. The waits run on libuv's thread pool, so the app's start script widens it on SQLite
 * (`UV_THREADPOOL_SIZE`, scripts/lib/nocobase.js): four waiting connections must not leave the lock holder no thread.
 */
export function waitForSqliteLocks(db: Database, busyMs = sqliteBusyMs()) {
  if (db.sequelize.getDialect() !== 'sqlite') return;
  (db.sequelize as unknown as { options: { transactionType?: string } }).options.transactionType = 'IMMEDIATE';
  // Sequelize names the shared connection 'default'; a transaction's connection has its transaction's id.
  onEverySqliteConnection<SqliteConnection>(db, 'waitForSqliteLocks', (connection, uuid) => {
    if (uuid && uuid !== 'default') connection.configure('busyTimeout', busyMs);
  });
}

/** `HONGNIANG_SQLITE_BUSY_MS` when it is a positive whole number, else the default. */
function sqliteBusyMs() {
  const wanted = Number(process.env.HONGNIANG_SQLITE_BUSY_MS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : SQLITE_BUSY_MS_DEFAULT;
}

/** The part of node-sqlite3's Database used here. */
interface SqliteConnection {
  configure(option: 'busyTimeout', ms: number): void;
}

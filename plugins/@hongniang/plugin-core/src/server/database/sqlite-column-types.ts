import type { Database } from '@nocobase/database';
import { onEverySqliteConnection } from './sqlite-connections';

/**
 * On SQLite, Sequelize 6 asks `PRAGMA table_info(<table>)` of every table a SELECT reads, before the SELECT itself and
 * each time (`run` in sequelize/lib/dialects/sqlite/query.js: the column types pick its value parsers). A read of one
 * row cost two round trips through node-sqlite3's thread pool. Measured (docs/performance.md, session 30): members:match
 * at 10 000 members, the server's own time p50 34 → 23 ms while the app was busy (reminders being delivered), ~17 → ~15
 * ms at rest; an installation with every page blueprint 730 → 696 s (one run each).
 *
 * This keeps each table's answer for the database (one map for every connection Sequelize opens on it: one shared, one
 * per transaction) and forgets all of them when any statement that may change a table's columns goes through one of
 * its connections (CREATE, ALTER, DROP: NocoBase's collection manager, migrations, Sequelize's column copy). An answer
 * asked while such a change ran is not kept. Rails memoizes the same answer (rails/rails#17342).
 * A change to the schema made by another process on the same file is not seen until this one restarts — as for
 * NocoBase's own collection cache (several processes on one database are not supported: ../../../../docs).
 * Does nothing on other dialects. `HONGNIANG_SQLITE_COLUMN_TYPES_CACHE=off` turns it off.
 */
export function rememberSqliteColumnTypes(db: Database) {
  if (process.env.HONGNIANG_SQLITE_COLUMN_TYPES_CACHE === 'off') return;
  const answers = new ColumnTypeAnswers();
  onEverySqliteConnection<SqliteConnection>(db, 'rememberSqliteColumnTypes', (connection) =>
    answers.through(connection),
  );
}

/**
 * Statements that may change a table's columns: every answer kept is forgotten when one passes. Any statement of a
 * script that begins so (exec runs several); a value such as 'create' inside a statement does not count.
 */
const CHANGES_SCHEMA = /(^|;)\s*(CREATE|ALTER|DROP)\s/i;
/** The statement Sequelize's SQLite query sends for a table's columns (its exact form). */
const TABLE_INFO = /^PRAGMA table_info\(`[^`]+`\)$/;

type Callback = (this: unknown, error: Error | null, rows?: unknown[]) => void;

class ColumnTypeAnswers {
  private readonly kept = new Map<string, unknown[]>();
  /** Counts schema changes: an answer read while the count moved may describe the table before the change. */
  private generation = 0;

  /** Wraps the connection's all, run and exec (onEverySqliteConnection calls this once per connection). */
  through(connection: SqliteConnection) {
    const all = connection.all;
    connection.all = (sql: string, ...rest: unknown[]) => {
      const callback = rest[rest.length - 1];
      if (typeof sql === 'string' && TABLE_INFO.test(sql) && typeof callback === 'function')
        return this.tableInfo(connection, all, sql, rest.slice(0, -1), callback as Callback);
      this.noteChange(sql);
      return all.call(connection, sql, ...rest);
    };
    for (const method of ['run', 'exec'] as const) {
      const original = connection[method];
      connection[method] = (sql: string, ...rest: unknown[]) => {
        this.noteChange(sql);
        return original.call(connection, sql, ...rest);
      };
    }
  }

  private tableInfo(
    connection: SqliteConnection,
    all: SqliteConnection['all'],
    sql: string,
    parameters: unknown[],
    callback: Callback,
  ) {
    const known = this.kept.get(sql);
    if (known) {
      process.nextTick(() => callback.call(connection, null, known));
      return connection;
    }
    const asked = this.generation;
    return all.call(connection, sql, ...parameters, (error: Error | null, rows?: unknown[]) => {
      if (!error && rows && asked === this.generation) this.kept.set(sql, rows);
      callback.call(connection, error, rows);
    });
  }

  private noteChange(sql: unknown) {
    if (typeof sql === 'string' && CHANGES_SCHEMA.test(sql)) {
      this.generation++;
      this.kept.clear();
    }
  }
}

/** The parts of node-sqlite3's Database used here. */
interface SqliteConnection {
  all(sql: string, ...rest: unknown[]): SqliteConnection;
  run(sql: string, ...rest: unknown[]): SqliteConnection;
  exec(sql: string, ...rest: unknown[]): SqliteConnection;
}

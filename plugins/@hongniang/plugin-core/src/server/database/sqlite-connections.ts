import type { Database } from '@nocobase/database';

/**
 * Calls `configure(connection, uuid)` once for each SQLite connection Sequelize hands out on `db` — the shared one
 * ('default', already open when plugins load) and one per transaction (`uuid` its transaction's id) — as it is handed
 * out, before any statement runs on it; the connections already open are configured at once (uuid undefined). One
 * registration per `name` and connection manager: a second call with the same name does nothing and answers false.
 * Answers false too on other dialects (nothing is done there). `configure` must not throw.
 */
export function onEverySqliteConnection<Connection extends object>(
  db: Database,
  name: string,
  configure: (connection: Connection, uuid: string | undefined) => void,
): boolean {
  if (db.sequelize.getDialect() !== 'sqlite') return false;
  const manager = db.sequelize.connectionManager as unknown as SqliteConnections<Connection>;
  const registered = (manager.hongniangOnEveryConnection ??= new Set<string>());
  if (registered.has(name)) return false;
  registered.add(name);
  const seen = new WeakSet<Connection>();
  const once = (connection: Connection, uuid: string | undefined) => {
    if (!connection || seen.has(connection)) return;
    seen.add(connection);
    configure(connection, uuid);
  };
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (options: { uuid?: string } = {}) => {
    const connection = await getConnection(options);
    // Every connection of an in-memory database is the shared one, whatever uuid it is asked for with.
    once(connection, connection === manager.connections?.default ? 'default' : options.uuid);
    return connection;
  };
  for (const [uuid, connection] of Object.entries(manager.connections ?? {})) once(connection, uuid);
  return true;
}

/** The parts of Sequelize's SQLite connection manager used here. */
interface SqliteConnections<Connection> {
  connections?: Record<string, Connection>;
  getConnection(options?: { uuid?: string }): Promise<Connection>;
  hongniangOnEveryConnection?: Set<string>;
}

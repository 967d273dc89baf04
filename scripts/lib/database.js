// Reaches the configured database server before NocoBase boots, creating the database when it is missing.
const fs = require('fs');
const path = require('path');
const { ConfigError } = require('./config');

const LABELS = { postgres: 'PostgreSQL', mariadb: 'MariaDB', mysql: 'MySQL' };
const CONNECT_TIMEOUT_MS = 5000;

function unreachable(database, error) {
  const where = `${database.host}:${database.port}`;
  return new ConfigError(
    `Cannot reach the ${LABELS[database.dialect]} server at ${where} as user "${database.user}" (${error.code || error.message}). ` +
      'Start the database server, or fix DB_HOST, DB_PORT, DB_USER and DB_PASSWORD in .env.',
  );
}

/** Runs `work(query)` on a server connection (no database selected); closes it afterwards. */
async function withServer(database, work) {
  if (database.dialect === 'postgres') {
    const { Client } = require('pg');
    const client = new Client({
      host: database.host,
      port: database.port,
      user: database.user,
      password: database.password,
      database: 'postgres',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    try {
      await client.connect();
    } catch (error) {
      throw unreachable(database, error);
    }
    try {
      return await work({
        exists: async (name) =>
          (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0,
        // Identifiers cannot be bound; names are checked against a strict pattern and quoted by the driver.
        create: (name) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
        drop: (name) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
        startingWith: async (prefix) =>
          (await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])).rows.map(
            (row) => row.datname,
          ),
      });
    } finally {
      await client.end();
    }
  }
  const mariadb = require('mariadb');
  let connection;
  try {
    connection = await mariadb.createConnection({
      host: database.host,
      port: database.port,
      user: database.user,
      password: database.password,
      connectTimeout: CONNECT_TIMEOUT_MS,
    });
  } catch (error) {
    throw unreachable(database, error);
  }
  const quote = (name) => `\`${name.replace(/`/g, '``')}\``;
  try {
    return await work({
      exists: async (name) =>
        (await connection.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [name])).length > 0,
      create: (name) =>
        connection.query(`CREATE DATABASE ${quote(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
      drop: (name) => connection.query(`DROP DATABASE IF EXISTS ${quote(name)}`),
      startingWith: async (prefix) =>
        (
          await connection.query(
            'SELECT schema_name AS name FROM information_schema.schemata WHERE LEFT(schema_name, CHAR_LENGTH(?)) = ?',
            [prefix, prefix],
          )
        ).map((row) => row.name),
    });
  } finally {
    await connection.end();
  }
}

/** Makes sure the configured database can be used; returns a line describing what was done. */
async function ensureDatabase(database) {
  if (database.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(database.storage), { recursive: true });
    return `SQLite database ${database.storage}`;
  }
  return withServer(database, async (server) => {
    if (await server.exists(database.database)) {
      return `${LABELS[database.dialect]} database "${database.database}" at ${database.host}:${database.port}`;
    }
    try {
      await server.create(database.database);
    } catch (error) {
      throw new ConfigError(
        `The ${LABELS[database.dialect]} database "${database.database}" (DB_DATABASE) does not exist and could not be created: ${error.message}. ` +
          'Create it, or give DB_USER the right to create databases.',
      );
    }
    return `${LABELS[database.dialect]} database "${database.database}" at ${database.host}:${database.port} (created)`;
  });
}

async function dropDatabase(database) {
  return withServer(database, (server) => server.drop(database.database));
}

async function createDatabase(database) {
  return withServer(database, async (server) => {
    await server.drop(database.database);
    await server.create(database.database);
  });
}

/** Drops every database whose name starts with `prefix` (a test run's templates, test/support/installed-template.ts). */
async function dropDatabasesStartingWith(server, prefix) {
  return withServer(server, async (connection) => {
    for (const name of await connection.startingWith(prefix)) await connection.drop(name);
  });
}

/** Whether process `pid` is running on this machine. */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Drops the databases of test runs that ended without dropping theirs (killed): names `<prefix><pid>_…` whose process
 * is gone. Resolves to the names dropped. A run still going (its process alive) keeps its databases.
 */
async function dropEndedRunsDatabases(server, prefix) {
  return withServer(server, async (connection) => {
    const dropped = [];
    for (const name of await connection.startingWith(prefix)) {
      const pid = Number(/^(\d+)_/.exec(name.slice(prefix.length))?.[1]);
      if (!pid || isRunning(pid)) continue;
      await connection.drop(name);
      dropped.push(name);
    }
    return dropped;
  });
}

module.exports = { ensureDatabase, createDatabase, dropDatabase, dropDatabasesStartingWith, dropEndedRunsDatabases };

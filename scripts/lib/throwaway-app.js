// What every command or test that runs `npm start` on a throwaway installation needs: a free port, and the environment
// that points the app at its own folder (settings file, storage, SQLite database) with a known admin. Node built-ins only.
const net = require('net');
const path = require('path');

/** A TCP port free on 127.0.0.1 right now (the OS picks it). Resolves to the port number. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment for `scripts/start.js` on a throwaway installation: this process's environment without any APP_*, DB_*,
 * INIT_* or STORAGE_PATH setting, then the app's settings file, storage and SQLite database under `dir`, the port, zh-CN,
 * the given admin ({ email, password }) and warnings-only logging. Returns a plain object of strings.
 */
function throwawayAppEnv({ dir, port, admin, database = 'app.sqlite' }) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(APP_|DB_|INIT_|STORAGE_PATH)/.test(key)),
  );
  return {
    ...clean,
    APP_ENV_PATH: path.join(dir, '.env'),
    STORAGE_PATH: path.join(dir, 'storage'),
    APP_PORT: String(port),
    DB_DIALECT: 'sqlite',
    DB_STORAGE: path.join(dir, 'storage', 'db', database),
    INIT_APP_LANG: 'zh-CN',
    INIT_ROOT_EMAIL: admin.email,
    INIT_ROOT_PASSWORD: admin.password,
    LOGGER_LEVEL: 'warn',
  };
}

module.exports = { freePort, throwawayAppEnv };

// Prepares the environment NocoBase's own CLI would set, then runs the app server from @nocobase/app.
const path = require('path');
const { spawn } = require('child_process');
const { root, listPlugins, requiredNocoBasePlugins } = require('./workspace');

const PLUGIN_PREFIXES = ['@nocobase/plugin-', '@nocobase/plugin-sample-', '@nocobase/preset-', '@hongniang/plugin-'];

/** Environment for the app: our plugins and the NocoBase plugins they need are enabled as part of the preset, so install and upgrade enable them. */
function applyAppEnvironment(config) {
  const env = process.env;
  env.PLUGIN_PACKAGE_PREFIX = PLUGIN_PREFIXES.join(',');
  env.APPEND_PRESET_BUILT_IN_PLUGINS = [...requiredNocoBasePlugins(), ...listPlugins().map(({ name }) => name)].join(
    ',',
  );
  env.APP_PORT = String(config.port);
  env.DB_DIALECT = config.database.dialect;
  if (config.database.dialect === 'sqlite') {
    env.DB_STORAGE = config.database.storage;
    // SQLite's lock waits block a thread of libuv's pool each (plugin-core's database/sqlite-locking.ts): the default four
    // could all be waiting while the connection that holds the lock has none left to finish on.
    env.UV_THREADPOOL_SIZE ??= '16';
  } else {
    env.DB_HOST = config.database.host;
    env.DB_PORT = String(config.database.port);
    env.DB_DATABASE = config.database.database;
    env.DB_USER = config.database.user;
    env.DB_PASSWORD = config.database.password;
  }
  process.chdir(root);
  const cli = require('@nocobase/cli-v1/src/util');
  cli.initEnv();
  cli.generateAppDir();
  // A new installation starts with a demo agency unless .env says otherwise (0).
  env.HONGNIANG_DEMO_MEMBERS ??= '300';
  return path.join(env.APP_PACKAGE_ROOT, 'lib', 'index.js');
}

/** Starts the app: installs on an empty database, upgrades (keeping data) on an existing one. */
function runApp(entry, args = ['start', '--quickstart']) {
  return spawn(process.execPath, [entry, ...args], { cwd: root, env: process.env, stdio: 'inherit' });
}

/** Runs one NocoBase command (install, seed-demo, …) to its end. */
function runAppCommand(entry, args) {
  return new Promise((resolve, reject) => {
    const child = runApp(entry, args);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`"${args[0]}" exited with ${code}`))));
  });
}

module.exports = { applyAppEnvironment, runApp, runAppCommand };

// The environment NocoBase's CLI would give a test process, so createMockServer boots a real app inside jest.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const worker = process.env.JEST_WORKER_ID || '1';
const storage = path.join(os.tmpdir(), `hongniang-test-${process.ppid}-${worker}`);

Object.assign(process.env, {
  APP_ENV: 'test',
  APP_KEY: process.env.APP_KEY || 'hongniang-test-key-not-for-production',
  NODE_MODULES_PATH: path.join(root, 'node_modules'),
  PLUGIN_PACKAGE_PREFIX: '@nocobase/plugin-,@nocobase/preset-,@hongniang/plugin-',
  STORAGE_PATH: storage,
  PLUGIN_STORAGE_PATH: path.join(storage, 'plugins'),
  LOCAL_STORAGE_DEST: path.join(storage, 'uploads'),
  CACHE_DEFAULT_STORE: 'memory',
  TZ: 'UTC',
  // Reminders are swept when a suite asks (and once as its app starts), not on a timer racing its writes.
  HONGNIANG_REMINDER_SWEEP_SECONDS: '0',
  DB_TIMEZONE: '+00:00',
  LOGGER_LEVEL: process.env.LOGGER_LEVEL || 'error',
  LOGGER_TRANSPORT: process.env.LOGGER_TRANSPORT || 'console',
});

const dialect = (process.env.DB_DIALECT = process.env.DB_DIALECT || 'sqlite');
if (dialect === 'sqlite') {
  // A file, as in production: transactions hold their own connection and lock (the in-memory database hid a deadlock).
  // test/support/app.ts gives each app a fresh file beside this one; HONGNIANG_TEST_SQLITE=memory keeps the old way.
  // In RAM when the system has it (/dev/shm): the same connections and locks as on disk, without an fsync per commit.
  const ram = path.join('/dev/shm', path.basename(storage));
  const dir = process.env.HONGNIANG_TEST_SQLITE_DIR || (fs.existsSync('/dev/shm') ? ram : path.join(storage, 'db'));
  process.env.DB_STORAGE = process.env.HONGNIANG_TEST_SQLITE === 'memory' ? ':memory:' : path.join(dir, 'test.sqlite');
} else if (process.env.HONGNIANG_TEST_DATABASE) {
  // scripts/test.js creates one database per jest worker, so suites in parallel never share tables.
  process.env.DB_DATABASE = `${process.env.HONGNIANG_TEST_DATABASE}_${worker}`;
}

// On SQLite (a database file), a write beside another, longer one waits for it instead of failing with SQLITE_BUSY (a
// 500 for the user): plugin-core's database/sqlite-locking.ts. Other dialects lock rows, not the database: skipped there.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';

const onSqliteFile = (process.env.DB_DIALECT || 'sqlite') === 'sqlite' && process.env.DB_STORAGE !== ':memory:';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds SQLite's write lock for `ms` (longer than node-sqlite3's own 1 s wait): a transaction that wrote a row of a table
 * of its own (no collection, so no hook of any plugin runs inside it), then waits.
 */
async function holdWriteLock(app: MockServer, ms: number) {
  await app.db.sequelize.query('CREATE TABLE IF NOT EXISTS lockHolder (heldAt INTEGER)');
  const transaction = await app.db.sequelize.transaction();
  try {
    await app.db.sequelize.query('INSERT INTO lockHolder (heldAt) VALUES (?)', {
      replacements: [Date.now()],
      transaction,
    });
    await sleep(ms);
  } finally {
    await transaction.commit();
  }
}

(onSqliteFile ? describe : describe.skip)('SQLite: a writer waits for the one before it', () => {
  let app: MockServer;

  // The core alone: locking is the database's, not a feature's.
  appForSuite(
    async (booted) => {
      app = booted;
    },
    { ours: ['@hongniang/plugin-core'] },
  );

  it('a transaction that reads, then writes, while another holds the write lock for 2 s commits after it', async () => {
    const holding = holdWriteLock(app, 2000);
    await sleep(100);
    const waiting = app.db.sequelize.transaction(async (transaction) => {
      const roles = app.db.getRepository('roles');
      const before = await roles.count({ transaction });
      await roles.create({ values: { name: 'waiter', title: '等锁' }, transaction });
      return before;
    });
    await expect(Promise.all([holding, waiting])).resolves.toBeDefined();
    expect(await app.db.getRepository('roles').count({ filter: { name: 'waiter' } })).toBe(1);
  });

  it("a user's save over HTTP beside it gets 200 and is kept, after the lock's holder is done", async () => {
    const admin = await signInAsRoot(app);
    const holding = holdWriteLock(app, 2000);
    await sleep(100);
    const saved = await admin.resource('roles').create({ values: { name: 'overHttp', title: '接口' } });
    const savedAt = Date.now();
    await holding;
    expect(saved.status).toBe(200);
    const [[held]] = (await app.db.sequelize.query('SELECT max(heldAt) AS heldAt FROM lockHolder')) as any;
    expect(savedAt - held.heldAt).toBeGreaterThanOrEqual(2000);
    expect(await app.db.getRepository('roles').count({ filter: { name: 'overHttp' } })).toBe(1);
  });

  it("transactions begin IMMEDIATE and wait up to 15 s; the shared connection keeps node-sqlite3's 1 s", async () => {
    expect((app.db.sequelize as any).options.transactionType).toBe('IMMEDIATE');
    const busyTimeout = async (transaction?: any) => {
      const [[row]] = (await app.db.sequelize.query('PRAGMA busy_timeout', { transaction })) as any;
      return Object.values(row)[0];
    };
    expect(await app.db.sequelize.transaction((transaction) => busyTimeout(transaction))).toBe(15000);
    expect(await busyTimeout()).toBe(1000);
  });
});

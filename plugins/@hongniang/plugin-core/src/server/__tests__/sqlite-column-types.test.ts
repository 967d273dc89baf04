// On SQLite, Sequelize asked `PRAGMA table_info` of a table before every read of it: plugin-core's
// database/sqlite-column-types.ts keeps the answer until a statement changes a table. Here: SQLite is asked once, and a
// column added later is read with its own type (a date as a Date, not SQLite's text), outside and inside a transaction.
// The second part runs on every dialect (the same reads must give the same values there).
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';

describe("a table's column types on SQLite: asked once, forgotten when a table changes", () => {
  let app: MockServer;
  const sqlite = () => app.db.sequelize.getDialect() === 'sqlite';

  appForSuite(
    async (booted) => {
      app = booted;
    },
    { ours: ['@hongniang/plugin-core'] },
  );

  /**
   * The statements SQLite itself runs on the connection shared by reads outside a transaction, while `work` runs.
   * node-sqlite3 emits its trace events later than the statements' answers (a loaded CI machine saw two of three
   * reads), in order: a marker statement run last is waited for before the listener goes.
   */
  async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
    const connection: any = await (app.db.sequelize.connectionManager as any).getConnection({});
    const seen: string[] = [];
    const marker = `SELECT 'end of traced work ${Date.now()}'`;
    let markerSeen: () => void = () => undefined;
    const markerTraced = new Promise<void>((resolve) => (markerSeen = resolve));
    const listener = (sql: string) => (sql === marker ? markerSeen() : seen.push(sql));
    connection.on('trace', listener);
    try {
      await work();
      await new Promise((resolve, reject) =>
        connection.all(marker, [], (error: Error | null) => (error ? reject(error) : resolve(null))),
      );
      const silent = new Promise((_, reject) =>
        setTimeout(() => reject(new Error("SQLite's trace did not report the marker within 10 s")), 10000).unref(),
      );
      await Promise.race([markerTraced, silent]);
    } finally {
      connection.removeListener('trace', listener);
    }
    return seen;
  }

  async function defineNotes(extraFields: any[] = []) {
    if (app.db.hasCollection('typedNotes')) app.db.removeCollection('typedNotes');
    app.db.collection({ name: 'typedNotes', fields: [{ name: 'text', type: 'string' }, ...extraFields] });
    await app.db.sync();
    return app.db.getRepository('typedNotes');
  }

  it('reads a table three times and SQLite is asked for its columns once at most', async () => {
    if (!sqlite()) return expect(app.db.sequelize.getDialect()).not.toBe('sqlite'); // a SQLite-only question
    const notes = await defineNotes();
    await notes.create({ values: { text: 'a' } });
    const statements = await statementsDuring(async () => {
      for (let i = 0; i < 3; i++) expect((await notes.find()).map((row: any) => row.get('text'))).toEqual(['a']);
    });
    const reads = statements.filter((sql) => /^SELECT .* FROM `typedNotes`/.test(sql));
    const asked = statements.filter((sql) => sql === 'PRAGMA table_info(`typedNotes`)');
    expect(reads).toHaveLength(3);
    expect(asked.length).toBeLessThanOrEqual(1);
  });

  it('reads a column added after the table was read with its own type, outside and inside a transaction', async () => {
    let notes = await defineNotes();
    const created = await notes.create({ values: { text: 'first' } });
    // Read before the change: on SQLite, the table's columns are now known without the new ones.
    expect((await notes.findOne({ filterByTk: created.get('id') })).get('text')).toBe('first');

    notes = await defineNotes([
      { name: 'flagged', type: 'boolean' },
      { name: 'seenAt', type: 'date' },
    ]);
    const seenAt = new Date('2026-11-30T08:00:00.000Z');
    await notes.update({ filterByTk: created.get('id'), values: { flagged: true, seenAt } });

    const outside = await notes.findOne({ filterByTk: created.get('id') });
    expect(outside.get('flagged')).toBe(true);
    // The value as read, before NocoBase's field getters: a date column unknown to the read stays SQLite's text
    // ('2026-11-30 08:00:00.000 +00:00'), which is what a stale answer gave here.
    expect(outside.dataValues.seenAt).toBeInstanceOf(Date);
    expect((outside.dataValues.seenAt as Date).toISOString()).toBe(seenAt.toISOString());

    const inside = await app.db.sequelize.transaction((transaction) =>
      notes.findOne({ filterByTk: created.get('id'), transaction }),
    );
    expect(inside.get('flagged')).toBe(true);
    expect(inside.dataValues.seenAt).toBeInstanceOf(Date);
  });
});

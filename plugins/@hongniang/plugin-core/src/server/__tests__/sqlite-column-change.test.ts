// On SQLite, a sync that changes a column of a table with a composite unique index (two rows per date, one per member)
// kept the table and its rows: plugin-core's database/sqlite-column-change.ts. Found by the browser tests' restart
// (`npm start` on an existing database failed with "Validation error" copying dateFeedback). Other dialects alter
// columns in place: the same sync is checked there too.
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';

describe('a sync that changes a column of a table with a composite unique index', () => {
  let app: MockServer;

  appForSuite(
    async (booted) => {
      app = booted;
    },
    { ours: ['@hongniang/plugin-core'] },
  );

  /** A collection shaped like dateFeedback: unique per (visit, person), a JSON list with a default. */
  async function defineVisits(tagsDefault: unknown) {
    if (app.db.hasCollection('visitNotes')) app.db.removeCollection('visitNotes');
    app.db.collection({
      name: 'visitNotes',
      fields: [
        { name: 'visitId', type: 'bigInt' },
        { name: 'personId', type: 'bigInt' },
        { name: 'tags', type: 'json', defaultValue: tagsDefault },
        { name: 'note', type: 'string' },
      ],
      indexes: [{ fields: ['visitId', 'personId'], unique: true }, { fields: ['personId'] }],
    });
    await app.db.sync();
    return app.db.getRepository('visitNotes');
  }

  it('keeps every row, and the pair stays unique while each column alone does not', async () => {
    let notes = await defineVisits([]);
    await notes.create({ values: { visitId: 1, personId: 10, note: 'a' } });
    await notes.create({ values: { visitId: 1, personId: 11, note: 'b' } });
    await notes.create({ values: { visitId: 2, personId: 10, note: 'c' } });

    // What a copy that failed before left behind (SQLite): the next copy wrote into it and failed the same way.
    if (app.db.sequelize.getDialect() === 'sqlite') {
      await app.db.sequelize.query('CREATE TABLE visitNotes_backup (id INTEGER PRIMARY KEY, visitId BIGINT UNIQUE)');
      await app.db.sequelize.query('INSERT INTO visitNotes_backup (id, visitId) VALUES (1, 1)');
    }
    // Another default for the JSON column: the sync changes that column (on SQLite, by copying the table).
    notes = await defineVisits(['new']);
    await app.db.sync();

    expect((await notes.find({ sort: ['visitId', 'personId'] })).map((row: any) => row.get('note'))).toEqual([
      'a',
      'b',
      'c',
    ]);
    await expect(notes.create({ values: { visitId: 1, personId: 10, note: 'again' } })).rejects.toThrow();
    await notes.create({ values: { visitId: 1, personId: 12, note: 'd' } });
    await notes.create({ values: { visitId: 3, personId: 11, note: 'e' } });
    expect(await notes.count()).toBe(5);
    expect((await notes.create({ values: { visitId: 4, personId: 13 } })).get('tags')).toEqual(['new']);
  });
});

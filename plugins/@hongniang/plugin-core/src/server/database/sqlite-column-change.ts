import type { Database, Transaction } from '@nocobase/database';

/**
 * On SQLite, Sequelize changes a column by copying the table into a new one built from `describeTable`, then dropping
 * the old one. Two faults of that copy, both met by `npm start` on an existing database (NocoBase's sync changes a
 * column whose default differs, e.g. a JSON default `[]`, at each upgrade):
 * - Sequelize's SQLite `describeTable` marks every column of a unique index `UNIQUE`, a composite one included: the
 *   copy of `dateFeedback` (unique on date and member: two rows per date) declared `dateId UNIQUE` and failed with
 *   "Validation error", and the app did not start. A column described `unique` now stays so only when a unique index
 *   holds that column alone.
 * - The old table's indexes go with it and the sync does not make them again: a composite unique index (one feedback
 *   per member per date) was simply lost. Each index the table had is created again after the copy, from its own SQL.
 * A copy that failed before this left its `<table>_backup` behind, and the next copy wrote into it and failed again;
 * such a leftover is dropped first (the table itself still exists then, so the leftover holds nothing of its own).
 * Does nothing on other dialects, whose column changes are `ALTER TABLE`s.
 */
export function keepTablesWholeOnSqliteColumnChange(db: Database) {
  if (db.sequelize.getDialect() !== 'sqlite') return;
  const queryInterface = db.sequelize.getQueryInterface() as unknown as SqliteQueryInterface;
  if (queryInterface.hongniangColumnChange) return;
  queryInterface.hongniangColumnChange = true;

  const describeTable = queryInterface.describeTable.bind(queryInterface);
  queryInterface.describeTable = async (tableName, options) => {
    const columns = await describeTable(tableName, options);
    const indexes = await queryInterface.showIndex(plainName(tableName), optionsOf(options));
    const aloneUnique = new Set(
      indexes.filter((index) => index.unique && index.fields.length === 1).map((index) => index.fields[0].attribute),
    );
    for (const [column, description] of Object.entries(columns)) {
      if (description.unique && !aloneUnique.has(column)) description.unique = false;
    }
    return columns;
  };

  const changeColumn = queryInterface.changeColumn.bind(queryInterface);
  queryInterface.changeColumn = async (tableName, attributeName, dataTypeOrOptions, options) => {
    const run = (sql: string, replacements: unknown[] = []) =>
      db.sequelize.query(sql, { replacements, ...optionsOf(options) }) as Promise<[unknown, unknown]>;
    const [indexes] = (await run(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      [plainName(tableName)],
    )) as [Array<{ sql: string }>, unknown];
    await run(`DROP TABLE IF EXISTS ${queryInterface.quoteIdentifier(`${plainName(tableName)}_backup`)}`);
    const result = await changeColumn(tableName, attributeName, dataTypeOrOptions, options);
    for (const { sql } of indexes)
      await run(sql.replace(/^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS)/i, 'CREATE $1INDEX IF NOT EXISTS '));
    return result;
  };
}

const plainName = (tableName: unknown) =>
  typeof tableName === 'object' && tableName ? (tableName as { tableName: string }).tableName : (tableName as string);

/** The transaction (and logging) a caller passed, without Sequelize's query type. */
const optionsOf = (options: unknown): { transaction?: Transaction; logging?: false | ((sql: string) => void) } => {
  if (!options || typeof options !== 'object') return {};
  const { transaction, logging } = options as { transaction?: Transaction; logging?: false | ((sql: string) => void) };
  return { ...(transaction ? { transaction } : {}), ...(logging !== undefined ? { logging } : {}) };
};

/** The parts of Sequelize's SQLite query interface used here. */
interface SqliteQueryInterface {
  describeTable(tableName: unknown, options?: unknown): Promise<Record<string, { unique?: boolean }>>;
  showIndex(
    tableName: unknown,
    options?: unknown,
  ): Promise<Array<{ unique?: boolean; fields: Array<{ attribute: string }> }>>;
  changeColumn(
    tableName: unknown,
    attributeName: string,
    dataTypeOrOptions: unknown,
    options?: unknown,
  ): Promise<unknown>;
  quoteIdentifier(identifier: string): string;
  hongniangColumnChange?: boolean;
}

import { Application } from '@nocobase/server';

/**
 * Creates the indexes our collections declare (`index: true` fields, foreign keys, `indexes: [{ fields, unique }]`) when
 * the table lacks them. NocoBase 2.2.15 records them in the model but creates a plugin's tables without them, and at
 * 100k members every duplicate-phone check and list filter would scan the table. Index names and columns come from our
 * definitions only. A declared unique index that an earlier version created plain (before session 17) is made unique;
 * when rows already break it, it stays plain and the app logs which one (the hooks still refuse new duplicates).
 */
export async function ensureIndexes(app: Application, collectionNames: string[]) {
  const queryInterface: any = app.db.sequelize.getQueryInterface();
  for (const name of collectionNames) {
    const collection = app.db.getCollection(name);
    const tableName = collection.getTableNameWithSchema();
    const existing = new Map<string, any>(
      (await queryInterface.showIndex(tableName)).map((index: any) => [index.name, index]),
    );
    const declared: { name: string; fields: string[]; unique?: boolean }[] = (collection.model.options.indexes ||
      []) as any[];
    for (const index of declared) {
      const found = existing.get(index.name);
      const unique = index.unique === true;
      if (found && (!unique || found.unique || found.primary)) continue;
      const fields = index.fields.map((field) => collection.model.rawAttributes[field]?.field || field);
      if (!found) {
        await queryInterface.addIndex(tableName, { name: index.name, fields, unique });
        continue;
      }
      await makeUnique(app, queryInterface, tableName, index.name, fields);
    }
  }
}

/** Replaces a plain index by the unique one declared; when existing rows break it, puts the plain one back and says so. */
async function makeUnique(app: Application, queryInterface: any, tableName: any, name: string, fields: string[]) {
  await queryInterface.removeIndex(tableName, name);
  try {
    await queryInterface.addIndex(tableName, { name, fields, unique: true });
  } catch (error: any) {
    await queryInterface.addIndex(tableName, { name, fields });
    app.logger.warn(
      `index ${name} on ${fields.join(', ')} stays non-unique: existing rows repeat a value (${error?.message || error})`,
    );
  }
}

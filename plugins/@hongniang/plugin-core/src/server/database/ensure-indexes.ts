import { Application } from '@nocobase/server';

/**
 * Creates the indexes our collections declare (`index: true` fields, foreign keys) when the table lacks them.
 * NocoBase 2.2.15 records them in the model but creates a plugin's tables without them, and at 100k members every
 * duplicate-phone check and list filter would scan the table. Index names and columns come from our definitions only.
 */
export async function ensureIndexes(app: Application, collectionNames: string[]) {
  const queryInterface: any = app.db.sequelize.getQueryInterface();
  for (const name of collectionNames) {
    const collection = app.db.getCollection(name);
    const tableName = collection.getTableNameWithSchema();
    const existing = new Set((await queryInterface.showIndex(tableName)).map((index: any) => index.name));
    const declared: { name: string; fields: string[] }[] = (collection.model.options.indexes || []) as any[];
    for (const index of declared) {
      if (existing.has(index.name)) continue;
      const fields = index.fields.map((field) => collection.model.rawAttributes[field]?.field || field);
      await queryInterface.addIndex(tableName, { name: index.name, fields });
    }
  }
}

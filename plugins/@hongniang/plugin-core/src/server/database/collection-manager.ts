import { Application } from '@nocobase/server';

/**
 * Registers our UI-manageable collections in the collection manager one after the other.
 * data-source-main does the same after install, but in parallel transactions, which SQLite refuses
 * ("cannot start a transaction within a transaction"); once registered here, its pass finds them and skips them.
 */
export async function registerInCollectionManager(app: Application, collectionNames: string[]) {
  const collections: any = app.db.getRepository('collections');
  for (const name of collectionNames) {
    await collections.db2cm(name);
  }
}

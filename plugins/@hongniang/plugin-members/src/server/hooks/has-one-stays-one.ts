// A has-one stays one. NocoBase creates a has-one's target with the owner's key without checking that the owner has
// none yet (`partnerPreferences:create {memberId}` twice, or a nested value without its id), so a member could hold
// two preference sets and matching would read whichever came first. Every write of ours that would give an owner a
// second record is refused (400), inside the write's transaction.
import { collectionTitle, Refusal } from '@hongniang/plugin-core';
import { membersLanguage } from '../language/members-language';

/** The has-one associations pointing at a collection: their owner collection and the foreign key in the target. */
function hasOneOwners(db: any, targetName: string): { owner: any; foreignKey: string }[] {
  const owners: { owner: any; foreignKey: string }[] = [];
  for (const collection of db.collections.values()) {
    for (const field of collection.fields.values()) {
      if (field.type === 'hasOne' && field.target === targetName)
        owners.push({ owner: collection, foreignKey: field.foreignKey });
    }
  }
  return owners;
}

/**
 * Refuses a record of a has-one target whose owner already has another one (create, or an update moving it). Runs after
 * the row is written, inside its transaction (the refusal undoes it), so that access checks registered first answer first.
 */
export function keepHasOneSingle(db: any) {
  db.on('afterSave', async (record: any, options: any) => {
    const collection = record?.constructor?.collection;
    if (!String(collection?.options?.origin || '').startsWith('@hongniang/')) return;
    for (const { owner, foreignKey } of hasOneOwners(db, collection.name)) {
      const ownerKey = record.get(foreignKey);
      if (ownerKey == null || !(options?.fields || [foreignKey]).includes(foreignKey)) continue;
      const pk = collection.model.primaryKeyAttribute;
      const others = await db.getRepository(collection.name).count({
        filter: { [foreignKey]: ownerKey, ...(record.get(pk) != null ? { [pk]: { $ne: record.get(pk) } } : {}) },
        transaction: options?.transaction,
      });
      if (!others) continue;
      const language = membersLanguage(options);
      const values = {
        owner: collectionTitle(owner, language),
        ownerKey,
        target: collectionTitle(collection, language),
      };
      throw new Refusal(
        language.t('{{owner}} {{ownerKey}} already has {{target}}; edit them instead of adding a second set', values),
        { field: foreignKey },
      );
    }
  });
}

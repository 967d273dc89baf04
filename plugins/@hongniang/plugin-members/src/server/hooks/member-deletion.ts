// Deleting a member erases her (PIPL gives her that right): her preferences, the suggestions about her, her links and her
// photos go with her, in the delete's own transaction (photo files right after it commits). A plugin that still needs
// her may refuse first; then nothing is deleted.
import { localeOf, Refusal } from '@hongniang/plugin-core';

/** A delete refused because the agency's work still needs the member (open introductions, later): HTTP 409, nothing deleted. */
export class MemberDeletionRefused extends Refusal {
  /** `message` in the caller's language: the refusing plugin's own sentence, `languageOf(options, itsNamespace).t(...)`. */
  constructor(message: string) {
    super(message, { field: 'id', status: 409, code: 'HONGNIANG_MEMBER_DELETION_REFUSED' });
  }
}

/**
 * A plugin's say on deleting one member: throw MemberDeletionRefused to keep her; read through options.transaction. The
 * request (`context`) is there for `languageOf(options, itsNamespace)`; `locale` names the caller's language.
 */
export type DeletionCheck = (member: any, options: { transaction?: any; context?: any; locale: string }) => unknown;

/**
 * The members.beforeDestroy listener, one member at a time inside the delete's transaction: every check, then her records.
 * A collection's own events run before the global beforeDestroy where NocoBase cascades, so a refusal comes before any delete.
 */
export function eraseMemberOnDelete(checks: DeletionCheck[]) {
  return async (member: any, options: any) => {
    for (const check of checks)
      await check(member, { transaction: options?.transaction, context: options?.context, locale: localeOf(options) });
    const collection = member.constructor.collection;
    await destroyCascades(collection, member, options ?? {});
    await removeFilesAfterCommit(collection, member, options ?? {});
  };
}

/**
 * Her records that members marks CASCADE on its own has-one and has-many fields (preferences, suggestions for her). NocoBase
 * keeps one delete rule per foreign key, and partnerPreferences' `member` field (no rule) replaced the has-one's CASCADE
 * when the collection manager bound the fields again, leaving preferences behind: so the declared cascades run here.
 */
async function destroyCascades(collection: any, member: any, options: any) {
  for (const field of collection.fields.values()) {
    if (!['hasOne', 'hasMany'].includes(field.type) || String(field.options.onDelete).toUpperCase() !== 'CASCADE')
      continue;
    const repository = collection.db.getRepository(field.target);
    const filter = { [field.foreignKey]: member.get(field.options.sourceKey || 'id') };
    if (!(await repository.count({ filter, transaction: options.transaction }))) continue;
    await repository.destroy({ filter, transaction: options.transaction, context: options.context });
  }
}

const isFileCollection = (collection: any) =>
  collection?.name === 'attachments' || collection?.options?.template === 'file';

/**
 * Her photos (file fields). NocoBase deletes only the link; the file record and the stored file are removed here once the
 * delete is committed (a file removed earlier could not come back if the delete rolled back). A file another member still
 * links is kept.
 */
async function removeFilesAfterCommit(collection: any, member: any, options: any) {
  const db = collection.db;
  for (const field of collection.fields.values()) {
    if (field.type !== 'belongsToMany' || !isFileCollection(db.getCollection(field.target))) continue;
    const links = db.getModel(field.through);
    const rows = await links.findAll({
      where: { [field.foreignKey]: member.get('id') },
      attributes: [field.otherKey],
      raw: true,
      transaction: options.transaction,
    });
    const fileIds: unknown[] = rows.map((row: any) => row[field.otherKey]);
    if (!fileIds.length) continue;
    const remove = async () => {
      const stillLinked = new Set(
        (await links.findAll({ where: { [field.otherKey]: fileIds }, attributes: [field.otherKey], raw: true })).map(
          (row: any) => row[field.otherKey],
        ),
      );
      const orphans = fileIds.filter((id) => !stillLinked.has(id));
      if (orphans.length) await db.getRepository(field.target).destroy({ filterByTk: orphans });
    };
    const report = (error: Error) =>
      db.logger?.error?.(`[hongniang] photos of a deleted member could not be removed: ${error.message}`, { fileIds });
    if (options.transaction?.afterCommit) options.transaction.afterCommit(() => remove().catch(report));
    else await remove();
  }
}

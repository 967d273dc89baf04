// Kanban drags (`move`, NocoBase's sort plugin) on any collection, by any route. The handler reads `sourceId` and
// `targetId` without the role's data scope (an ACL alias of update): a matchmaker could reorder, and re-group, another
// matchmaker's member; here both must be in her reach. And it trusts its input: a collection without the sort field it
// names (a reminder has none), a many-to-many association, or a record that does not exist failed inside it with a 500.
// Those are refused here (400, 404), after the caller's reach, so that a refusal never tells her what exists beyond it.
import { collectionTitle, Refusal, scopeOf } from '@hongniang/plugin-core';
import { accessLanguage } from '../privacy/access-refusal';
import { allWithin, targetKeyOf } from '../privacy/record-scope';
import { outOfScope } from '../privacy/record-refusal';
import { requestedCollection } from '../privacy/request-fields';
import { viewerOf } from '../privacy/viewer';

export async function guardMoves(ctx: any, next: () => Promise<void>) {
  const collection = ctx.action?.actionName === 'move' ? requestedCollection(ctx) : undefined;
  if (!collection) return next();
  const language = accessLanguage({ context: ctx });
  const { sourceId, targetId } = ctx.action.params;
  const keys = [sourceId, targetId].filter((key) => key != null && key !== '');
  if (viewerOf(ctx)) {
    const scope = await scopeOf(ctx, collection.name, 'update');
    // No update permission at all: the ACL answers 403 right after.
    if (!scope) return next();
    if (!keys.every((key) => holdsKey(collection, key)) || !(await allWithin(ctx, collection, scope, keys)))
      throw outOfScope(collection, language);
  }
  const named = { collection: collectionTitle(collection, language) };
  const sortField = sortFieldOf(ctx);
  if (!sortField.sortable || collection.getField(sortField.name)?.type !== 'sort')
    throw new Refusal(
      language.t('“{{field}}” is not a sort field of {{collection}}; nothing was moved', {
        ...named,
        field: sortField.name,
      }),
      { field: sortField.name },
    );
  for (const key of keys)
    if (!(await exists(ctx, collection, key)))
      throw new Refusal(
        language.t('There is no {{collection}} record with key {{key}}; nothing was moved', { ...named, key }),
        { field: collection.name, status: 404 },
      );
  await next();
}

/**
 * The sort field a move works on, as NocoBase's handler picks it: the one named, a has-many's `<foreignKey>Sort`, or
 * `sort`. Not sortable through a many-to-many association (the handler refuses those with an exception).
 */
function sortFieldOf(ctx: any): { name: string; sortable: boolean } {
  const [source, association] = String(ctx.action.resourceName).split('.');
  const field = association ? (ctx.db || ctx.database).getCollection(source)?.getField(association) : undefined;
  const named = ctx.action.params.sortField;
  const name = named ? String(named) : field?.type === 'hasMany' ? `${field.foreignKey}Sort` : 'sort';
  return { name, sortable: field?.type !== 'belongsToMany' };
}

/**
 * Whether the primary key's type can hold `key` (`abc` is no number: PostgreSQL fails such a query with a 500). The key
 * is often no declared field (an `id` NocoBase adds), so its column's type is read from the model.
 */
function holdsKey(collection: any, key: unknown) {
  const targetKey = targetKeyOf(collection);
  const declared = collection.getField(targetKey)?.type;
  const column = collection.model.getAttributes?.()[targetKey]?.type?.key;
  const numeric =
    ['bigInt', 'integer', 'snowflakeId'].includes(declared) || ['BIGINT', 'INTEGER', 'SMALLINT'].includes(column);
  return !numeric || /^\d{1,18}$/.test(String(key));
}

/** Whether a record of `collection` has this key. */
async function exists(ctx: any, collection: any, key: unknown) {
  if (!holdsKey(collection, key)) return false;
  const db = ctx.db || ctx.database;
  return (await db.getRepository(collection.name).count({ filter: { [targetKeyOf(collection)]: key } })) > 0;
}

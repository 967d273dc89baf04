// Whether records lie in the rows a caller's roles reach (plugin-core's `scopeOf`), for the checks that NocoBase's own
// handlers skip.

/** The field a collection's records are named by in requests (`filterByTk`, a move's `sourceId`): its filter target key. */
export const targetKeyOf = (collection: any): string =>
  collection.filterTargetKey || collection.model.primaryKeyAttribute;

/** Whether every record named by `keys` lies in the scope (`transaction`: the write's own, so it sees its rows). */
export async function allWithin(ctx: any, collection: any, scope: object | null, keys: unknown[], transaction?: any) {
  const wanted = [...new Set(keys.filter((key) => key != null && key !== '').map(String))];
  if (!wanted.length || (scope && !Object.keys(scope).length)) return Boolean(scope);
  if (!scope) return false;
  const key = targetKeyOf(collection);
  const db = ctx.db || ctx.database;
  const found = await db
    .getRepository(collection.name)
    .count({ filter: { $and: [scope, { [`${key}.$in`]: wanted }] }, transaction });
  return found === wanted.length;
}

// The rows a caller's roles reach with an action, as NocoBase's ACL computes them (data scopes with `{{$user.id}}` and
// other variables resolved), for the checks that NocoBase's own handlers skip.
import { viewerOf } from './viewer';

/**
 * The filter of the rows the caller may reach with `action` on `collectionName`: null when her roles grant the action
 * not at all, `{}` when they reach every row. `ctx` is the request (also `options.context` in a database hook).
 */
export async function scopeOf(ctx: any, collectionName: string, action: string): Promise<object | null> {
  const viewer = viewerOf(ctx);
  if (!viewer) return {};
  const acl = ctx.app.acl;
  const can = acl.can({ roles: viewer.roles, resource: collectionName, action });
  if (!can) return null;
  if (!can.params?.filter) return {};
  const resolved = await acl.resolvePermissionParams(ctx, {
    actionName: action,
    can,
    params: {},
    resourceName: collectionName,
    rawResourceName: collectionName,
  });
  return resolved.parsedParams?.filter ?? can.params.filter;
}

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

// Who is behind a request (or the database operation it causes): her user id and the roles she acts in.

/** The signed-in user's id, or null (a script, a workflow, the server's own work). `ctx`: a Koa context or undefined. */
export function callerIdOf(ctx: any): number | null {
  const id = ctx?.state?.currentUser?.id;
  return id == null ? null : Number(id);
}

/** The roles the caller acts in: all of them in NocoBase's union-role mode, else the current one; [] without a request. */
export function callerRolesOf(ctx: any): string[] {
  if (ctx?.state?.currentRoles?.length) return ctx.state.currentRoles;
  return ctx?.state?.currentRole ? [ctx.state.currentRole] : [];
}

/**
 * Whether the caller may `action` every record of `resource`: root, no request (the server itself), or a role granted
 * the action without a data scope (a manager). A matchmaker whose grant is scoped to her own records does not.
 */
export function reachesEveryRecord(ctx: any, resource: string, action: string): boolean {
  const roles = callerRolesOf(ctx);
  if (!ctx || !roles.length || roles.includes('root')) return true;
  const can = ctx.app.acl.can({ roles, resource, action });
  return Boolean(can && !can.params?.filter);
}

/**
 * The filter of the rows the caller may reach with `action` on `collectionName`, as NocoBase's ACL computes it (data
 * scopes with `{{$user.id}}` and other variables resolved): null when her roles grant the action not at all, `{}` when
 * they reach every row, and when nothing is checked (root, or no role: the server's own work). `ctx` is the request
 * (also `options.context` in a database hook).
 */
export async function scopeOf(ctx: any, collectionName: string, action: string): Promise<object | null> {
  const roles = callerRolesOf(ctx);
  if (!roles.length || roles.includes('root')) return {};
  const acl = ctx.app.acl;
  const can = acl.can({ roles, resource: collectionName, action });
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

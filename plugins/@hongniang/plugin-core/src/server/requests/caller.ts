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

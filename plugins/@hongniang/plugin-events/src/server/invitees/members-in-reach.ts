// Whose members a caller may invite: those her roles may update (a matchmaker her own, a manager every member).
import { callerRolesOf } from '@hongniang/plugin-core';

/**
 * The NocoBase filter of the members the caller works for: her roles' data scope on `members:update`, with
 * `{{$user.id}}` and other variables resolved (`{}`: every member). Null when her roles may not update members at all.
 */
export async function membersInReach(ctx: any): Promise<object | null> {
  const roles = callerRolesOf(ctx);
  if (roles.includes('root')) return {};
  const acl = ctx.app.acl;
  const can = acl.can({ roles, resource: 'members', action: 'update' });
  if (!can) return null;
  if (!can.params?.filter) return {};
  const resolved = await acl.resolvePermissionParams(ctx, {
    actionName: 'update',
    can,
    params: {},
    resourceName: 'members',
    rawResourceName: 'members',
  });
  return resolved.parsedParams?.filter ?? can.params.filter;
}

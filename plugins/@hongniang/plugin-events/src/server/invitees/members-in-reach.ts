// Whose members a caller may invite: those her roles may update (a matchmaker her own, a manager every member).
import { callerRolesOf, scopeOf } from '@hongniang/plugin-core';

/**
 * The NocoBase filter of the members the caller works for: her roles' data scope on `members:update`, with
 * `{{$user.id}}` and other variables resolved (`{}`: every member). Null when her roles may not update members at all,
 * or when she acts in no role.
 */
export async function membersInReach(ctx: any): Promise<object | null> {
  if (!callerRolesOf(ctx).length) return null;
  return scopeOf(ctx, 'members', 'update');
}

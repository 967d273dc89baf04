import { Refusal } from '@hongniang/plugin-core';
import { membersLanguage } from '../language/members-language';

const isPreferencesUpdate = (ctx: any) => {
  const { resourceName, actionName } = ctx.action || {};
  return resourceName === 'members.partnerPreferences' && actionName === 'update';
};

/**
 * A member has one set of preferences, so `members/<id>/partnerPreferences:update` needs no `filterByTk`:
 * the request is narrowed to that member's set (NocoBase would answer 500, "filter or filterByTk is required").
 * Runs before NocoBase's filter check, so it only rewrites parameters; the lookup waits for the ACL (below).
 */
export async function narrowPreferencesUpdate(ctx: any, next: () => Promise<void>) {
  const params = ctx.action?.params;
  if (isPreferencesUpdate(ctx) && !params.filterByTk && !params.filter) {
    params.filter = { memberId: params.associatedIndex };
    ctx.state.preferencesNarrowed = true;
  }
  return next();
}

/** After the ACL: a member without preferences gets a 404 that says so, not a silent no-op. */
export async function requireMemberPreferences(ctx: any, next: () => Promise<void>) {
  if (!isPreferencesUpdate(ctx) || !ctx.state.preferencesNarrowed) return next();
  const memberId = ctx.action.params.associatedIndex;
  if (!(await ctx.db.getRepository('partnerPreferences').count({ filter: { memberId } }))) {
    const { t } = membersLanguage({ context: ctx });
    throw new Refusal(t('Member {{member}} has no partner preferences yet; create them first', { member: memberId }), {
      field: 'partnerPreferences',
      status: 404,
    });
  }
  return next();
}

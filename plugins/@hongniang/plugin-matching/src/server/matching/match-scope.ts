// Whom a caller may match (and save suggestions for): the members in her data scope for the `match` action.
import { Language, Refusal } from '@hongniang/plugin-core';

/** A member as staff know her, in the caller's language: name and member number, 张三（HN000008）; never the internal id. */
export function memberLabel(member: { name?: string | null; memberNo?: string | null }, language: Language) {
  const name = member.name || '';
  return member.memberNo ? language.t('{{name}} ({{memberNo}})', { name, memberNo: member.memberNo }) : name;
}

/** The member, if she is in the caller's data scope for matching; 404 when there is no such member, 403 when out of reach. */
export async function memberInScope(ctx: any, memberId: number, language: Language, field = 'filterByTk') {
  const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, {
    resourceName: 'members',
    actionName: 'match',
    params: {},
  });
  const repository = ctx.db.getRepository('members');
  const member = await repository.findOne({
    filterByTk: memberId,
    filter: mergedParams.filter,
    fields: ['id', 'name'],
  });
  if (member) return member;
  const outOfReach = await repository.findOne({ filterByTk: memberId, fields: ['id', 'name', 'memberNo'] });
  if (outOfReach) {
    const member = memberLabel(outOfReach.toJSON(), language);
    throw new Refusal(language.t('Member {{member}} is not among the members you may match', { member }), {
      field,
      status: 403,
    });
  }
  throw new Refusal(language.t('There is no member with id {{id}}', { id: memberId }), { field, status: 404 });
}

// Whom a caller may match (and save suggestions for): the members in her data scope for the `match` action.
import { MatchingRefusal } from './refusal';

const say = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

/** A member as staff know her: name and member number, 张三（HN000008）; never the internal id. */
export function memberLabel(member: { name?: string | null; memberNo?: string | null }) {
  const name = member.name || '';
  return member.memberNo ? say(`${name}（${member.memberNo}）`, `${name} (${member.memberNo})`) : say(name, name);
}

/** The member, if she is in the caller's data scope for matching; 404 when there is no such member, 403 when out of reach. */
export async function memberInScope(ctx: any, memberId: number, locale: string, field = 'filterByTk') {
  const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, { resourceName: 'members', actionName: 'match', params: {} });
  const repository = ctx.db.getRepository('members');
  const member = await repository.findOne({ filterByTk: memberId, filter: mergedParams.filter, fields: ['id', 'name'] });
  if (member) return member;
  const outOfReach = await repository.findOne({ filterByTk: memberId, fields: ['id', 'name', 'memberNo'] });
  if (outOfReach) {
    const label = memberLabel(outOfReach.toJSON());
    throw new MatchingRefusal(403, field, say(`会员 ${label['zh-CN']}不在您可匹配的范围内`, `Member ${label['en-US']} is not among the members you may match`), locale);
  }
  throw new MatchingRefusal(404, field, say(`没有 id 为 ${memberId} 的会员`, `There is no member with id ${memberId}`), locale);
}

// NocoBase's ACL refuses a role without matching's actions with "No permissions", in English. Run inside the ACL just
// before it does (app.acl.use), this refuses the same requests with a sentence in the caller's language, naming the member.
import { localeOf } from '@hongniang/plugin-core';
import { memberLabel } from './match-scope';
import { MatchingRefusal } from './refusal';

type Messages = { 'zh-CN': string; 'en-US': string };

/** The member a request names, as staff know her, if the caller may view her (else no name is given away). */
async function namedMember(ctx: any, id: unknown) {
  if (!ctx.can({ resource: 'members', action: 'view' }) || !/^\d+$/.test(String(id ?? ''))) return null;
  const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, { resourceName: 'members', actionName: 'view', params: {} });
  const member = await ctx.db.getRepository('members').findOne({ filterByTk: Number(id), filter: mergedParams.filter, fields: ['name', 'memberNo'] });
  return member ? memberLabel(member.toJSON()) : null;
}

const SENTENCES: Record<string, (ctx: any) => Promise<Messages>> = {
  'members:match': async (ctx) => {
    const member = await namedMember(ctx, ctx.action.params.filterByTk);
    return member
      ? { 'zh-CN': `您的角色不能为会员 ${member['zh-CN']}找对象`, 'en-US': `Your role may not find matches for ${member['en-US']}` }
      : { 'zh-CN': '您的角色不能为会员找对象', 'en-US': 'Your role may not find matches for members' };
  },
  'matchSuggestions:create': async () => ({ 'zh-CN': '您的角色不能创建推荐记录', 'en-US': 'Your role may not create match suggestions' }),
  'matchSuggestions:refreshAll': async () => ({ 'zh-CN': '您的角色不能批量匹配（仅主管可以）', 'en-US': 'Your role may not run batch matching (managers can)' }),
};

export async function refuseInHerLanguage(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName, can, skip } = ctx.permission || {};
  const sentence = SENTENCES[`${resourceName}:${actionName}`];
  if (sentence && !can && !skip) throw new MatchingRefusal(403, actionName, await sentence(ctx), localeOf({ context: ctx }));
  await next();
}

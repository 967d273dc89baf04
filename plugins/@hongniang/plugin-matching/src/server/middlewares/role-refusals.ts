// NocoBase's ACL refuses a role without matching's actions with "No permissions", in English. Run inside the ACL just
// before it does (app.acl.use), this refuses the same requests with a sentence in the caller's language, naming the member.
import { Language, Refusal } from '@hongniang/plugin-core';
import { matchingLanguage } from '../language/matching-language';
import { memberLabel } from '../matching/match-scope';

/** The member a request names, as staff know her, if the caller may view her (else no name is given away). */
async function namedMember(ctx: any, id: unknown, language: Language) {
  if (!ctx.can({ resource: 'members', action: 'view' }) || !/^\d+$/.test(String(id ?? ''))) return null;
  const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, {
    resourceName: 'members',
    actionName: 'view',
    params: {},
  });
  const member = await ctx.db
    .getRepository('members')
    .findOne({ filterByTk: Number(id), filter: mergedParams.filter, fields: ['name', 'memberNo'] });
  return member ? memberLabel(member.toJSON(), language) : null;
}

const SENTENCES: Record<string, (ctx: any, language: Language) => Promise<string>> = {
  'members:match': async (ctx, { t }) => {
    const member = await namedMember(ctx, ctx.action.params.filterByTk, matchingLanguage({ context: ctx }));
    return member
      ? t('Your role may not find matches for {{member}}', { member })
      : t('Your role may not find matches for members');
  },
  'matchSuggestions:create': async (ctx, { t }) => t('Your role may not create match suggestions'),
  'matchSuggestions:refreshAll': async (ctx, { t }) => t('Your role may not run batch matching (managers can)'),
};

export async function refuseInHerLanguage(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName, can, skip } = ctx.permission || {};
  const sentence = SENTENCES[`${resourceName}:${actionName}`];
  if (sentence && !can && !skip)
    throw new Refusal(await sentence(ctx, matchingLanguage({ context: ctx })), { field: actionName, status: 403 });
  await next();
}

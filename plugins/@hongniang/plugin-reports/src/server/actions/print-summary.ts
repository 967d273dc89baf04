// `GET /api/serviceSummaries:print?filterByTk=<id>`: the summary as a clean printable page (summaries/print-page.ts) in
// the caller's language, for whoever may view it: the rows her roles reach with `view` (NocoBase's ACL, data scope
// resolved: a matchmaker her own members' summaries), 403 for a role without `view`, 404 for a summary out of her reach.
import { Refusal, scopeOf } from '@hongniang/plugin-core';
import { reportsLanguage } from '../language/reports-language';
import { printPage } from '../summaries/print-page';

export async function printSummaryAction(ctx: any, next: () => Promise<void>) {
  const language = reportsLanguage({ context: ctx });
  const scope = await scopeOf(ctx, 'serviceSummaries', 'view');
  if (!scope)
    throw new Refusal(language.t('You may not see monthly service summaries'), {
      field: 'serviceSummaries',
      status: 403,
    });
  const id = ctx.action.params.filterByTk;
  // A summary's id is a whole number: anything else would reach the database as a malformed key (a 500 on PostgreSQL).
  if (!/^\d{1,18}$/.test(String(id ?? '')))
    throw new Refusal(language.t('Name the summary to print: filterByTk=<its id>'), { field: 'filterByTk' });
  const summary = await ctx.db.getRepository('serviceSummaries').findOne({
    filterByTk: id,
    filter: scope,
    appends: ['member', 'matchmaker'],
  });
  if (!summary)
    throw new Refusal(language.t('There is no monthly service summary no. {{id}} among those you may see', { id }), {
      field: 'filterByTk',
      status: 404,
    });
  ctx.withoutDataWrapping = true;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = printPage(ctx.db, summary.toJSON(), language);
  await next();
}

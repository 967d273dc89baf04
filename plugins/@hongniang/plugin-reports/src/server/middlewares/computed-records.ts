// Monthly records (matchmakerMonths, agencyMonths) are the server's: every role may at most read them (list, get, chart
// query, export) and a manager recompute a month; a create, update, delete or import is refused for everyone, root
// included, before it runs.
import { Refusal } from '@hongniang/plugin-core';
import { reportsLanguage } from '../language/reports-language';

const READS_AND_RECOMPUTE = new Set(['list', 'get', 'query', 'export', 'recompute', 'listMeta']);

/** The collections whose records only the server writes. */
export const COMPUTED_COLLECTIONS = ['matchmakerMonths', 'agencyMonths'];

export async function refuseWritesToKpis(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName } = ctx.action || {};
  if (COMPUTED_COLLECTIONS.includes(resourceName) && !READS_AND_RECOMPUTE.has(actionName))
    throw new Refusal(
      reportsLanguage({ context: ctx }).t(
        "Monthly figures (matchmakers' and the agency's) are computed by the system and cannot be changed; a manager may recompute a month (recompute)",
      ),
      { field: resourceName, status: 403 },
    );
  await next();
}

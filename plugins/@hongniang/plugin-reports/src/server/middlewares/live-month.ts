// The current month is live: a read of the KPI records (list, get, their chart queries) first recomputes it when its
// figures are older than a minute (month-keeper.ts). After the ACL: a refused caller causes no work.
import { MonthKeeper } from '../kpis/month-keeper';

const READS = new Set(['list', 'get', 'query', 'export']);

/** Whether the request reads matchmakerMonths: its own reads, or the chart plugin's query over it. */
function readsKpis(ctx: any) {
  const { resourceName, actionName, params } = ctx.action || {};
  if (resourceName === 'matchmakerMonths') return READS.has(actionName);
  return resourceName === 'charts' && actionName === 'queryData' && params?.values?.collection === 'matchmakerMonths';
}

export function refreshLiveMonth(keeper: MonthKeeper) {
  return async function refreshLiveMonthOnRead(ctx: any, next: () => Promise<void>) {
    if (readsKpis(ctx)) await keeper.refreshLive();
    await next();
  };
}

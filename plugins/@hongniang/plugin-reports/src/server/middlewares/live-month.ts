// The current month is live: a read of the monthly records (matchmakerMonths, agencyMonths: list, get, chart queries) first recomputes it when its
// figures are older than a minute (month-keeper.ts). After the ACL: a refused caller causes no work.
import { MonthKeeper } from '../kpis/month-keeper';
import { COMPUTED_COLLECTIONS } from './computed-records';

const READS = new Set(['list', 'get', 'query', 'export']);

/** Whether the request reads monthly records: their own reads, or the chart plugin's query over them. */
function readsKpis(ctx: any) {
  const { resourceName, actionName, params } = ctx.action || {};
  if (COMPUTED_COLLECTIONS.includes(resourceName)) return READS.has(actionName);
  return (
    resourceName === 'charts' && actionName === 'queryData' && COMPUTED_COLLECTIONS.includes(params?.values?.collection)
  );
}

export function refreshLiveMonth(keeper: MonthKeeper) {
  return async function refreshLiveMonthOnRead(ctx: any, next: () => Promise<void>) {
    if (readsKpis(ctx)) await keeper.refreshLive();
    await next();
  };
}

// `POST /api/matchmakerMonths:recompute` (or `agencyMonths:recompute`) with `{ month: 'YYYY-MM' }`: recomputes that
// month's records, the matchmakers' and the agency's together, from today's data, for whoever sees every record of the
// collection asked (a manager, the admin). A closed month stays closed; a past month not closed yet
// is closed; the current month stays live. 403 for anyone else, 400 for a month that is not one or has not begun.
import { reachesEveryRecord, Refusal } from '@hongniang/plugin-core';
import { reportsLanguage } from '../language/reports-language';
import { MonthKeeper } from '../kpis/month-keeper';
import { isMonth } from '../kpis/months';

export function recomputeAction(keeper: MonthKeeper) {
  return async (ctx: any, next: () => Promise<void>) => {
    const { t } = reportsLanguage({ context: ctx });
    const collection = ctx.action.resourceName;
    if (!reachesEveryRecord(ctx, collection, 'view'))
      throw new Refusal(t('Only a manager may recompute the KPI records'), { field: collection, status: 403 });
    const params = ctx.action.params;
    const month = params.values?.month ?? params.month;
    if (!isMonth(month))
      throw new Refusal(
        t('month must be a month written YYYY-MM (e.g. 2026-11), not "{{value}}"', { value: month ?? '' }),
        {
          field: 'month',
        },
      );
    const current = await keeper.currentMonth();
    if (month > current)
      throw new Refusal(t('Month {{value}} has not begun yet: there is nothing to compute', { value: month }), {
        field: 'month',
      });
    const records = await keeper.recompute(month);
    ctx.body = { month, records, closed: month < current };
    await next();
  };
}

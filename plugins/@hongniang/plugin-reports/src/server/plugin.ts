import { Plugin } from '@nocobase/server';
import { declareAccess, ensureIndexes, registerInCollectionManager, rowByRow } from '@hongniang/plugin-core';
import { recomputeAction } from './actions/recompute';
import { keepRatingsInMonths } from './hooks/rating-in-month';
import { checkServiceRating } from './hooks/service-rating-rules';
import { MonthKeeper } from './kpis/month-keeper';
import { labelChartCategories } from './middlewares/chart-labels';
import { COMPUTED_COLLECTIONS, refuseWritesToKpis } from './middlewares/computed-records';
import { refreshLiveMonth } from './middlewares/live-month';
import { REPORTS_ACCESS } from './roles';

/** Ours, in the collection manager. */
export const MANAGED_COLLECTIONS = ['matchmakerMonths', 'agencyMonths', 'serviceRatings'];

/**
 * Reports (报表): 红娘绩效 and 机构月度经营, each matchmaker's and the agency's figures per agency month kept as records
 * (closed at month end, recomputable, the current month live), and the managers' 服务态度 ratings. Charts read the
 * records. See docs/reports.md.
 */
export class PluginReportsServer extends Plugin {
  readonly keeper = new MonthKeeper(this.app);

  async load() {
    declareAccess(this.app, this.name, REPORTS_ACCESS);
    // Service ratings: checked on every write path, and carried into their month's KPI record.
    rowByRow(this.db, 'serviceRatings');
    for (const event of ['beforeCreate', 'beforeUpdate'])
      this.db.on(`serviceRatings.${event}`, (model: any, options: any) => checkServiceRating(this.db, model, options));
    keepRatingsInMonths(this.db);
    // Monthly records (matchmakers' and agency's): the server's alone; the live month recomputed as it is read; a
    // manager's recompute of both.
    this.app.resourceManager.use(refuseWritesToKpis, { tag: 'hongniang-reports-computed-records', before: 'acl' });
    this.app.resourceManager.use(refreshLiveMonth(this.keeper), { tag: 'hongniang-reports-live-month', after: 'acl' });
    // Charts (ours and those a manager builds): an option field's categories in words, in the caller's language.
    this.app.resourceManager.use(labelChartCategories, { tag: 'hongniang-reports-chart-labels', after: 'acl' });
    for (const collection of COMPUTED_COLLECTIONS) {
      this.app.resourceManager.registerActionHandlers({ [`${collection}:recompute`]: recomputeAction(this.keeper) });
      this.app.acl.allow(collection, 'recompute', 'loggedIn');
    }
    // Closing past months: at start (the catch-up of a stopped server), then hourly; stopped with the app.
    this.app.on('afterStart', () => this.keeper.start());
    this.app.on('beforeStop', async () => {
      this.keeper.stop();
      await this.keeper.idle();
    });
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }

  async upgrade() {
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }
}

export default PluginReportsServer;

import { Application, Plugin } from '@nocobase/server';
import {
  declareAccess,
  ensureIndexes,
  extendBlueprint,
  registerInCollectionManager,
  rowByRow,
} from '@hongniang/plugin-core';
import { withMemberPopupDefaults } from '@hongniang/plugin-members';
import { printSummaryAction } from './actions/print-summary';
import { recomputeAction } from './actions/recompute';
import { keepRatingsInMonths } from './hooks/rating-in-month';
import { checkServiceRating } from './hooks/service-rating-rules';
import { checkSummaryWrite } from './hooks/summary-writes';
import { MonthKeeper } from './kpis/month-keeper';
import { labelChartCategories } from './middlewares/chart-labels';
import { COMPUTED_COLLECTIONS, refuseWritesToServerRecords } from './middlewares/computed-records';
import { refuseExportsWithoutColumns } from './middlewares/export-columns';
import { refreshLiveMonth } from './middlewares/live-month';
import { connectFiltersToCharts } from './pages/filter-connections';
import { MINE_PAGE, OVERVIEW_PAGE, REPORTS_ACCESS, SUMMARIES_PAGE } from './roles';

/** Ours, in the collection manager. */
export const MANAGED_COLLECTIONS = ['matchmakerMonths', 'agencyMonths', 'serviceRatings', 'serviceSummaries'];

/**
 * Reports (报表): 红娘绩效 and 机构月度经营, each matchmaker's and the agency's figures per agency month kept as records
 * (closed at month end, recomputable, the current month live), the managers' 服务态度 ratings, and each member's 月度服务总结
 * (drafted when a month closes, planned and sent by her matchmaker, printable). Charts read the records. See
 * docs/reports.md.
 */
/** The finishing step of the dashboards' pages (plugin-core's extendBlueprint). */
const connectChartFilters = async (app: Application) => {
  await connectFiltersToCharts(app);
};

export class PluginReportsServer extends Plugin {
  readonly keeper = new MonthKeeper(this.app);

  async load() {
    declareAccess(this.app, this.name, REPORTS_ACCESS);
    this.keepServiceRatings();
    this.keepServiceSummaries();
    this.guardServerRecords();
    this.serveCharts();
    this.closeMonths();
  }

  /** Service ratings: checked on every write path, and carried into their month's KPI record. */
  private keepServiceRatings() {
    rowByRow(this.db, 'serviceRatings');
    for (const event of ['beforeCreate', 'beforeUpdate'])
      this.db.on(`serviceRatings.${event}`, (model: any, options: any) => checkServiceRating(this.db, model, options));
    keepRatingsInMonths(this.db);
  }

  /**
   * Service summaries: people write their plan and status (sending stamps who and when) on every write path; 打印
   * answers one as a printable page to whoever may view it (checked in the handler against her view scope); the page's
   * member opens as on the member page.
   */
  private keepServiceSummaries() {
    rowByRow(this.db, 'serviceSummaries');
    for (const event of ['beforeCreate', 'beforeUpdate'])
      this.db.on(`serviceSummaries.${event}`, (model: any, options: any) => checkSummaryWrite(this.db, model, options));
    this.app.resourceManager.registerActionHandlers({ 'serviceSummaries:print': printSummaryAction });
    this.app.acl.allow('serviceSummaries', 'print', 'loggedIn');
    extendBlueprint(this.app, SUMMARIES_PAGE, withMemberPopupDefaults);
  }

  /**
   * Records the server writes (monthly records, summaries): refused to other writers, exported with columns named; the
   * live month recomputed as it is read; a manager's recompute of a month (and of a past month's summaries).
   */
  private guardServerRecords() {
    this.app.resourceManager.use(refuseWritesToServerRecords, {
      tag: 'hongniang-reports-computed-records',
      before: 'acl',
    });
    this.app.resourceManager.use(refreshLiveMonth(this.keeper), { tag: 'hongniang-reports-live-month', after: 'acl' });
    this.app.resourceManager.use(refuseExportsWithoutColumns([...COMPUTED_COLLECTIONS, 'serviceSummaries']), {
      tag: 'hongniang-reports-export-columns',
      after: 'acl',
    });
    for (const collection of COMPUTED_COLLECTIONS) {
      this.app.resourceManager.registerActionHandlers({ [`${collection}:recompute`]: recomputeAction(this.keeper) });
      this.app.acl.allow(collection, 'recompute', 'loggedIn');
    }
  }

  /**
   * Charts (ours and those a manager builds): an option field's categories in words, in the caller's language. The
   * dashboards' filter fields filter the charts of their tab beside its table.
   */
  private serveCharts() {
    this.app.resourceManager.use(labelChartCategories, { tag: 'hongniang-reports-chart-labels', after: 'acl' });
    for (const page of [OVERVIEW_PAGE, MINE_PAGE]) extendBlueprint(this.app, page, null, connectChartFilters);
  }

  /** Past months closed and last month's summaries drafted: at start (a stopped server's catch-up), then hourly. */
  private closeMonths() {
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

  /** Every upgrade: a collection added since (serviceSummaries) joins the collection manager; indexes. */
  async upgrade() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }
}

export default PluginReportsServer;

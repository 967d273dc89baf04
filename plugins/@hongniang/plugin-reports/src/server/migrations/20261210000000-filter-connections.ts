import { Migration } from '@nocobase/server';
import { connectFiltersToCharts } from '../pages/filter-connections';

/**
 * An agency whose 经营概览 and 我的业绩 were created before their filter fields filtered the charts too: each tab's
 * filter field is connected to the charts over its table's collection (pages/filter-connections.ts), keeping what an
 * admin connected. Nothing to do on a new installation (the pages' finishing step did it) or a second run.
 */
export default class FilterConnections extends Migration {
  on = 'afterLoad';

  async up() {
    await connectFiltersToCharts(this.app);
  }
}

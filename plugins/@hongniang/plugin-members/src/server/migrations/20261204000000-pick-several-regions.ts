import { Migration } from '@nocobase/server';
import { pickRegionsByName } from '../pages/region-pickers';

/**
 * An agency installed before 期望地区 took several places: its 择偶标准 forms and details have NocoBase's one-place
 * China-region picker there (or, older still, a text box). Gives them the several-places picker and display a new
 * installation's pages get; a field an admin bound otherwise is left alone.
 */
export default class PickSeveralRegions extends Migration {
  on = 'afterLoad';

  async up() {
    await pickRegionsByName(this.app);
  }
}

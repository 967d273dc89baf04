import { Migration } from '@nocobase/server';
import { pickRegionsByName } from '../pages/region-pickers';

/**
 * An agency installed before issue 12 item 4: 期望地区 in the 择偶标准 sub-forms was a text box. Gives it the China-region
 * picker a new installation's pages get; a field an admin bound otherwise is left alone.
 */
export default class PickRegionsByName extends Migration {
  on = 'afterLoad';

  async up() {
    await pickRegionsByName(this.app);
  }
}

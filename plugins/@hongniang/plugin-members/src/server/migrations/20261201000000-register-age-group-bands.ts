import { Migration } from '@nocobase/server';
import { registerInCollectionManager } from '@hongniang/plugin-core';
import { MANAGED_COLLECTIONS } from '../plugin';

/**
 * An agency installed before 年龄段设置 could load: ageGroupBands joins the collection manager, which the web client reads.
 * Registering is idempotent, so a new installation (registered at install) passes through unchanged.
 */
export default class RegisterAgeGroupBands extends Migration {
  on = 'afterLoad';

  async up() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
  }
}

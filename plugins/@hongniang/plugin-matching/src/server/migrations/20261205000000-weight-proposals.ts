import { Migration } from '@nocobase/server';
import { ensureIndexes, registerInCollectionManager } from '@hongniang/plugin-core';
import { MANAGED_COLLECTIONS } from '../plugin';

/**
 * An agency installed before weight proposals: weightProposals joins the collection manager (the web client reads it)
 * and gets its index. Both are idempotent, so a new installation passes through unchanged.
 */
export default class WeightProposals extends Migration {
  on = 'afterLoad';

  async up() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, ['weightProposals']);
  }
}

import { Migration } from '@nocobase/server';
import { grantStaffLabels } from '../agency/apply-roles';
import { offerOwnersByName } from '../pages/owner-pickers';
import type { PluginAccessServer } from '../plugin';

/**
 * An agency installed before issue 12 item 5: its 红娘 pickers listed every user (the admin, the front desk). Gives them
 * what a new installation's pages get, and the agency roles the right to ask users by role; a picker whose data scope
 * an admin set keeps it.
 */
export default class OfferOwnersByName extends Migration {
  on = 'afterLoad';

  async up() {
    const { registry } = this.plugin as PluginAccessServer;
    await grantStaffLabels(this.app.db, registry);
    await offerOwnersByName(this.app, registry);
  }
}

import { Migration } from '@nocobase/server';
import { offerMatchingWhereAllowed } from '../pages/action-visibility';

/**
 * An agency installed before issue 12 item 9: 找对象 and 批量匹配 were offered to roles the server refuses, with NocoBase's
 * JS glyph. Gives them what a new installation's pages get; a button an admin removed stays removed, and one she gave
 * linkage rules or an icon of her own keeps them.
 */
export default class OfferMatchingWhereAllowed extends Migration {
  on = 'afterLoad';

  async up() {
    await offerMatchingWhereAllowed(this.app);
  }
}

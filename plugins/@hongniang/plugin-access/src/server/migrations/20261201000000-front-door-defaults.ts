import { Migration } from '@nocobase/server';
import { applyFrontDoorDefaults } from '../setup/front-door';

/** An agency installed before: self sign-up off, and the 红娘 title and logo, each once (see front-door.ts). */
export default class FrontDoorDefaults extends Migration {
  on = 'afterLoad';

  async up() {
    await applyFrontDoorDefaults(this.app);
  }
}

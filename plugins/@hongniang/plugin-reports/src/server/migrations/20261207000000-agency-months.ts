import { Migration } from '@nocobase/server';
import { ensureIndexes, registerInCollectionManager } from '@hongniang/plugin-core';
import { MANAGED_COLLECTIONS } from '../plugin';

/** The matchmakerMonths figures added with agencyMonths (issue 16's dashboards). */
const ADDED_FIELDS = ['suggestionsMade', 'dating', 'churned', 'membersInService', 'noContactMembers'];

/**
 * An agency installed before 机构月度经营: agencyMonths joins the collection manager (the web client reads it) with its
 * unique month, and the collection manager's copy of matchmakerMonths gets the figures added to it, as the code defines
 * them. Months closed before keep their records as closed: their new figures stay 0 until a manager recomputes them;
 * the next closing pass gives each such month its agency record (month-keeper.ts). Nothing to do on a second run or a
 * new installation.
 */
export default class AgencyMonths extends Migration {
  on = 'afterLoad';

  async up() {
    const db = this.app.db;
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, ['agencyMonths']);
    const fields = db.getRepository('fields');
    for (const name of ADDED_FIELDS) {
      if (await fields.findOne({ filter: { collectionName: 'matchmakerMonths', name } })) continue;
      const field = db.getCollection('matchmakerMonths').getField(name);
      await fields.create({ values: { ...field.options, name, collectionName: 'matchmakerMonths' } });
    }
  }
}

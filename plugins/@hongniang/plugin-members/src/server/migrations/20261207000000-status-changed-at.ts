import { Op } from '@nocobase/database';
import { Migration } from '@nocobase/server';
import { refreshAges } from '../ages/age-refresh';
import { STATUS_CHANGED_AT } from '../hooks/status-changed-at';

/** The member fields this change adds (the collection manager's copy of `members` gets them). */
const ADDED_FIELDS = [STATUS_CHANGED_AT, 'ageBand'];

/**
 * An agency installed before 状态变更时间 and the five-year 年龄段 (issue 16):
 * - a member saved before has no `statusChangedAt`; she gets her last change (`updatedAt`), the best moment known. It
 *   is approximate: any later edit moved `updatedAt`, so her churn month (plugin-reports) may come later than the month
 *   she left. Members saved since are stamped exactly (hooks/status-changed-at.ts).
 * - every member gets her `ageBand` from her birth date (as the daily age refresh would at start).
 * - the collection manager's copy of `members` gets both fields as the code defines them, so pages and charts list them.
 * Each step finds nothing left to do on a second run and on a new installation.
 */
export default class StatusChangedAt extends Migration {
  on = 'afterLoad';

  async up() {
    const db = this.app.db;
    const column = (field: string) => db.getModel('members').rawAttributes[field].field || field;
    // One UPDATE copying a column (the model's own update would read the column reference as a date).
    await db.sequelize
      .getQueryInterface()
      .bulkUpdate(
        db.getCollection('members').getTableNameWithSchema(),
        { [column(STATUS_CHANGED_AT)]: db.sequelize.col(column('updatedAt')) },
        { [column(STATUS_CHANGED_AT)]: { [Op.is]: null } },
      );
    await refreshAges(db);
    const fields = db.getRepository('fields');
    if (!fields || !(await db.getRepository('collections').findOne({ filter: { name: 'members' } }))) return;
    for (const name of ADDED_FIELDS) {
      if (await fields.findOne({ filter: { collectionName: 'members', name } })) continue;
      const field = db.getCollection('members').getField(name);
      await fields.create({ values: { ...field.options, name, collectionName: 'members' } });
    }
  }
}

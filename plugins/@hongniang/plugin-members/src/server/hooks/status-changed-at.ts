// 状态变更时间 (`statusChangedAt`): the moment a member's status was set, at her creation and at every change of status,
// on every path that saves members (the API's create and update, import, a kanban move, our own code), so monthly
// figures can say when a member left (plugin-reports' churn). Read-only to callers, like the derived fields.
import { declareDerivedField } from '../validation/derived-fields';

export const STATUS_CHANGED_AT = 'statusChangedAt';

declareDerivedField('members', STATUS_CHANGED_AT, 'status');

/** A save given its list of columns writes the stamp too. */
function written(options: any) {
  if (Array.isArray(options?.fields) && !options.fields.includes(STATUS_CHANGED_AT))
    options.fields.push(STATUS_CHANGED_AT);
}

/** Stamps one member being saved: new, or her status changed. Runs after validation took back a typed value. */
function stampOne(member: any, now: Date, options: any) {
  if (!member.isNewRecord && !member.changed('status')) return;
  member.set(STATUS_CHANGED_AT, now);
  written(options);
}

/**
 * Keeps `statusChangedAt` on members (database hooks, so every path is covered): a save (create, update, a move),
 * members created together (import, demo), and an update of several by a condition (`Model.update`) that sets status.
 */
export function stampStatusChanges(db: any) {
  db.on('members.beforeSave', (member: any, options: any) => stampOne(member, new Date(), options));
  db.on('members.beforeBulkCreate', (members: any[], options: any) => {
    const now = new Date();
    for (const member of members) stampOne(member, now, options);
  });
  db.on('members.beforeBulkUpdate', (options: any) => {
    if (!options.attributes || !('status' in options.attributes)) return;
    options.attributes[STATUS_CHANGED_AT] = new Date();
    written(options);
  });
}

// 状态变更时间 (`statusChangedAt`): the moment a member's status was set, at her creation and at every change of status,
// on every path that saves members (the API's create and update, import, a kanban move, an update by condition, our own
// code: database hooks), so monthly figures can say when a member left (plugin-reports' churn). Read-only to callers,
// like the derived fields.
import { declareDerivedField } from '../validation/derived-fields';

export const STATUS_CHANGED_AT = 'statusChangedAt';

declareDerivedField('members', STATUS_CHANGED_AT, 'status');

/** A save given its list of columns writes the stamp too. */
function written(options: any) {
  if (Array.isArray(options?.fields) && !options.fields.includes(STATUS_CHANGED_AT))
    options.fields.push(STATUS_CHANGED_AT);
}

/**
 * Stamps a member being saved, one or among several created together (import, demo): new, or her status changed.
 * Called by the member checks (validate-member.ts) after a typed value was taken back and refused.
 */
export function stampStatusChange(member: any, options: any, now = new Date()) {
  if (!member.isNewRecord && !member.changed('status')) return;
  member.set(STATUS_CHANGED_AT, now);
  written(options);
}

/** An update of several members by a condition (`Model.update` with hooks) that sets their status stamps them too. */
export function stampStatusChangesByCondition(db: any) {
  db.on('members.beforeBulkUpdate', (options: any) => {
    if (!options.attributes || !('status' in options.attributes)) return;
    options.attributes[STATUS_CHANGED_AT] = new Date();
    written(options);
  });
}

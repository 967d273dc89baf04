import { onDatabaseEvent } from '@hongniang/plugin-core';

// Writes what changed for matching into matchingChanges, in the transaction of the change itself: rolled back with it,
// committed with it (a write beside it would wait on SQLite's lock, and elsewhere be journalled for a change that never was).

async function record(db: any, memberIds: (number | null)[], options: { transaction?: any }) {
  const changedAt = new Date();
  await db.getModel('matchingChanges').bulkCreate(
    memberIds.map((memberId) => ({ memberId, changedAt })),
    { transaction: options.transaction, hooks: false },
  );
}

/**
 * A member or her preferences saved or deleted: that member. A bulk write whose rows were not journalled one by one
 * (imports, seeding, a raw update or delete): everyone. Each through onDatabaseEvent, whatever the hook's signature.
 */
export function journalMatchingChanges(db: any) {
  for (const event of ['afterSave', 'afterSaveWithAssociations', 'afterDestroy']) {
    onDatabaseEvent(db, `members.${event}`, (member, options) => record(db, [member.get('id')], options));
    onDatabaseEvent(db, `partnerPreferences.${event}`, (preferences, options) =>
      preferences.get('memberId') ? record(db, [preferences.get('memberId')], options) : undefined,
    );
  }
  for (const event of ['afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy']) {
    const everyone = (_rows: unknown, options: { transaction?: any; individualHooks?: boolean }) =>
      options.individualHooks ? undefined : record(db, [null], options);
    onDatabaseEvent(db, `members.${event}`, everyone);
    onDatabaseEvent(db, `partnerPreferences.${event}`, everyone);
  }
}

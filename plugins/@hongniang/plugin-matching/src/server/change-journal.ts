// Writes what changed for matching into matchingChanges, in the transaction of the change itself.

async function record(db: any, memberIds: (number | null)[], options: any) {
  const changedAt = new Date();
  await db.getModel('matchingChanges').bulkCreate(
    memberIds.map((memberId) => ({ memberId, changedAt })),
    { transaction: options?.transaction, hooks: false },
  );
}

/** A member or her preferences saved or deleted: that member. Bulk writes (imports, seeding): everyone. */
export function journalMatchingChanges(db: any) {
  const member = (model: any, options: any) => record(db, [model.get('id')], options);
  const preferencesOwner = (model: any, options: any) => (model.get('memberId') ? record(db, [model.get('memberId')], options) : undefined);
  const everyone = (_: unknown, options: any) => record(db, [null], options);
  for (const event of ['afterSave', 'afterSaveWithAssociations', 'afterDestroy']) {
    db.on(`members.${event}`, member);
    db.on(`partnerPreferences.${event}`, preferencesOwner);
  }
  for (const event of ['afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy']) {
    db.on(`members.${event}`, everyone);
    db.on(`partnerPreferences.${event}`, everyone);
  }
}

// NocoBase writes a spreadsheet import, an update by filter or an update through an association route in one bulk
// statement, and Sequelize then skips the per-record hooks where our rules live.

/**
 * Makes bulk creates and bulk updates of `collectionName` run their per-record hooks (beforeCreate, beforeUpdate, …), so
 * that a rule written once for one record holds on every write path. `which` limits it to creates or updates.
 */
export function rowByRow(db: any, collectionName: string, which: ('create' | 'update')[] = ['create', 'update']) {
  if (which.includes('create'))
    db.on(`${collectionName}.beforeBulkCreate`, (_records: unknown, options: any) => {
      options.individualHooks = true;
    });
  if (which.includes('update'))
    db.on(`${collectionName}.beforeBulkUpdate`, (options: any) => {
      options.individualHooks = true;
    });
}

// One signature for every database event we listen to: a listener that misreads a hook's arguments loses the caller's
// transaction, and its writes then run beside the change instead of in it (SQLite deadlocks, other databases commit them alone).
// Sequelize's own table of hooks: how many arguments each hook passes (bulk updates and deletes, finds, counts: options alone).
import { hooks as SEQUELIZE_HOOKS } from 'sequelize/lib/hooks';

/** What a listener receives: the record(s) the event is about (null for options-only hooks) and the caller's options. */
export type DatabaseEventListener = (
  subject: any,
  options: { transaction?: any; context?: any; individualHooks?: boolean; [key: string]: any },
) => unknown;

/** Whether Sequelize calls this hook with its options first: (options) alone, or (options, query) for query hooks. */
export function passesOptionsFirst(event: string) {
  const type = event.split('.').pop() as string;
  const hook = SEQUELIZE_HOOKS[type];
  return Boolean(hook) && (hook.params === 1 || type === 'beforeQuery' || type === 'afterQuery');
}

/**
 * Listens to a NocoBase database event (`members.afterBulkDestroy`, `partnerPreferences.afterSave`, …) and hands the
 * listener (subject, options) whatever the hook's own signature, so the listener can always work in options.transaction.
 */
export function onDatabaseEvent(db: any, event: string, listener: DatabaseEventListener) {
  if (passesOptionsFirst(event)) db.on(event, (options: any) => listener(null, options ?? {}));
  else db.on(event, (subject: any, options: any) => listener(subject, options ?? {}));
}

// Nobody writes the history but the server: not a client (whatever her role, root included), not an import, not a route.
// Database hooks catch values written on any path; middlewares/closed-actions.ts refuses the write actions themselves
// (deletes included) before they run. A deletion that follows its introduction's is the database's own cascade.
import { Refusal } from '@hongniang/plugin-core';
import { introductionsLanguage } from '../language/introductions-language';
import { withRequest } from '../middlewares/remember-request';
import { byServer } from './server-writes';

export function keepHistoryToTheServer(db: any) {
  const refuseClient = (options: any) => {
    if (byServer(options) || !withRequest(options).context) return;
    throw historyIsReadOnly(withRequest(options));
  };
  db.on('introductionStageChanges.beforeCreate', (_: unknown, options: any) => refuseClient(options));
  db.on('introductionStageChanges.beforeUpdate', (_: unknown, options: any) => refuseClient(options));
  db.on('introductionStageChanges.beforeBulkCreate', (_: unknown, options: any) => refuseClient(options));
  db.on('introductionStageChanges.beforeBulkUpdate', (options: any) => refuseClient(options));
}

export function historyIsReadOnly(source: { context?: any }) {
  const { t } = introductionsLanguage(source);
  return new Refusal(t('The introduction history is written by the system and cannot be changed'), {
    field: 'introductionStageChanges',
    status: 403,
  });
}

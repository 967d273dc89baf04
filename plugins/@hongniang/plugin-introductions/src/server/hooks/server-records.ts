// Nobody writes the history (introductionStageChanges) or the contact releases (contactReleases) but the server: not a
// client (whatever her role, root included), not an import, not a route. Database hooks catch values written on any path;
// middlewares/closed-actions.ts refuses the write actions themselves (deletes included) before they run. A deletion that
// follows its introduction's (or member's) is the database's own cascade.
import { Refusal } from '@hongniang/plugin-core';
import { introductionsLanguage } from '../language/introductions-language';
import { withRequest } from '../middlewares/remember-request';
import { byServer } from './server-writes';

/** Each collection the server alone writes, with the refusal a client meets (this plugin's locale keys). */
const SERVER_RECORDS: Record<string, string> = {
  introductionStageChanges: 'The introduction history is written by the system and cannot be changed',
  contactReleases: 'Contact releases are recorded by the system and cannot be changed',
};

export const isServerRecord = (collectionName: string) => collectionName in SERVER_RECORDS;

export function keepServerRecordsToTheServer(db: any) {
  for (const collection of Object.keys(SERVER_RECORDS)) {
    const refuseClient = (options: any) => {
      if (byServer(options) || !withRequest(options).context) return;
      throw serverRecordIsReadOnly(collection, withRequest(options));
    };
    db.on(`${collection}.beforeCreate`, (_: unknown, options: any) => refuseClient(options));
    db.on(`${collection}.beforeUpdate`, (_: unknown, options: any) => refuseClient(options));
    db.on(`${collection}.beforeBulkCreate`, (_: unknown, options: any) => refuseClient(options));
    db.on(`${collection}.beforeBulkUpdate`, (options: any) => refuseClient(options));
  }
}

/** The 403 for a client's write to a collection the server alone writes (SERVER_RECORDS). */
export function serverRecordIsReadOnly(collection: string, source: { context?: any }) {
  const { t } = introductionsLanguage(source);
  return new Refusal(t(SERVER_RECORDS[collection]), { field: collection, status: 403 });
}

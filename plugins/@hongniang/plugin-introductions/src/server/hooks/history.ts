// The introduction's history (introductionStageChanges): one row per stage change, creation included, and one per consent
// answer recorded. Written in the transaction of the change, so a refused or failed change leaves no row.
import { callerId } from '../middlewares/remember-request';
import { asServer } from './server-writes';

export interface HistoryEntry {
  introductionId: number;
  event: 'stage' | 'consent';
  fromStage: string | null;
  toStage: string;
  memberId?: number;
  answer?: string;
  note?: string | null;
}

export function writeHistory(db: any, entry: HistoryEntry, options: any) {
  return asServer(db, options.transaction, (transaction) =>
    db.getRepository('introductionStageChanges').create({
      values: { ...entry, changedById: callerId(options), changedAt: new Date() },
      transaction,
    }),
  );
}

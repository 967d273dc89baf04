// Whose side a caller may record (a consent, a date's feedback): a caller whose roles reach only some introductions (a
// matchmaker: those of her members) records her own member's side only; the other side's matchmaker records the other.
// Whoever reaches every introduction (a manager, root, or the server itself with no request) records either side.
import { reachesEveryRecord } from '@hongniang/plugin-core';
import { callerId, requestOf } from '../middlewares/remember-request';
import { refusal } from './refusals';

/** Whether the caller behind a database operation reaches every introduction (no data scope on `introductions:update`). */
export function reachesEveryIntroduction(options: any): boolean {
  return reachesEveryRecord(requestOf(options), 'introductions', 'update');
}

/**
 * Refuses (403, naming `field` of `collection`) unless the caller reaches every introduction or is the matchmaker of
 * member `memberId`. `message` is an English sentence of this plugin's locale files (`{{field}}`: the field's title).
 */
export async function checkOwnSide(
  db: any,
  collection: any,
  field: string,
  memberId: unknown,
  options: any,
  message: string,
) {
  if (reachesEveryIntroduction(options)) return;
  const member = await db.getRepository('members').findOne({ filterByTk: memberId, transaction: options.transaction });
  if (member && String(member.get('matchmakerId')) === String(callerId(options))) return;
  throw refusal(collection, field, options, message, {}, 403);
}

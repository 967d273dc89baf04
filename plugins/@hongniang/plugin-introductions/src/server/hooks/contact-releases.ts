// The record of contact release (contactReleases): when an introduction reaches 双方同意, one row per side whose contact
// details now reach the other side's matchmaker (who, by whose action, when, which introduction); when it ends (终止),
// its rows are stopped. In the transaction of the stage change, whatever path made it (a consent, an update, a move).
import { callerId } from '../middlewares/remember-request';
import { asServer } from './server-writes';

export function recordContactReleases(db: any) {
  // A new introduction starts at 推荐给甲方 (stage-rules.ts), so only a change of stage releases or stops anything.
  db.on('introductions.afterUpdate', async (introduction: any, options: any) => {
    if (!introduction.changed('stage')) return;
    if (introduction.get('stage') === 'bothAgreed') return release(db, introduction, options);
    if (introduction.get('stage') === 'ended') return stop(db, introduction, options);
  });
}

/**
 * Each side released to the other side's matchmaker of this moment. No row for a side whose other side has no matchmaker,
 * or the same one (nothing reaches anyone who did not see it already).
 */
async function release(db: any, introduction: any, options: any) {
  const members = await db.getRepository('members').find({
    filter: { id: { $in: [introduction.get('memberAId'), introduction.get('memberBId')] } },
    fields: ['id', 'matchmakerId'],
    transaction: options.transaction,
  });
  const matchmakerOf = new Map(members.map((member: any) => [Number(member.get('id')), member.get('matchmakerId')]));
  const [a, b] = [Number(introduction.get('memberAId')), Number(introduction.get('memberBId'))];
  const now = new Date();
  const records = [
    [a, matchmakerOf.get(b)],
    [b, matchmakerOf.get(a)],
  ]
    .filter(([member, to]) => to != null && String(to) !== String(matchmakerOf.get(member as number)))
    .map(([memberId, releasedToId]) => ({
      introductionId: introduction.get('id'),
      memberId,
      releasedToId,
      releasedById: callerId(options),
      releasedAt: now,
    }));
  if (!records.length) return;
  await asServer(db, options.transaction, (transaction) =>
    db.getRepository('contactReleases').createMany({ records, transaction }),
  );
}

/** The introduction's releases still running are stopped now: its members' contact details reach no one more. */
function stop(db: any, introduction: any, options: any) {
  return asServer(db, options.transaction, (transaction) =>
    db.getRepository('contactReleases').update({
      filter: { introductionId: introduction.get('id'), stoppedAt: { $empty: true } },
      values: { stoppedAt: new Date() },
      transaction,
    }),
  );
}

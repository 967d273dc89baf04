// The record of contact release (contactReleases): when an introduction reaches 双方同意, one row per side whose contact
// details now reach the other side's matchmaker (who, by whose action, when, which introduction); when it ends (终止),
// its rows are stopped. A member handed to another matchmaker while released hands the release on: the other side's row
// to her former matchmaker is stopped and one to the new matchmaker is written. In the transaction of the change,
// whatever path made it (a consent, an update, a move, a member's update).
import { callerId } from '../middlewares/remember-request';
import { CONTACT_RELEASED_STAGES } from './contact-disclosures';
import { asServer } from './server-writes';

export function recordContactReleases(db: any) {
  // A new introduction starts at 推荐给甲方 (stage-rules.ts), so only a change of stage releases or stops anything.
  db.on('introductions.afterUpdate', async (introduction: any, options: any) => {
    if (!introduction.changed('stage')) return;
    if (introduction.get('stage') === 'bothAgreed') return release(db, introduction, options);
    if (introduction.get('stage') === 'ended') return stop(db, { introductionId: introduction.get('id') }, options);
  });
  db.on('members.afterUpdate', (member: any, options: any) => {
    if (member.changed('matchmakerId')) return handOn(db, member, options);
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
  const rows = [
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
  return write(db, rows, options);
}

/**
 * A member given another matchmaker: in each of her introductions at a released stage, the other side's contact details
 * now reach the new matchmaker (a row, unless she is none or the other side's own) and no longer the former one (stopped).
 */
async function handOn(db: any, member: any, options: any) {
  const memberId = Number(member.get('id'));
  const introductions = await db.getRepository('introductions').find({
    filter: {
      stage: { $in: CONTACT_RELEASED_STAGES },
      $or: [{ memberAId: { $eq: memberId } }, { memberBId: { $eq: memberId } }],
    },
    appends: ['memberA', 'memberB'],
    transaction: options.transaction,
  });
  const now = new Date();
  const to = member.get('matchmakerId');
  const rows: Record<string, unknown>[] = [];
  for (const introduction of introductions) {
    const other = Number(introduction.get('memberAId')) === memberId ? 'memberB' : 'memberA';
    const otherId = introduction.get(`${other}Id`);
    await stop(db, { introductionId: introduction.get('id'), memberId: otherId }, options);
    const othersOwn = introduction.get(other)?.get('matchmakerId');
    if (to == null || String(to) === String(othersOwn)) continue;
    rows.push({
      introductionId: introduction.get('id'),
      memberId: otherId,
      releasedToId: to,
      releasedById: callerId(options),
      releasedAt: now,
    });
  }
  return write(db, rows, options);
}

function write(db: any, records: Record<string, unknown>[], options: any) {
  if (!records.length) return;
  return asServer(db, options.transaction, (transaction) =>
    db.getRepository('contactReleases').createMany({ records, transaction }),
  );
}

/** The releases still running that match `filter` (an introduction's, or one side's of it) are stopped now. */
function stop(db: any, filter: Record<string, unknown>, options: any) {
  return asServer(db, options.transaction, (transaction) =>
    db.getRepository('contactReleases').update({
      filter: { ...filter, stoppedAt: { $empty: true } },
      values: { stoppedAt: new Date() },
      transaction,
    }),
  );
}

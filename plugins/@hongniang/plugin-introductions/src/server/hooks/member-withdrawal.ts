// A member who leaves the agency (status 已退会) leaves her introductions too: each open one ends, reason 会员退会, in the
// transaction of the status change, through the stage rules (so the history names who changed her status).
import { requestOf } from '../middlewares/remember-request';

export const WITHDRAWN = 'withdrawn';

/** Ends the open introductions of members whose status becomes withdrawn, on every path that saves a member. */
export function endIntroductionsOfWithdrawnMembers(db: any) {
  db.on('members.afterUpdate', async (member: any, options: any) => {
    if (!member.changed('status') || member.get('status') !== WITHDRAWN) return;
    const id = member.get('id');
    const introductions = db.getRepository('introductions');
    const open = await introductions.find({
      filter: { openPairKey: { $ne: null }, $or: [{ memberAId: id }, { memberBId: id }] },
      transaction: options.transaction,
    });
    for (const introduction of open)
      await introductions.update({
        filterByTk: introduction.get('id'),
        values: { stage: 'ended', endReason: 'memberLeft' },
        transaction: options.transaction,
        context: requestOf(options),
      });
  });
}

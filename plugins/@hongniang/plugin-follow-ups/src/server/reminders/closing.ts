// Closing reminders when the work they ask for is done: a follow-up answers its member's follow-up reminders, a date's
// feedback its collection, a handled date tomorrow's reminder, a moved introduction its waiting one.
import { Op } from '@nocobase/database';

/** Reminder kinds any follow-up of the member answers. */
const ANY_FOLLOW_UP = ['followUpDue', 'noContact', 'newMemberNoContact'];
/** Kinds a follow-up of one type answers too. */
const BY_TYPE: Record<string, string[]> = {
  birthday: ['birthday'],
  renewal: ['membershipEnding'],
  deepInterview: ['deepInterview'],
  afterDate: ['collectFeedback'],
};

/** Reminder kinds a follow-up of `type` closes. */
export const kindsAnsweredBy = (type: unknown) => [...ANY_FOLLOW_UP, ...(BY_TYPE[String(type)] || [])];

/** Closes the open reminders matching `where`; answers how many. */
export async function closeReminders(
  db: any,
  where: Record<string | symbol, unknown>,
  reason: string,
  closedById: number | null,
  transaction?: any,
): Promise<number> {
  const [count] = await db
    .getModel('reminders')
    .update(
      { status: 'closed', closeReason: reason, closedAt: new Date(), closedById },
      { where: { ...where, status: 'open' }, transaction },
    );
  return count;
}

/** What a recorded follow-up answers: the member's follow-up reminders (by its type), and the one it was recorded from. */
export async function closeAnsweredByFollowUp(db: any, followUp: any, closedById: number | null, transaction?: any) {
  const memberId = followUp.get('memberId');
  const reminderId = followUp.get('reminderId');
  await closeReminders(
    db,
    {
      [Op.or]: [
        { memberId, kind: { [Op.in]: kindsAnsweredBy(followUp.get('type')) } },
        ...(reminderId ? [{ id: reminderId }] : []),
      ],
    },
    'followUp',
    closedById,
    transaction,
  );
}

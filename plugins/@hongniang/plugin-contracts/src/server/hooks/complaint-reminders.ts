// A complaint answered or closed closes its overdue reminders (投诉逾期), as follow-ups closes its kinds when the work is done.
import { Op } from '@nocobase/database';
import { callerIdOf } from '@hongniang/plugin-core';
import { UNANSWERED } from '../language/vocabulary';

/** complaints.afterSave: once no longer 待处理/处理中, its open `complaintOverdue` reminders close ("no longer applies"). */
export async function closeOverdueReminders(db: any, model: any, options: any) {
  if (UNANSWERED.includes(model.get('status')) || !db.hasCollection('reminders')) return;
  await db.getModel('reminders').update(
    { status: 'closed', closeReason: 'obsolete', closedAt: new Date(), closedById: callerIdOf(options.context) },
    {
      where: { kind: 'complaintOverdue', status: 'open', key: { [Op.like]: `complaintOverdue:${model.get('id')}:%` } },
      transaction: options.transaction,
    },
  );
}

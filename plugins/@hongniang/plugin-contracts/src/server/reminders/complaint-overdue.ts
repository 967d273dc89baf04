// 投诉逾期 (complaintOverdue), a reminder kind added to plugin-follow-ups' sweep: a complaint not answered by its due day
// (3 working days after receipt) reminds each manager (users holding the 主管 role) the agency day after.
import { Op } from '@nocobase/database';
import { addDays, instantAt, Occurrence, ReminderKind } from '@hongniang/plugin-follow-ups';
import { COMPLAINT_CATEGORIES, UNANSWERED, labelOf } from '../language/vocabulary';
import { dayText } from '../hooks/checks';

/** The agency role whose holders answer for overdue complaints. */
export const COMPLAINT_OWNER_ROLE = 'manager';

/**
 * One reminder per overdue complaint, due day and manager, due at the reminder hour of the day after the due day. Key:
 * `complaintOverdue:<complaint id>:<due day>:<manager id>`. Answering or closing the complaint closes them
 * (hooks/complaint-reminders.ts).
 */
export const complaintOverdue: ReminderKind = {
  kind: 'complaintOverdue',
  mode: 'state',
  async find({ db, settings, day, changedSince }) {
    const where: Record<string | symbol, unknown> = { status: { [Op.in]: UNANSWERED }, dueOn: { [Op.lt]: day } };
    if (changedSince) where.updatedAt = { [Op.gt]: changedSince };
    const complaints = await db.getModel('complaints').findAll({
      where,
      attributes: ['id', 'memberId', 'category', 'dueOn', 'receivedAt'],
      include: [{ association: 'member', attributes: ['id', 'name'] }],
      order: [['id', 'ASC']],
    });
    if (!complaints.length) return [];
    const managers = await db
      .getRepository('users')
      .find({ filter: { 'roles.name': COMPLAINT_OWNER_ROLE }, fields: ['id'] });
    const results: Occurrence[] = [];
    for (const complaint of complaints) {
      const due = dayText(complaint.get('dueOn')) as string;
      const name = complaint.get('member')?.get('name') ?? '';
      const category = labelOf(COMPLAINT_CATEGORIES, complaint.get('category'));
      for (const manager of managers)
        results.push({
          key: `complaintOverdue:${complaint.get('id')}:${due}:${manager.get('id')}`,
          kind: 'complaintOverdue',
          recipientId: Number(manager.get('id')),
          memberId: Number(complaint.get('memberId')),
          dueAt: instantAt(addDays(due, 1), settings.reminderHour, settings.timeZone),
          title: `投诉逾期未答复：${name}（${category}）`,
          body: `会员 ${name} 的投诉（${category}，编号 ${complaint.get('id')}）应于 ${due} 前答复，至今未答复。请尽快处理并记录处理结果。`,
        });
    }
    return results;
  },
};

// What saving a follow-up changes beyond itself: the member's last contact (the latest follow-up's time) and next
// follow-up date (the new one's, when given), and the reminders it answers (closed).
import { callerIdOf } from '@hongniang/plugin-core';
import { closeAnsweredByFollowUp } from '../reminders/closing';

export async function applyFollowUp(db: any, followUp: any, options: any) {
  const { transaction } = options;
  const memberId = followUp.get('memberId');
  const members = db.getModel('members');
  const member = await members.findByPk(memberId, { attributes: ['id', 'lastContactAt'], transaction });
  if (!member) return;
  const values: Record<string, unknown> = {};
  const occurredAt = new Date(followUp.get('occurredAt') ?? Date.now());
  const last = member.get('lastContactAt');
  if (!last || new Date(last).getTime() < occurredAt.getTime()) values.lastContactAt = occurredAt;
  if (followUp.get('nextFollowUpDate')) values.nextFollowUpDate = followUp.get('nextFollowUpDate');
  // The member's own validation hooks are about what staff type; these two fields are the server's here.
  if (Object.keys(values).length) await members.update(values, { where: { id: memberId }, transaction, hooks: false });
  await closeAnsweredByFollowUp(
    db,
    followUp,
    callerIdOf(options?.context) ?? followUp.get('matchmakerId'),
    transaction,
  );
}

// Reminder kinds about an introduction (牵线): one waiting in its stage longer than the agency's limit.
import { Op } from '@nocobase/database';
import { addDays, dayOf, instantAt } from '../agency-time';
import { Occurrence, ReminderKind } from '../occurrence';
import { membersById, recipientOf, scoped } from './members-of';

/** Stages in which an introduction waits on someone (an ended one, or a marriage, waits on nobody). */
const WAITING_STAGES: Record<string, { zh: string; sides: ('A' | 'B')[] }> = {
  recommendedToA: { zh: '推荐给甲方', sides: ['A'] },
  recommendedToB: { zh: '推荐给乙方', sides: ['B'] },
  bothAgreed: { zh: '双方同意', sides: ['A', 'B'] },
  met: { zh: '已约见', sides: ['A', 'B'] },
  dating: { zh: '交往中', sides: ['A', 'B'] },
  committed: { zh: '确定关系', sides: ['A', 'B'] },
  engaged: { zh: '订婚', sides: ['A', 'B'] },
};

/**
 * 牵线停滞: an open introduction in one stage for `stageLimitDays` agency days or more (since its last stage change, or
 * its start). To the matchmaker of the side it waits on (推荐给甲方: side A's; 推荐给乙方: side B's; later: both). Key:
 * the introduction, the stage, the day it entered it, the recipient.
 */
export const stageWaiting: ReminderKind = {
  kind: 'stageWaiting',
  mode: 'state',
  async find(context) {
    const { db, settings, day } = context;
    const limit = settings.stageLimitDays;
    const before = instantAt(addDays(day, 1 - limit), 0, settings.timeZone);
    const where: any = {
      stage: { [Op.in]: Object.keys(WAITING_STAGES) },
      [Op.or]: [{ stageChangedAt: { [Op.lt]: before } }, { stageChangedAt: null, createdAt: { [Op.lt]: before } }],
    };
    const introductions = await db.getModel('introductions').findAll({
      where: scoped(context, where),
      attributes: ['id', 'title', 'stage', 'stageChangedAt', 'createdAt', 'memberAId', 'memberBId'],
      raw: true,
    });
    const members = await membersById(
      db,
      introductions.flatMap((row: any) => [row.memberAId, row.memberBId]),
    );
    const results: Occurrence[] = [];
    for (const introduction of introductions) {
      const stage = WAITING_STAGES[introduction.stage];
      const since = dayOf(introduction.stageChangedAt ?? introduction.createdAt, settings.timeZone);
      const recipients = new Set<number>();
      for (const side of stage.sides) {
        const member = members.get(Number(introduction[`member${side}Id`]));
        const recipientId = member ? recipientOf(member) : null;
        if (recipientId != null) recipients.add(recipientId);
      }
      for (const recipientId of recipients)
        results.push({
          key: `stageWaiting:${introduction.id}:${introduction.stage}:${since}:${recipientId}`,
          kind: 'stageWaiting',
          recipientId,
          introductionId: Number(introduction.id),
          dueAt: instantAt(addDays(since, limit), settings.reminderHour, settings.timeZone),
          title: `牵线停滞：${introduction.title ?? introduction.id}`,
          body: `牵线「${introduction.title ?? introduction.id}」自 ${since} 起停留在「${stage.zh}」已满 ${limit} 天，请推进或终止。`,
        });
    }
    return results;
  },
};

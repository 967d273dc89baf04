// Reminder kinds about a date (约会): tomorrow's date, to remind both members; the day after, to collect both sides'
// feedback. One reminder per side, to that member's matchmaker.
import { Op } from '@nocobase/database';
import { addDays, instantAt, wallTime } from '../agency-time';
import { Occurrence, ReminderKind, SweepContext } from '../occurrence';
import { chunks } from './chunks';
import { membersById, named, recipientOf, scoped } from './members-of';

/** Dates starting on the agency day `day` with one of `statuses`, with both members' rows. */
async function datesOn(context: SweepContext, day: string, statuses: string[]) {
  const { db, settings } = context;
  const where: any = {
    status: { [Op.in]: statuses },
    startsAt: {
      [Op.gte]: instantAt(day, 0, settings.timeZone),
      [Op.lt]: instantAt(addDays(day, 1), 0, settings.timeZone),
    },
  };
  const dates = await db.getModel('dates').findAll({
    where: scoped(context, where),
    attributes: ['id', 'startsAt', 'place', 'memberAId', 'memberBId', 'title'],
    raw: true,
  });
  const members = await membersById(
    db,
    dates.flatMap((row: any) => [row.memberAId, row.memberBId]),
  );
  return dates.map((date: any) => ({
    date,
    sides: [
      [members.get(Number(date.memberAId)), members.get(Number(date.memberBId))],
      [members.get(Number(date.memberBId)), members.get(Number(date.memberAId))],
    ].filter(([member]) => member) as [any, any][],
  }));
}

/** 明日约会: a scheduled date tomorrow (agency day), reminded on the swept day. Key: the date, the side, its day. */
export const dateTomorrow: ReminderKind = {
  kind: 'dateTomorrow',
  mode: 'day',
  async find(context) {
    const { settings, day } = context;
    const tomorrow = addDays(day, 1);
    const results: Occurrence[] = [];
    for (const { date, sides } of await datesOn(context, tomorrow, ['scheduled']))
      for (const [member, other] of sides) {
        const recipientId = recipientOf(member);
        if (recipientId == null) continue;
        results.push({
          key: `dateTomorrow:${date.id}:${member.id}:${tomorrow}`,
          kind: 'dateTomorrow',
          recipientId,
          memberId: Number(member.id),
          dateId: Number(date.id),
          dueAt: instantAt(day, settings.reminderHour, settings.timeZone),
          title: `明日约会：${named(member)}`,
          body: `会员 ${named(member)} 明天 ${wallTime(date.startsAt, settings.timeZone)} 与 ${other ? named(other) : '对方'} 约会${date.place ? `，地点：${date.place}` : ''}。请提前提醒会员。`,
        });
      }
    return results;
  },
};

/**
 * 约会反馈回访: the day after a date that took place (scheduled, completed or a no-show), each side whose feedback is
 * not recorded yet. Key: the date and the side; closed when her feedback is recorded.
 */
export const collectFeedback: ReminderKind = {
  kind: 'collectFeedback',
  mode: 'day',
  async find(context) {
    const { db, settings, day } = context;
    const yesterday = addDays(day, -1);
    const dates = await datesOn(context, yesterday, ['scheduled', 'completed', 'noShow']);
    const given = new Set<string>();
    for (const slice of chunks(dates.map(({ date }: any) => date.id)))
      for (const row of await db.getModel('dateFeedback').findAll({
        where: { dateId: { [Op.in]: slice } },
        attributes: ['dateId', 'memberId'],
        raw: true,
      }))
        given.add(`${row.dateId}:${row.memberId}`);
    const results: Occurrence[] = [];
    for (const { date, sides } of dates)
      for (const [member, other] of sides) {
        const recipientId = recipientOf(member);
        if (recipientId == null || given.has(`${date.id}:${member.id}`)) continue;
        results.push({
          key: `collectFeedback:${date.id}:${member.id}`,
          kind: 'collectFeedback',
          recipientId,
          memberId: Number(member.id),
          dateId: Number(date.id),
          dueAt: instantAt(day, settings.reminderHour, settings.timeZone),
          title: `约会反馈：${named(member)}`,
          body: `会员 ${named(member)} 于 ${wallTime(date.startsAt, settings.timeZone)} 与 ${other ? named(other) : '对方'} 约会，请回访并记录她/他的约会反馈。`,
        });
      }
    return results;
  },
};

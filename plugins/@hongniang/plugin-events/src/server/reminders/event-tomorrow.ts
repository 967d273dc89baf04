// 明日活动 (eventTomorrow), a reminder kind added to plugin-follow-ups' sweep: the agency day before an event, each
// matchmaker whose members are invited (and have not declined) hears how many of hers are expected.
import { Op } from '@nocobase/database';
import { addDays, instantAt, Occurrence, ReminderKind, SweepContext } from '@hongniang/plugin-follow-ups';

/** "HH:mm" on the agency's clocks. */
const clockTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/** Events starting on agency day `day`, not cancelled; between daily scans only those whose event or invitations changed. */
async function eventsOn(context: SweepContext, day: string) {
  const { db, settings, changedSince } = context;
  const where: any = {
    status: { [Op.ne]: 'cancelled' },
    startsAt: {
      [Op.gte]: instantAt(day, 0, settings.timeZone),
      [Op.lt]: instantAt(addDays(day, 1), 0, settings.timeZone),
    },
  };
  if (changedSince) {
    const touched = await db.getModel('eventInvitations').findAll({
      where: { updatedAt: { [Op.gt]: changedSince } },
      attributes: ['eventId'],
      group: ['eventId'],
      raw: true,
    });
    where[Op.or] = [
      { updatedAt: { [Op.gt]: changedSince } },
      { id: { [Op.in]: touched.map((row: any) => row.eventId) } },
    ];
  }
  return db.getModel('events').findAll({ where, attributes: ['id', 'title', 'startsAt', 'place'], raw: true });
}

/**
 * 明日活动: for each event tomorrow (agency day), one reminder per matchmaker of the members invited to it whose answer
 * is not 不参加, due at the reminder hour of the swept day. Key: `eventTomorrow:<event id>:<matchmaker id>:<event day>`.
 */
export const eventTomorrow: ReminderKind = {
  kind: 'eventTomorrow',
  mode: 'day',
  async find(context) {
    const { db, settings, day } = context;
    const tomorrow = addDays(day, 1);
    const results: Occurrence[] = [];
    for (const event of await eventsOn(context, tomorrow)) {
      const invited = await db.getModel('eventInvitations').findAll({
        where: { eventId: event.id, rsvp: { [Op.ne]: 'declined' } },
        attributes: ['id', 'rsvp'],
        order: [['id', 'ASC']],
        include: [{ association: 'member', attributes: ['id', 'name', 'matchmakerId'], required: true }],
      });
      const byMatchmaker = new Map<number, { names: string[]; attending: number }>();
      for (const invitation of invited) {
        const member = invitation.get('member');
        const matchmakerId = member?.get('matchmakerId');
        if (matchmakerId == null) continue;
        const hers = byMatchmaker.get(Number(matchmakerId)) ?? { names: [], attending: 0 };
        hers.names.push(String(member.get('name') ?? ''));
        if (invitation.get('rsvp') === 'attending') hers.attending++;
        byMatchmaker.set(Number(matchmakerId), hers);
      }
      const startsAt = new Date(event.startsAt);
      for (const [recipientId, { names, attending }] of byMatchmaker)
        results.push({
          key: `eventTomorrow:${event.id}:${recipientId}:${tomorrow}`,
          kind: 'eventTomorrow',
          recipientId,
          dueAt: instantAt(day, settings.reminderHour, settings.timeZone),
          title: `明日活动：${event.title}`,
          body:
            `活动「${event.title}」明天 ${clockTime(startsAt, settings.timeZone)} 开始${event.place ? `，地点：${event.place}` : ''}。` +
            `您有 ${names.length} 位会员受邀（${attending} 位已确认参加）：${names.join('、')}。请提前提醒会员。`,
        });
    }
    return results;
  },
};

// Reminder kinds about one member: a follow-up due, no contact for too long, a new member not contacted, a birthday, a
// membership ending, an in-depth interview due. Conditions in the agency's time zone (settings.timeZone).
import { Op } from '@nocobase/database';
import { addDays, asDay, asInstant, dayOf, instantAt, wallTime } from '../agency-time';
import { Occurrence, ReminderKind, SweepContext } from '../occurrence';
import { chunks } from './chunks';
import { ACTIVE, SERVED, membersWhere, named, recipientOf, tierLabel } from './members-of';

/** Stages an introduction reaches once the pair is dating (an in-depth interview is not needed then). */
const DATING_OR_LATER = ['dating', 'committed', 'engaged', 'married'];

function occurrence(context: SweepContext, member: any, values: Omit<Occurrence, 'recipientId' | 'memberId'>) {
  const recipientId = recipientOf(member);
  return recipientId == null ? [] : [{ ...values, recipientId, memberId: Number(member.id) }];
}

/** 到期回访: her next follow-up date has come (due that day at the reminder hour). Key: the date, so a new date is new. */
export const followUpDue: ReminderKind = {
  kind: 'followUpDue',
  mode: 'state',
  async find(context) {
    const { settings, day } = context;
    const members = await membersWhere(
      context,
      { status: { [Op.in]: ACTIVE }, nextFollowUpDate: { [Op.ne]: null, [Op.lte]: day } },
      ['nextFollowUpDate'],
    );
    return members.flatMap((member: any) => {
      const due = asDay(member.nextFollowUpDate);
      if (!due) return [];
      return occurrence(context, member, {
        key: `followUpDue:${member.id}:${due}`,
        kind: 'followUpDue',
        dueAt: instantAt(due, settings.reminderHour, settings.timeZone),
        title: `回访到期：${named(member)}`,
        body: `会员 ${named(member)} 的下次回访日是 ${due}，请联系她/他并记录回访。`,
      });
    });
  },
};

/**
 * 久未联系: no contact for her tier's number of days (settings.noContactDays), counted in agency days from her last
 * contact, or from when she was entered when never contacted. Key: that day, so each silence is reminded once.
 */
export const noContact: ReminderKind = {
  kind: 'noContact',
  mode: 'state',
  async find(context) {
    const { settings, day } = context;
    const results: Occurrence[] = [];
    for (const [tier, days] of Object.entries(settings.noContactDays)) {
      // Last contact on or before day − N (agency days): before the agency midnight that starts day − N + 1.
      const before = instantAt(addDays(day, 1 - days), 0, settings.timeZone);
      const members = await membersWhere(
        context,
        {
          status: { [Op.in]: SERVED },
          tier,
          [Op.or]: [{ lastContactAt: { [Op.lt]: before } }, { lastContactAt: null, createdAt: { [Op.lt]: before } }],
        },
        ['lastContactAt', 'createdAt'],
      );
      for (const member of members) {
        const since = dayOf(member.lastContactAt ?? member.createdAt, settings.timeZone);
        results.push(
          ...occurrence(context, member, {
            key: `noContact:${member.id}:${since}`,
            kind: 'noContact',
            dueAt: instantAt(addDays(since, days), settings.reminderHour, settings.timeZone),
            title: `久未联系：${named(member)}`,
            body: `会员 ${named(member)}（${tierLabel(tier)}）已超过 ${days} 天未联系（${member.lastContactAt ? `上次联系 ${since}` : `${since} 入档后从未联系`}），请尽快回访。`,
          }),
        );
      }
    }
    return results;
  },
};

/**
 * 新会员未联系: entered more than `newMemberContactHours` ago, never contacted (no last contact, no follow-up). Counted
 * in hours, not days: due at her entry plus the hours. Key: the member (once).
 */
export const newMemberNoContact: ReminderKind = {
  kind: 'newMemberNoContact',
  mode: 'hours',
  async find(context) {
    const { settings, now, since } = context;
    const hours = settings.newMemberContactHours * 3_600_000;
    const members = await membersWhere(
      context,
      {
        status: { [Op.in]: SERVED },
        lastContactAt: null,
        createdAt: {
          [Op.lte]: new Date(now.getTime() - hours),
          ...(since ? { [Op.gt]: new Date(since.getTime() - hours) } : {}),
        },
      },
      ['createdAt'],
    );
    const contacted = new Set<number>();
    for (const ids of chunks(members.map((member: any) => member.id)))
      for (const row of await context.db.getModel('followUps').findAll({
        where: { memberId: { [Op.in]: ids } },
        attributes: ['memberId'],
        group: ['memberId'],
        raw: true,
      }))
        contacted.add(Number(row.memberId));
    return members
      .filter((member: any) => !contacted.has(Number(member.id)))
      .flatMap((member: any) =>
        occurrence(context, member, {
          key: `newMemberNoContact:${member.id}`,
          kind: 'newMemberNoContact',
          dueAt: new Date(asInstant(member.createdAt).getTime() + hours),
          title: `新会员待联系：${named(member)}`,
          body: `新会员 ${named(member)} 于 ${wallTime(member.createdAt, settings.timeZone)} 入档，已超过 ${settings.newMemberContactHours} 小时尚未联系。`,
        }),
      );
  },
};

/** The month and day of a birthday on `day`: 02-29 is celebrated on 02-28 in other years. */
function birthdaysOn(day: string): string[] {
  const monthDay = day.slice(5);
  const year = Number(day.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === '02-28' && !leap ? ['02-28', '02-29'] : [monthDay];
}

/** The dialect's expression for a date-only column's 'MM-DD'. */
function monthDayOf(db: any, column: string) {
  const { fn, col } = db.sequelize;
  const dialect = db.sequelize.getDialect();
  if (dialect === 'postgres') return fn('to_char', col(column), 'MM-DD');
  if (dialect === 'sqlite') return fn('strftime', '%m-%d', col(column));
  return fn('DATE_FORMAT', col(column), '%m-%d');
}

/** 会员生日: her birthday is on the swept day. Key: the year (once a year). */
export const birthday: ReminderKind = {
  kind: 'birthday',
  mode: 'day',
  async find(context) {
    const { db, settings, day } = context;
    const model = db.getModel('members');
    const column = model.rawAttributes.birthDate.field;
    const members = await membersWhere(context, {
      status: { [Op.in]: ACTIVE },
      birthDate: { [Op.ne]: null },
      [Op.and]: [db.sequelize.where(monthDayOf(db, column), { [Op.in]: birthdaysOn(day) })],
    });
    return members.flatMap((member: any) =>
      occurrence(context, member, {
        key: `birthday:${member.id}:${day.slice(0, 4)}`,
        kind: 'birthday',
        dueAt: instantAt(day, settings.reminderHour, settings.timeZone),
        title: `今日生日：${named(member)}`,
        body: `今天（${day}）是会员 ${named(member)} 的生日，送上祝福吧。`,
      }),
    );
  },
};

/** 会籍将到期: her membership ends within `membershipNoticeDays` (and has not ended). Key: the expiry date. */
export const membershipEnding: ReminderKind = {
  kind: 'membershipEnding',
  mode: 'state',
  async find(context) {
    const { settings, day } = context;
    const members = await membersWhere(
      context,
      {
        status: { [Op.in]: ACTIVE },
        expiryDate: { [Op.gte]: day, [Op.lte]: addDays(day, settings.membershipNoticeDays) },
      },
      ['expiryDate'],
    );
    return members.flatMap((member: any) => {
      const expiry = asDay(member.expiryDate) as string;
      return occurrence(context, member, {
        key: `membershipEnding:${member.id}:${expiry}`,
        kind: 'membershipEnding',
        dueAt: instantAt(addDays(expiry, -settings.membershipNoticeDays), settings.reminderHour, settings.timeZone),
        title: `会籍将到期：${named(member)}`,
        body: `会员 ${named(member)} 的会籍将于 ${expiry} 到期，请联系续费。`,
      });
    });
  },
};

/**
 * 深度访谈: `deepInterviewDays` days in service (from her join date, or her last in-depth interview) and no introduction
 * of hers has reached 交往中. Key: the day counted from, so each period is reminded once.
 */
export const deepInterview: ReminderKind = {
  kind: 'deepInterview',
  mode: 'state',
  async find(context) {
    const { db, settings, day } = context;
    const days = settings.deepInterviewDays;
    const latest = addDays(day, -days);
    const members = await membersWhere(
      context,
      {
        status: { [Op.in]: SERVED },
        [Op.or]: [
          { joinDate: { [Op.lte]: latest } },
          { joinDate: null, createdAt: { [Op.lt]: instantAt(addDays(latest, 1), 0, settings.timeZone) } },
        ],
      },
      ['joinDate', 'createdAt'],
    );
    const ids = members.map((member: any) => Number(member.id));
    const lastInterview = new Map<number, string>();
    const dating = new Set<number>();
    for (const slice of chunks(ids)) {
      for (const row of await db.getModel('followUps').findAll({
        where: { memberId: { [Op.in]: slice }, type: 'deepInterview' },
        attributes: ['memberId', [db.sequelize.fn('MAX', db.sequelize.col('occurredAt')), 'last']],
        group: ['memberId'],
        raw: true,
      }))
        lastInterview.set(Number(row.memberId), dayOf(row.last, settings.timeZone));
      const introductions = await db.getModel('introductions').findAll({
        where: { [Op.or]: [{ memberAId: { [Op.in]: slice } }, { memberBId: { [Op.in]: slice } }] },
        attributes: ['id', 'memberAId', 'memberBId', 'stage'],
        raw: true,
      });
      const reached = new Set<number>(
        introductions.filter((row: any) => DATING_OR_LATER.includes(row.stage)).map((row: any) => Number(row.id)),
      );
      for (const ended of chunks(
        introductions.filter((row: any) => !reached.has(Number(row.id))).map((row: any) => row.id),
      ))
        for (const change of await db.getModel('introductionStageChanges').findAll({
          where: { introductionId: { [Op.in]: ended }, toStage: { [Op.in]: DATING_OR_LATER } },
          attributes: ['introductionId'],
          raw: true,
        }))
          reached.add(Number(change.introductionId));
      for (const row of introductions)
        if (reached.has(Number(row.id))) {
          dating.add(Number(row.memberAId));
          dating.add(Number(row.memberBId));
        }
    }
    return members.flatMap((member: any) => {
      if (dating.has(Number(member.id))) return [];
      const joined = asDay(member.joinDate) ?? dayOf(member.createdAt, settings.timeZone);
      const interviewed = lastInterview.get(Number(member.id));
      const from = interviewed && interviewed > joined ? interviewed : joined;
      if (from > latest) return [];
      return occurrence(context, member, {
        key: `deepInterview:${member.id}:${from}`,
        kind: 'deepInterview',
        dueAt: instantAt(addDays(from, days), settings.reminderHour, settings.timeZone),
        title: `深度访谈：${named(member)}`,
        body: `会员 ${named(member)} 自 ${from} 起服务已满 ${days} 天，尚无进入交往中的牵线，请安排一次深度访谈。`,
      });
    });
  },
};

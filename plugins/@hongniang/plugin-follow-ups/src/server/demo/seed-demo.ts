// The follow-ups' part of the demo agency (plugin-core's extendDemoAgency): past follow-ups of each matchmaker's members,
// written through the same hooks as by hand (the member's last contact and next date follow), and for some members a
// next follow-up due today or overdue, so 我的今日 has reminders on the first morning.
import { DemoSettings } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';

const DAY = 86_400_000;
const SUMMARIES = [
  '电话沟通近况，工作较忙，周末有空',
  '微信聊了择偶标准，希望对方有稳定工作',
  '到店面谈，补充了兴趣爱好和家庭情况',
  '节日问候，会员心情不错',
  '约会后回访：对对方印象不错，愿意再见',
];
const CHANNELS = ['phone', 'wechat', 'inPerson', 'phone', 'wechat'];
const TYPES = ['regular', 'regular', 'regular', 'holiday', 'afterDate'];

/** Members per matchmaker followed up in the demo, and how many of them are due (today or overdue). */
const PER_MATCHMAKER = 12;
const DUE_PER_MATCHMAKER = 4;

/**
 * Up to PER_MATCHMAKER members of each matchmaker get one to three past follow-ups (by her, spread over the last two
 * months); the first DUE_PER_MATCHMAKER of them a next follow-up date from two days ago to today. Answers
 * "N follow-ups", or nothing when no member has a matchmaker.
 */
export async function seedDemoFollowUps(app: Application, settings: DemoSettings) {
  const matchmakers = settings.staff.filter((person) => person.role === 'matchmaker');
  const repository = app.db.getRepository('followUps');
  let made = 0;
  for (const [m, matchmaker] of matchmakers.entries()) {
    const members = (await app.db.getModel('members').findAll({
      attributes: ['id'],
      where: { matchmakerId: matchmaker.id, status: ['new', 'inService'] },
      order: [['id', 'ASC']],
      limit: PER_MATCHMAKER,
      raw: true,
    })) as unknown as { id: number }[];
    for (const [i, member] of members.entries()) {
      const count = 1 + ((i + m) % 3);
      for (let n = 0; n < count; n++) {
        const k = (i + n + m) % SUMMARIES.length;
        const last = n === count - 1;
        const due = last && i < DUE_PER_MATCHMAKER;
        await repository.create({
          values: {
            memberId: member.id,
            matchmakerId: matchmaker.id,
            occurredAt: new Date(Date.now() - (60 - 15 * n - (i % 10)) * DAY),
            type: TYPES[k],
            channel: CHANNELS[k],
            summary: SUMMARIES[k],
            // The last one plans the next: due today or in the two days before for the first members, later for the rest.
            ...(last ? { nextFollowUpDate: dayString(due ? -(i % 3) : 7 + (i % 14)) } : {}),
          },
        });
        made++;
      }
      settings.onProgress?.('follow-ups', m * PER_MATCHMAKER + i + 1, matchmakers.length * PER_MATCHMAKER);
    }
  }
  return made ? `${made} follow-ups` : undefined;
}

/** 'YYYY-MM-DD' `days` from today (the server's clock; the demo is about the days around now). */
const dayString = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

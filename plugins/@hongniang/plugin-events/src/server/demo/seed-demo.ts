// The events' part of the demo agency (plugin-core's extendDemoAgency, after the follow-ups): a salon in five days to
// which each matchmaker has invited some of her members (answers mixed), and an outing ten days ago that a woman and a
// man attended and after which each marked interest in the other (转为推荐 turns the pair into a suggestion).
// Written through the repositories, so the rules of hooks/ hold for the demo as for staff.
import { DemoSettings } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Invited per matchmaker to the coming salon, with their answers in turn. */
const ANSWERS = ['attending', 'pending', 'attending', 'declined'];

/**
 * Seeds the two events (see the file's head). Answers "2 events, N invitations, M interests", or nothing when the
 * agency has no member in service with a matchmaker.
 */
export async function seedDemoEvents(app: Application, settings: DemoSettings) {
  const members = app.db.getModel('members');
  const inService = (where: Record<string, unknown>, limit: number) =>
    members.findAll({
      attributes: ['id', 'matchmakerId', 'gender'],
      where: { status: 'inService', ...where },
      order: [['id', 'ASC']],
      limit,
      raw: true,
    }) as Promise<any[]>;
  const matchmakers = settings.staff.filter((person) => person.role === 'matchmaker');
  const organiser = settings.staff.find((person) => person.role === 'manager') ?? matchmakers[0];
  const invited: any[] = [];
  for (const matchmaker of matchmakers)
    invited.push(...(await inService({ matchmakerId: matchmaker.id }, ANSWERS.length)));
  const [woman] = await inService({ gender: 'female', matchmakerId: matchmakers.map((person) => person.id) }, 1);
  const [man] = await inService({ gender: 'male', matchmakerId: matchmakers.map((person) => person.id) }, 1);
  if (!invited.length) return undefined;
  const events = app.db.getRepository('events');
  const invitations = app.db.getRepository('eventInvitations');
  const startOfHour = Math.floor(Date.now() / HOUR) * HOUR;
  const salon = await events.create({
    values: {
      title: '读书观影沙龙',
      type: 'salon',
      startsAt: new Date(startOfHour + 5 * DAY),
      endsAt: new Date(startOfHour + 5 * DAY + 3 * HOUR),
      place: '朝阳门店二楼活动室',
      capacity: 20,
      fee: 99,
      interestTags: ['reading', 'film', 'music'],
      ageMin: 25,
      ageMax: 40,
      organiserId: organiser?.id ?? null,
      status: 'open',
      description: '围绕一本书和一部电影自由交流，茶点由门店提供。',
    },
  });
  let invitationCount = 0;
  for (const [i, member] of invited.entries()) {
    await invitations.create({
      values: { eventId: salon.get('id'), memberId: member.id, rsvp: ANSWERS[i % ANSWERS.length] },
    });
    invitationCount++;
  }
  let interestCount = 0;
  if (woman && man) {
    const outing = await events.create({
      values: {
        title: '周末户外徒步',
        type: 'outdoor',
        startsAt: new Date(startOfHour - 10 * DAY),
        endsAt: new Date(startOfHour - 10 * DAY + 5 * HOUR),
        place: '香山公园东门',
        capacity: 30,
        fee: 0,
        interestTags: ['outdoors', 'fitness', 'travel'],
        organiserId: organiser?.id ?? null,
        status: 'open',
      },
    });
    for (const member of [woman, man]) {
      await invitations.create({
        values: { eventId: outing.get('id'), memberId: member.id, rsvp: 'attending', attended: true },
      });
      invitationCount++;
    }
    const interests = app.db.getRepository('eventInterests');
    for (const [from, to] of [
      [woman, man],
      [man, woman],
    ]) {
      await interests.create({ values: { eventId: outing.get('id'), fromMemberId: from.id, toMemberId: to.id } });
      interestCount++;
    }
    // Over: closed once its attendance is recorded (a closed event takes no more invitations).
    await events.update({ filterByTk: outing.get('id'), values: { status: 'closed' } });
  }
  settings.onProgress?.('events', 1, 1);
  return `${woman && man ? 2 : 1} events, ${invitationCount} invitations, ${interestCount} interests`;
}

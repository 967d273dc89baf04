// 月度服务总结 drafted when a month closes, over HTTP with the ACL on: one summary per member in service last month (M2),
// with her figures counted by hand below. The agency is in Shanghai while the database runs in UTC.
//   members   A 李静's, 服务中, joined M1-05; B 王芳's, 服务中; D 李静's, 已脱单 since M2-20 (left service in M2);
//             F 李静's, 新入会, no join date; C 李静's, 暂停 since M1-10 (not in service in M2); E 李静's, joined this month
//   suggestions A×B M2-03, A×F M2-05, B×F M2-28, A×D M1-20 (M1's), A×E at 00:30 on this month's first agency day (not M2's)
//   introduction I1 A×B: started M2-04, 双方同意 M2-06, date D1 M2-10 (已完成; B: 5, 愿意继续, "<b>想再见</b>";
//             A: 4, "人很好"), 已约见 M2-10, 交往中 M2-15, date D2 M2-20 (已完成, no feedback)
//   follow-ups A: M2-07, M2-21, M1-28 (M1's); F: M2-12
import { MockServer } from '@nocobase/test';
import { appForSuite, signInStaff } from '@test/support/app';
import { agreedIntroduction, completedDate, moveTo, reachedAt, startedAt } from '@test/support/introductions';
import { addMember, SUITED } from '@test/support/members';
import { AGENCY_ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';
import { addMonths } from '../kpis/months';
import { datedRecords } from './dated-records';

const C = agencyToday().slice(0, 7);
const M2 = addMonths(C, -1);
const M1 = addMonths(C, -2);
const day = (month: string, date: number) => `${month}-${String(date).padStart(2, '0')}`;

const FIGURES = [
  'suggestionsMade',
  'introductionsStarted',
  'introductionStages',
  'datesHeld',
  'feedback',
  'followUpsDone',
];
const pick = (record: any, names: string[]) => Object.fromEntries(names.map((name) => [name, record?.[name] ?? null]));

describe('月度服务总结: drafted when a month closes', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const members: Record<string, number> = {};
  const keeper = () => (app.pm.get('@hongniang/plugin-reports') as any).keeper;
  const { suggestion, statusAt } = datedRecords(() => app, members);
  const followUp = (name: string, at: Date) =>
    app.db
      .getRepository('followUps')
      .create({ values: { memberId: members[name], occurredAt: at, summary: '电话回访' } });

  appForSuite(async (booted) => {
    app = booted;
    await keeper().idle();
    ({ as, users } = await signInStaff(app));
    await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: AGENCY_ZONE } });
    const member = async (name: string, matchmakerId: number, sex: 'her' | 'him', extra = {}) => {
      members[name] = await addMember(app, { ...SUITED[sex], name, matchmakerId, ...extra });
    };
    await member('A', users.lijing, 'her', { joinDate: day(M1, 5) });
    await member('B', users.wangfang, 'him');
    await member('C', users.lijing, 'her');
    await member('D', users.lijing, 'her');
    await member('E', users.lijing, 'her', { joinDate: day(C, 1) });
    await member('F', users.lijing, 'him', { status: 'new' });
    await statusAt('C', 'paused', agencyTime(day(M1, 10), 10));
    await statusAt('D', 'inRelationship', agencyTime(day(M2, 20), 10));

    await suggestion('A', 'B', agencyTime(day(M2, 3), 10));
    await suggestion('A', 'F', agencyTime(day(M2, 5), 10));
    await suggestion('B', 'F', agencyTime(day(M2, 28), 10));
    await suggestion('A', 'D', agencyTime(day(M1, 20), 10));
    await suggestion('A', 'E', agencyTime(day(C, 1), 0, 30));

    const i1 = await agreedIntroduction(app, members.A, members.B);
    await startedAt(app, i1, agencyTime(day(M2, 4), 10));
    await reachedAt(app, i1, 'bothAgreed', agencyTime(day(M2, 6), 10));
    const d1 = await completedDate(app, i1, agencyTime(day(M2, 10), 19), []);
    await app.db.getRepository('dateFeedback').create({
      values: { dateId: d1, memberId: members.B, satisfaction: 5, wantsToContinue: 'yes', comment: '<b>想再见</b>' },
    });
    await app.db
      .getRepository('dateFeedback')
      .create({ values: { dateId: d1, memberId: members.A, satisfaction: 4, comment: '人很好' } });
    await reachedAt(app, i1, 'met', agencyTime(day(M2, 10), 21));
    await moveTo(app, i1, 'dating', agencyTime(day(M2, 15), 10));
    await completedDate(app, i1, agencyTime(day(M2, 20), 19), []);

    await followUp('A', agencyTime(day(M2, 7), 10));
    await followUp('A', agencyTime(day(M2, 21), 10));
    await followUp('A', agencyTime(day(M1, 28), 10));
    await followUp('F', agencyTime(day(M2, 12), 10));

    await keeper().closePastMonths();
  });

  const summaries = async (month: string) => {
    const response = await as.manager
      .resource('serviceSummaries')
      .list({ filter: { month }, appends: ['member'], pageSize: 100 });
    expect(response.status).toBe(200);
    return new Map<string, any>(response.body.data.map((summary: any) => [summary.member.name, summary]));
  };

  it('drafts one summary per member in service last month, and none for members out of service or not yet joined', async () => {
    const drafted = await summaries(M2);
    // A, B in service; D left service in M2 (已脱单 on M2-20); F new without a join date. C paused before M2, E joined after.
    expect([...drafted.keys()].sort()).toEqual(['A', 'B', 'D', 'F']);
    for (const summary of drafted.values()) {
      expect(summary.status).toBe('draft');
      expect(summary.plan ?? null).toBeNull();
      expect(summary.sentAt ?? null).toBeNull();
      expect(summary.draftedAt).toBeTruthy();
    }
    expect(drafted.get('A').matchmakerId).toBe(users.lijing);
    expect(drafted.get('B').matchmakerId).toBe(users.wangfang);
  });

  it('counts her month: suggestions, introductions and their stages, dates with both sides’ feedback, follow-ups', async () => {
    const drafted = await summaries(M2);
    expect(pick(drafted.get('A'), FIGURES)).toEqual({
      suggestionsMade: 2, // A×B, A×F (A×D is M1's, A×E this month's)
      introductionsStarted: 1, // I1
      introductionStages: '双方同意 1、已约见 1、交往中 1', // I1's moves in M2 (its first stages were recorded today)
      datesHeld: 2, // D1, D2
      feedback: [
        `${day(M2, 10)} 与 B 约会`,
        '对方评价：满意度 5/5、愿意继续、“<b>想再见</b>”',
        '本人评价：满意度 4/5、待定、“人很好”',
        '',
        `${day(M2, 20)} 与 B 约会`,
        '对方评价：未填写',
        '本人评价：未填写',
      ].join('\n'),
      followUpsDone: 2, // M2-07, M2-21 (M1-28 is M1's)
    });
    expect(pick(drafted.get('B'), FIGURES)).toEqual({
      suggestionsMade: 2, // A×B, B×F
      introductionsStarted: 1,
      introductionStages: '双方同意 1、已约见 1、交往中 1',
      datesHeld: 2,
      feedback: [
        `${day(M2, 10)} 与 A 约会`,
        '对方评价：满意度 4/5、待定、“人很好”',
        '本人评价：满意度 5/5、愿意继续、“<b>想再见</b>”',
        '',
        `${day(M2, 20)} 与 A 约会`,
        '对方评价：未填写',
        '本人评价：未填写',
      ].join('\n'),
      followUpsDone: 0,
    });
    expect(pick(drafted.get('F'), FIGURES)).toEqual({
      suggestionsMade: 2, // A×F, B×F
      introductionsStarted: 0,
      introductionStages: null,
      datesHeld: 0,
      feedback: null,
      followUpsDone: 1,
    });
    expect(pick(drafted.get('D'), FIGURES)).toEqual({
      suggestionsMade: 0, // A×D is M1's
      introductionsStarted: 0,
      introductionStages: null,
      datesHeld: 0,
      feedback: null,
      followUpsDone: 0,
    });
  });

  it('drafts no summary of the current month, nor of older months closed by the catch-up', async () => {
    expect((await summaries(C)).size).toBe(0);
    expect((await summaries(M1)).size).toBe(0);
    const closed = await as.manager.resource('agencyMonths').list({ filter: { month: M1 } });
    expect(closed.body.data[0].closedAt).toBeTruthy();
  });

  it('drafts nothing more on the next closing pass', async () => {
    const before = await app.db.getRepository('serviceSummaries').find({ sort: ['id'] });
    await keeper().closePastMonths();
    const after = await app.db.getRepository('serviceSummaries').find({ sort: ['id'] });
    expect(after.map((row: any) => row.toJSON())).toEqual(before.map((row: any) => row.toJSON()));
  });
});

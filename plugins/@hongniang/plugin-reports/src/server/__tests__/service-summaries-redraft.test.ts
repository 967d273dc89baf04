// Drafting a month's 月度服务总结 again (a manager's recompute, the hourly closing pass, two at once): drafts get today's
// figures and matchmaker, a member in service without a summary gets one, a plan, a status and a sent summary are never
// touched, and there is never a second summary of a member and month, whatever the order.
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';
import { addMember } from '@test/support/members';
import { AGENCY_ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';
import { draftMonth } from '../summaries/draft-month';
import { keeperOf, M2, storedSummary, SummaryAgency, summaryAgency } from './summary-agency';

describe('月度服务总结: drafted again', () => {
  let app: MockServer;
  let agency: SummaryAgency;
  let newcomer: number;
  const count = (where: Record<string, unknown> = {}) => app.db.getModel('serviceSummaries').count({ where });
  const update = (agent: any, id: number, values: object) =>
    agent.post(`/serviceSummaries:update?filterByTk=${id}`).set('X-Locale', 'zh-CN').send(values);

  appForSuite(async (booted) => {
    app = booted;
    agency = await summaryAgency(app);
    const { as, members, summaries, users } = agency;
    expect((await update(as.lijing, summaries.hers, { plan: '下月多约见' })).status).toBe(200);
    expect((await update(as.wangfang, summaries.theirs, { plan: '已发的计划', status: 'sent' })).status).toBe(200);
    // After drafting: a follow-up of each in M2, a member who joined in M2 entered late, and 林小雨 given to 王芳 and paused.
    for (const memberId of [members.hers, members.theirs])
      await app.db
        .getRepository('followUps')
        .create({ values: { memberId, occurredAt: agencyTime(`${M2}-20`, 10), summary: '回访' } });
    newcomer = await addMember(app, {
      name: '补录会员',
      gender: 'female',
      joinDate: `${M2}-18`,
      matchmakerId: users.lijing,
    });
    await app.db
      .getRepository('members')
      .update({ filterByTk: members.hers, values: { matchmakerId: users.wangfang, status: 'paused' } });
  });

  it('refreshes a draft’s figures and matchmaker, keeping her plan and status; leaves a sent summary as it was sent', async () => {
    const { as, summaries, users } = agency;
    const [draft, sent] = [await storedSummary(app, summaries.hers), await storedSummary(app, summaries.theirs)];
    const response = await as.manager.post('/agencyMonths:recompute').send({ month: M2 });
    expect(response.status).toBe(200);
    const refreshed = await storedSummary(app, summaries.hers);
    expect(refreshed).toMatchObject({
      followUpsDone: 1, // the follow-up of M2-20
      suggestionsMade: 1,
      matchmakerId: users.wangfang, // her matchmaker now
      plan: '下月多约见',
      status: 'draft',
    });
    expect(new Date(refreshed.draftedAt).getTime()).toBeGreaterThanOrEqual(new Date(draft.draftedAt).getTime());
    expect(await storedSummary(app, summaries.theirs)).toEqual(sent);
    expect(sent.followUpsDone).toBe(0);
  });

  it('gives a member in service without a summary hers', async () => {
    const drafted = await app.db
      .getRepository('serviceSummaries')
      .findOne({ filter: { memberId: newcomer, month: M2 } });
    expect(drafted.toJSON()).toMatchObject({ status: 'draft', suggestionsMade: 0, matchmakerId: agency.users.lijing });
  });

  it('never makes a second summary of a member and month, whatever runs and in which order', async () => {
    const before = await count();
    const keeper = keeperOf(app);
    await Promise.all([
      keeper.recompute(M2),
      draftMonth(app.db, M2, AGENCY_ZONE),
      keeper.closePastMonths(),
      draftMonth(app.db, M2, AGENCY_ZONE),
    ]);
    await keeper.recompute(M2);
    expect(await count()).toBe(before);
    for (const memberId of [agency.members.hers, agency.members.theirs, newcomer])
      expect({ memberId, summaries: await count({ memberId, month: M2 }) }).toEqual({ memberId, summaries: 1 });
    expect((await storedSummary(app, agency.summaries.hers)).plan).toBe('下月多约见');
    expect((await storedSummary(app, agency.summaries.theirs)).status).toBe('sent');
  });

  it('drafts nothing for the current month, which is not over', async () => {
    const current = agencyToday().slice(0, 7);
    expect((await agency.as.manager.post('/matchmakerMonths:recompute').send({ month: current })).status).toBe(200);
    expect(await count({ month: current })).toBe(0);
  });
});

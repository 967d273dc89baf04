// Marking a 月度服务总结 sent, over HTTP with the ACL on: the server stamps when and by whom; a sent summary keeps its plan;
// only a manager takes it back to draft (the stamps cleared); a status that is not one is refused in both languages.
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';
import { addMember } from '@test/support/members';
import { M2, storedSummary, SummaryAgency, summaryAgency } from './summary-agency';

describe('月度服务总结: marking sent', () => {
  let app: MockServer;
  let agency: SummaryAgency;
  appForSuite(async (booted) => {
    app = booted;
    agency = await summaryAgency(app);
  });
  const update = (agent: any, id: number, values: object, locale = 'zh-CN') =>
    agent.post(`/serviceSummaries:update?filterByTk=${id}`).set('X-Locale', locale).send(values);

  it('stamps sentAt and sentBy on the server when her matchmaker marks it sent', async () => {
    const { as, summaries, users } = agency;
    expect((await update(as.lijing, summaries.hers, { plan: '下月见两位', status: 'draft' })).status).toBe(200);
    const before = Date.now();
    const response = await update(as.lijing, summaries.hers, { status: 'sent' });
    expect(response.status).toBe(200);
    const sent = await storedSummary(app, summaries.hers);
    expect(sent.status).toBe('sent');
    expect(sent.sentById).toBe(users.lijing);
    expect(new Date(sent.sentAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(sent.sentAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(sent.plan).toBe('下月见两位');
  });

  it('keeps a sent summary’s plan as it was sent, and leaves the stamps alone when it is sent again', async () => {
    const { as, summaries } = agency;
    const sent = await storedSummary(app, summaries.hers);
    const chinese = await update(as.lijing, summaries.hers, { plan: '改过的计划' });
    expect(chinese.status).toBe(409);
    expect(chinese.body.errors[0].message).toBe(
      '已发送的总结不能再修改“下月计划”：请主管先将其退回草稿；未保存任何内容',
    );
    const english = await update(as.manager, summaries.hers, { plan: '改过的计划' }, 'en-US');
    expect(english.body.errors[0].message).toBe(
      'Plan for next month of a summary already sent cannot change: a manager may take it back to draft first; nothing was saved',
    );
    expect((await update(as.lijing, summaries.hers, { status: 'sent', plan: sent.plan })).status).toBe(200);
    expect(await storedSummary(app, summaries.hers)).toEqual(sent);
  });

  it('lets only a manager take a sent summary back to draft, clearing the stamps', async () => {
    const { as, summaries } = agency;
    const sent = await storedSummary(app, summaries.hers);
    const chinese = await update(as.lijing, summaries.hers, { status: 'draft' });
    expect(chinese.status).toBe(403);
    expect(chinese.body.errors[0].message).toBe('只有主管可以将已发送的总结退回草稿；未保存任何内容');
    const english = await update(as.lijing, summaries.hers, { status: 'draft' }, 'en-US');
    expect(english.body.errors[0].message).toBe(
      'Only a manager may take a sent summary back to draft; nothing was saved',
    );
    expect(await storedSummary(app, summaries.hers)).toEqual(sent);
    expect((await update(as.manager, summaries.hers, { status: 'draft', plan: '主管改过的计划' })).status).toBe(200);
    const reopened = await storedSummary(app, summaries.hers);
    expect([reopened.status, reopened.sentAt ?? null, reopened.sentById ?? null, reopened.plan]).toEqual([
      'draft',
      null,
      null,
      '主管改过的计划',
    ]);
  });

  it('refuses a status that is not one, in both languages', async () => {
    const { as, summaries } = agency;
    const before = await storedSummary(app, summaries.theirs);
    const chinese = await update(as.wangfang, summaries.theirs, { status: 'archived' });
    expect(chinese.status).toBe(400);
    expect(chinese.body.errors[0].message).toBe('“状态”必须是 草稿、已发送 之一，而不是“archived”；未保存任何内容');
    const english = await update(as.wangfang, summaries.theirs, { status: 'archived' }, 'en-US');
    expect(english.body.errors[0].message).toBe('Status must be one of Draft, Sent, not "archived"; nothing was saved');
    expect(await storedSummary(app, summaries.theirs)).toEqual(before);
  });

  it('saves 编辑’s plan from the whole record the form sends back, and still refuses a changed figure in it', async () => {
    const { as, summaries } = agency;
    // The page's edit form sends every value of the record as she read it (found in the browser: a 403 on 生成时间).
    const read = (await as.lijing.get(`/serviceSummaries:get?filterByTk=${summaries.hers}`)).body.data;
    const whole = { ...read, plan: '整条记录发回的计划' };
    const saved = await update(as.lijing, summaries.hers, whole);
    expect(saved.status).toBe(200);
    const stored = await storedSummary(app, summaries.hers);
    expect([stored.plan, stored.suggestionsMade, stored.memberId]).toEqual([
      '整条记录发回的计划',
      read.suggestionsMade,
      read.memberId,
    ]);
    const changed = await update(as.lijing, summaries.hers, { ...whole, suggestionsMade: read.suggestionsMade + 5 });
    expect(changed.status).toBe(403);
    expect(changed.body.errors[0].message).toBe('您无权填写或修改「推荐数」，请求未保存');
    const english = await update(as.lijing, summaries.hers, { ...whole, memberId: read.memberId + 1000 }, 'en-US');
    expect(english.status).toBe(403);
    expect(english.body.errors[0].message).toBe('You may not write “Member”; nothing was saved');
    expect(await storedSummary(app, summaries.hers)).toEqual(stored);
  });

  it('tells her nothing of a summary she cannot reach, even sent back exactly as stored', async () => {
    const { as, summaries } = agency;
    // 王芳's member's summary, read by the manager: every value right, yet 李静 may not write it, so the answer is
    // the same refusal as for a wrong value (no way to test a guess against what is stored).
    const theirs = (await as.manager.get(`/serviceSummaries:get?filterByTk=${summaries.theirs}`)).body.data;
    const before = await storedSummary(app, summaries.theirs);
    const exact = await update(as.lijing, summaries.theirs, { ...theirs, plan: '不是我的会员' });
    const wrong = await update(as.lijing, summaries.theirs, {
      ...theirs,
      suggestionsMade: theirs.suggestionsMade + 1,
      plan: '不是我的会员',
    });
    expect([exact.status, wrong.status]).toEqual([403, 403]);
    expect(exact.body.errors[0].message).toBe(wrong.body.errors[0].message);
    expect(await storedSummary(app, summaries.theirs)).toEqual(before);
  });

  it('stamps each summary marked sent by an update by filter, within her reach only', async () => {
    const { as, summaries, users } = agency;
    const response = await as.wangfang.post(`/serviceSummaries:update?filter[month]=${M2}`).send({ status: 'sent' });
    expect(response.status).toBe(200);
    const theirs = await storedSummary(app, summaries.theirs);
    expect([theirs.status, theirs.sentById, Boolean(theirs.sentAt)]).toEqual(['sent', users.wangfang, true]);
    expect((await storedSummary(app, summaries.hers)).status).toBe('draft');
  });

  it('keeps a sent summary’s figures when the month is drafted again, and refreshes a draft’s', async () => {
    const { as, members, summaries } = agency;
    const sent = await storedSummary(app, summaries.theirs);
    // A second suggestion of last month for both members: the draft counts it, the sent summary does not.
    const other = await addMember(app, { name: '第三人', gender: 'male', status: 'paused' });
    for (const [memberId, candidateId] of [
      [members.hers, other],
      [members.theirs, other],
    ]) {
      const made = await app.db
        .getModel('matchSuggestions')
        .create({ memberId, candidateId, pairKey: `${memberId}:${candidateId}`, score: 60 }, { hooks: false });
      await app.db
        .getModel('matchSuggestions')
        .update(
          { createdAt: new Date(`${M2}-15T04:00:00Z`) },
          { where: { id: made.get('id') }, hooks: false, silent: true },
        );
    }
    expect((await as.manager.post('/matchmakerMonths:recompute').send({ month: M2 })).status).toBe(200);
    expect(await storedSummary(app, summaries.theirs)).toEqual(sent);
    expect((await storedSummary(app, summaries.hers)).suggestionsMade).toBe(2);
  });
});

// Who reads and writes 月度服务总结, over HTTP with the ACL on: a matchmaker her own members' summaries (and their plan and
// status only), the manager every summary (plan and status only), the front desk none; the server's fields refused to
// everyone, root included, in zh-CN and en-US naming the field, with nothing written; every action NocoBase registers
// kept to the same reach; a member who changes matchmaker takes her summaries along.
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';
import { M2, storedSummary, SummaryAgency, summaryAgency } from './summary-agency';

describe('月度服务总结: who reads and writes what', () => {
  let app: MockServer;
  let agency: SummaryAgency;
  appForSuite(async (booted) => {
    app = booted;
    agency = await summaryAgency(app);
  });
  const update = (agent: any, id: number, values: object, locale = 'zh-CN') =>
    agent.post(`/serviceSummaries:update?filterByTk=${id}`).set('X-Locale', locale).send(values);
  const listed = async (agent: any) => {
    const response = await agent.resource('serviceSummaries').list({ filter: { month: M2 }, pageSize: 100 });
    expect(response.status).toBe(200);
    return response.body.data.map((summary: any) => summary.id).sort();
  };

  it('shows a matchmaker her own members’ summaries only, the manager every one, the front desk none', async () => {
    const { as, summaries } = agency;
    expect(await listed(as.lijing)).toEqual([summaries.hers]);
    expect(await listed(as.wangfang)).toEqual([summaries.theirs]);
    expect(await listed(as.manager)).toEqual([summaries.hers, summaries.theirs].sort());
    const own = await as.lijing.resource('serviceSummaries').get({ filterByTk: summaries.hers });
    expect(own.body.data.id).toBe(summaries.hers);
    const other = await as.lijing.resource('serviceSummaries').get({ filterByTk: summaries.theirs });
    expect(other.body?.data ?? null).toBeNull();
    for (const action of ['list', 'get']) {
      const response = await as.intake.get(`/serviceSummaries:${action}?filterByTk=${summaries.hers}`);
      expect({ action, status: response.status }).toEqual({ action, status: 403 });
    }
  });

  it('lets a matchmaker write her plan and status, and the manager any summary’s plan', async () => {
    const { as, summaries } = agency;
    const hers = await update(as.lijing, summaries.hers, { plan: '下月安排两次见面' });
    expect(hers.status).toBe(200);
    expect((await storedSummary(app, summaries.hers)).plan).toBe('下月安排两次见面');
    const manager = await update(as.manager, summaries.theirs, { plan: '主管补充：多关注' });
    expect(manager.status).toBe(200);
    expect((await storedSummary(app, summaries.theirs)).plan).toBe('主管补充：多关注');
  });

  it('never lets a matchmaker write another matchmaker’s member’s summary', async () => {
    const { as, summaries } = agency;
    const before = await storedSummary(app, summaries.theirs);
    const response = await update(as.lijing, summaries.theirs, { plan: '越权写入', status: 'sent' });
    expect(response.status).toBeLessThan(500);
    expect(await storedSummary(app, summaries.theirs)).toEqual(before);
  });

  it('refuses the server’s fields to every role, root included, naming the field in both languages; nothing is written', async () => {
    const { as, root, summaries, users } = agency;
    const before = await storedSummary(app, summaries.hers);
    const attempts: [any, string, object, string, string][] = [
      [as.lijing, 'suggestionsMade', { suggestionsMade: 9 }, '推荐数', 'Suggestions made'],
      [
        as.lijing,
        'feedback',
        { feedback: '编造的评价', plan: '计划' },
        '约会反馈（对方评价 / 本人评价）',
        'Feedback on dates',
      ],
      [as.manager, 'followUpsDone', { followUpsDone: 5 }, '回访次数', 'Follow-ups done'],
      [as.manager, 'sentAt', { sentAt: '2020-01-01T00:00:00Z' }, '发送时间', 'Sent at'],
      [as.manager, 'matchmaker', { matchmakerId: users.wangfang }, '红娘', 'Matchmaker'],
      [root, 'suggestionsMade', { suggestionsMade: 9 }, '推荐数', 'Suggestions made'],
      [root, 'month', { month: '2020-01' }, '月份', 'Month'],
      [root, 'member', { memberId: agency.members.theirs }, '会员', 'Member'],
      [root, 'draftedAt', { draftedAt: '2020-01-01T00:00:00Z' }, '生成时间', 'Drafted at'],
    ];
    for (const [agent, field, values, zh, en] of attempts) {
      const chinese = await update(agent, summaries.hers, values, 'zh-CN');
      expect({ field, status: chinese.status }).toEqual({ field, status: 403 });
      expect({ field, mentions: chinese.body.errors[0].message.includes(zh) }).toEqual({ field, mentions: true });
      const english = await update(agent, summaries.hers, values, 'en-US');
      expect({ field, mentions: english.body.errors[0].message.includes(en) }).toEqual({ field, mentions: true });
    }
    expect(await storedSummary(app, summaries.hers)).toEqual(before);
    // Root's refusal is the summaries' own sentence.
    const rootEnglish = await update(root, summaries.hers, { datesHeld: 3 }, 'en-US');
    expect(rootEnglish.body.errors[0].message).toBe(
      'Dates held of a service summary is written by the system and cannot be changed; nothing was saved',
    );
    const rootChinese = await update(root, summaries.hers, { datesHeld: 3 });
    expect(rootChinese.body.errors[0].message).toBe('月度服务总结的“约会次数”由系统填写，不能修改；未保存任何内容');
  });

  it('accepts a server field sent back unchanged, as a form does', async () => {
    const { root, summaries } = agency;
    const stored = await storedSummary(app, summaries.hers);
    const response = await update(root, summaries.hers, {
      plan: '原样回传',
      suggestionsMade: stored.suggestionsMade,
      month: stored.month,
      draftedAt: stored.draftedAt,
    });
    expect(response.status).toBe(200);
    expect((await storedSummary(app, summaries.hers)).plan).toBe('原样回传');
  });

  it('refuses adding, deleting and importing summaries to everyone, in both languages', async () => {
    const { as, root, summaries } = agency;
    const count = await app.db.getRepository('serviceSummaries').count();
    for (const agent of [as.manager, root]) {
      for (const action of ['create', 'destroy', 'firstOrCreate', 'updateOrCreate', 'importXlsx', 'move']) {
        const response = await agent
          .post(`/serviceSummaries:${action}?filterByTk=${summaries.hers}&filterKeys[]=memberId`)
          .send({ memberId: agency.members.hers, month: '2020-01' });
        expect({ action, status: response.status }).toEqual({ action, status: 403 });
      }
    }
    const chinese = await as.manager.post('/serviceSummaries:create').set('X-Locale', 'zh-CN').send({ month: M2 });
    expect(chinese.body.errors[0].message).toBe(
      '月度服务总结由系统在每月月末生成，不能新增、删除或导入；可以修改总结的下月计划或状态',
    );
    const english = await as.manager.post('/serviceSummaries:destroy').set('X-Locale', 'en-US').send({});
    expect(english.body.errors[0].message).toBe(
      'Service summaries are drafted by the system at the end of each month: they cannot be added, deleted or imported; edit a summary’s plan or status instead',
    );
    expect(await app.db.getRepository('serviceSummaries').count()).toBe(count);
  });

  it('keeps every action NocoBase registers to a matchmaker’s reach: nothing read, nothing changed, no server error', async () => {
    const { as, summaries } = agency;
    await update(as.wangfang, summaries.theirs, { plan: '王芳的秘密计划' });
    const before = await storedSummary(app, summaries.theirs);
    const actions = [...(app.resourceManager as any).actionHandlers.keys()].filter(
      (name: string) => !name.includes(':'),
    );
    expect(actions).toEqual(
      expect.arrayContaining(['list', 'get', 'update', 'firstOrCreate', 'updateOrCreate', 'move']),
    );
    for (const action of [...actions, 'print', 'export', 'query']) {
      const response = await as.lijing
        .post(`/serviceSummaries:${action}?filterByTk=${summaries.theirs}&sourceId=${summaries.theirs}&filterKeys[]=id`)
        .send({ id: summaries.theirs, plan: '探测写入', status: 'sent', values: { plan: '探测写入' } });
      expect({ action, serverError: response.status >= 500 }).toEqual({ action, serverError: false });
      const text = Buffer.isBuffer(response.body)
        ? response.body.toString()
        : JSON.stringify(response.body ?? '') + (response.text ?? '');
      expect({ action, leaked: text.includes('王芳的秘密计划') }).toEqual({ action, leaked: false });
      expect({ action, after: await storedSummary(app, summaries.theirs) }).toEqual({ action, after: before });
    }
    // Updating by filter reaches her own members' summaries only.
    const byFilter = await as.lijing.post(`/serviceSummaries:update?filter[month]=${M2}`).send({ plan: '批量计划' });
    expect(byFilter.status).toBe(200);
    expect((await storedSummary(app, summaries.hers)).plan).toBe('批量计划');
    expect(await storedSummary(app, summaries.theirs)).toEqual(before);
  });

  it('follows the member when she changes matchmaker: the new one sees her summaries, the former one no longer', async () => {
    const { as, members, summaries, users } = agency;
    await app.db
      .getRepository('members')
      .update({ filterByTk: members.theirs, values: { matchmakerId: users.lijing } });
    expect(await listed(as.lijing)).toEqual([summaries.hers, summaries.theirs].sort());
    expect(await listed(as.wangfang)).toEqual([]);
    await app.db
      .getRepository('members')
      .update({ filterByTk: members.theirs, values: { matchmakerId: users.wangfang } });
    expect(await listed(as.wangfang)).toEqual([summaries.theirs]);
  });
});

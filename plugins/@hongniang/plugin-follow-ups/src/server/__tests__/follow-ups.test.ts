// Follow-up records (回访记录) over HTTP as the agency's roles record them: the member's last contact and next follow-up
// move, the reminders they answer close; whose members each role may record for and see; bad input named in both
// languages; the reminder workflows an admin finds in the workflow UI, readable and editable; the settings' bounds.
import { MockServer } from '@nocobase/test';
import { HONGNIANG_PLUGINS, appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';
import { workflowsIdle } from '@test/support/workflows';

/**
 * Every reminder kind, sorted: this plugin's nine, 明日活动 when the events plugin (which adds it) is in the workspace,
 * 合同将到期 and 投诉逾期 when the contracts plugin is.
 */
const KINDS = [
  'birthday',
  'collectFeedback',
  'dateTomorrow',
  'deepInterview',
  'followUpDue',
  'membershipEnding',
  'newMemberNoContact',
  'noContact',
  'stageWaiting',
  ...(HONGNIANG_PLUGINS.includes('@hongniang/plugin-events') ? ['eventTomorrow'] : []),
  ...(HONGNIANG_PLUGINS.includes('@hongniang/plugin-contracts') ? ['contractEnding', 'complaintOverdue'] : []),
].sort();

describe('follow-ups', () => {
  let app: MockServer;
  let root: any;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  let hers: number;
  let theirs: number;
  let entered: number;

  appForSuite(
    async (booted) => {
      app = booted;
      root = await signInAsRoot(app);
      ({ as, users } = await signInStaff(app));
      hers = await addMember(app, { ...SUITED.her, name: '李静的会员', matchmakerId: users.lijing });
      theirs = await addMember(app, { ...SUITED.him, name: '王芳的会员', matchmakerId: users.wangfang });
      entered = await addMember(app, { ...SUITED.her, name: '前台录入', status: 'new', matchmakerId: null });
      await app.db.getModel('members').update({ createdById: users.intake }, { where: { id: entered }, hooks: false });
    },
    { ours: HONGNIANG_PLUGINS },
  );

  const post = (agent: any, url: string, body: any, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  const member = async (id: number) => (await app.db.getRepository('members').findOne({ filterByTk: id })).toJSON();
  /** An open reminder of the member, written as the sweep writes one (its workflow sends it). */
  const reminder = async (memberId: number, kind: string, recipientId: number) => {
    const row = await app.db.getRepository('reminders').create({
      values: {
        key: `${kind}:${memberId}:test-${Math.random()}`,
        kind,
        memberId,
        recipientId,
        dueAt: new Date(),
        title: `测试提醒 ${kind}`,
        body: '测试',
      },
    });
    // Its message is sent before the test writes again (on SQLite a workflow writing beside a request fails one of them).
    await workflowsIdle(app);
    return row.get('id') as number;
  };
  const statusOf = async (id: number) =>
    (await app.db.getRepository('reminders').findOne({ filterByTk: id })).get('status');

  it('her follow-up moves the member’s last contact and next date, and closes the reminders it answers', async () => {
    const due = await reminder(hers, 'followUpDue', users.lijing);
    const silent = await reminder(hers, 'noContact', users.lijing);
    const birthday = await reminder(hers, 'birthday', users.lijing);
    const before = Date.now();
    const response = await post(as.lijing, '/followUps:create', {
      memberId: hers,
      channel: 'wechat',
      summary: '聊了近况，周末有空',
      nextFollowUpDate: '2031-01-15',
    });
    expect([response.status, messageOf(response)]).toEqual([200, '']);
    expect(response.body.data).toMatchObject({ matchmakerId: users.lijing, type: 'regular', channel: 'wechat' });
    const after = await member(hers);
    expect(new Date(after.lastContactAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(after.nextFollowUpDate).toBe('2031-01-15');
    expect([await statusOf(due), await statusOf(silent), await statusOf(birthday)]).toEqual([
      'closed',
      'closed',
      'open',
    ]);
    const closed = (await app.db.getRepository('reminders').findOne({ filterByTk: due })).toJSON();
    expect(closed).toMatchObject({ closeReason: 'followUp', closedById: users.lijing });
    // A birthday call closes the birthday reminder too; an older follow-up entered late leaves the last contact alone.
    const wishes = await post(as.lijing, '/followUps:create', {
      memberId: hers,
      type: 'birthday',
      occurredAt: new Date(before - 30 * 86_400_000),
    });
    expect(wishes.status).toBe(200);
    expect(await statusOf(birthday)).toBe('closed');
    expect((await member(hers)).lastContactAt).toEqual(after.lastContactAt);
  });

  it('a matchmaker records follow-ups for her members only; the front desk for members she entered; a manager any', async () => {
    const other = await post(as.lijing, '/followUps:create', { memberId: theirs, summary: '越权' });
    expect([other.status, messageOf(other)]).toEqual([
      403,
      'You may record follow-ups only for your own members (or members you entered); nothing was saved',
    ]);
    const zh = await post(as.lijing, '/followUps:create', { memberId: theirs }, 'zh-CN');
    expect(messageOf(zh)).toBe('只能为自己负责的会员（或自己录入的会员）记录回访；未保存任何内容');
    expect(await app.db.getRepository('followUps').count({ filter: { memberId: theirs } })).toBe(0);
    const first = await post(as.intake, '/followUps:create', { memberId: entered, summary: '首次电话，约到店' });
    expect(first.status).toBe(200);
    expect((await post(as.intake, '/followUps:create', { memberId: hers })).status).toBe(403);
    expect((await post(as.manager, '/followUps:create', { memberId: theirs, summary: '主管回访' })).status).toBe(200);
    // Each sees hers: 王芳 her member's (the manager's call included), not 李静's.
    const list = async (agent: any) =>
      (await agent.get('/followUps:list').query({ pageSize: 100 })).body.data.map((row: any) => row.memberId);
    expect(new Set(await list(as.wangfang))).toEqual(new Set([theirs]));
    expect(new Set(await list(as.lijing))).toEqual(new Set([hers]));
    expect(new Set(await list(as.intake))).toEqual(new Set([entered]));
  });

  it('bad input is refused naming the field, in English and Chinese, and nothing is written', async () => {
    const count = await app.db.getRepository('followUps').count();
    const missing = await post(as.lijing, '/followUps:create', { summary: '没填会员' });
    expect([missing.status, messageOf(missing)]).toEqual([
      400,
      'Member is required: whom was the follow-up with? Nothing was saved',
    ]);
    const future = await post(
      as.lijing,
      '/followUps:create',
      { memberId: hers, occurredAt: new Date(Date.now() + 86_400_000) },
      'zh-CN',
    );
    expect([future.status, messageOf(future)]).toEqual([
      400,
      '时间在将来：回访发生后再记录（下次回访请填在“下次回访”）；未保存任何内容',
    ]);
    const nobody = await post(as.manager, '/followUps:create', { memberId: 999999 });
    expect([nobody.status, messageOf(nobody)]).toEqual([
      404,
      'There is no member with number 999999; nothing was saved',
    ]);
    expect(await app.db.getRepository('followUps').count()).toBe(count);
  });

  it('a matchmaker sees and closes her own reminders only', async () => {
    const mine = await reminder(hers, 'deepInterview', users.lijing);
    const others = await reminder(theirs, 'deepInterview', users.wangfang);
    const listed = (await as.lijing.get('/reminders:list').query({ pageSize: 200 })).body.data.map(
      (row: any) => row.id,
    );
    expect(listed).toContain(mine);
    expect(listed).not.toContain(others);
    const close = await post(as.lijing, `/reminders:update?filterByTk=${mine}`, { status: 'closed' });
    expect(close.status).toBe(200);
    expect((await app.db.getRepository('reminders').findOne({ filterByTk: mine })).toJSON()).toMatchObject({
      status: 'closed',
      closeReason: 'manual',
      closedById: users.lijing,
    });
    await post(as.lijing, `/reminders:update?filterByTk=${others}`, { status: 'closed' });
    expect(await statusOf(others)).toBe('open');
  });

  it('whatever the action, a matchmaker changes only the status of her own reminders and never another’s follow-ups', async () => {
    const mine = await reminder(hers, 'noContact', users.lijing);
    const others = await reminder(theirs, 'noContact', users.wangfang);
    const theirFollowUp = (
      await app.db.getRepository('followUps').create({
        values: { memberId: theirs, matchmakerId: users.wangfang, occurredAt: new Date(), summary: '王芳的回访' },
      })
    ).get('id') as number;
    const snapshot = async () => ({
      reminders: (await app.db.getRepository('reminders').find({ filter: { id: [mine, others] }, sort: ['id'] })).map(
        (row: any) => row.toJSON(),
      ),
      followUp: (await app.db.getRepository('followUps').findOne({ filterByTk: theirFollowUp })).toJSON(),
    });
    const before = await snapshot();
    const tampered = {
      recipientId: users.lijing,
      title: '改过的标题',
      dueAt: '2020-01-01T00:00:00.000Z',
      memberId: hers,
    };
    for (const action of ['update', 'firstOrCreate', 'updateOrCreate', 'destroy', 'move']) {
      for (const target of [mine, others]) {
        const response = await post(
          as.lijing,
          `/reminders:${action}?filterByTk=${target}&filterKeys[]=id&sourceId=${target}&targetId=${mine}`,
          { id: target, key: `probe-${action}-${target}`, kind: 'noContact', ...tampered, values: tampered },
        );
        expect({ action, target, serverError: response.status >= 500 }).toEqual({ action, target, serverError: false });
      }
      const followUp = await post(
        as.lijing,
        `/followUps:${action}?filterByTk=${theirFollowUp}&filterKeys[]=id&sourceId=${theirFollowUp}&targetId=1`,
        { id: theirFollowUp, summary: '探测写入', memberId: hers, values: { summary: '探测写入' } },
      );
      expect({ action, serverError: followUp.status >= 500 }).toEqual({ action, serverError: false });
    }
    // Her own reminder's other fields, another's reminder, another's follow-up: as they were; no reminder was made.
    expect(await snapshot()).toEqual(before);
    expect(await app.db.getRepository('reminders').count({ filter: { key: { $startsWith: 'probe-' } } })).toBe(0);
    // What she may do still works: her reminder's status.
    expect((await post(as.lijing, `/reminders:update?filterByTk=${mine}`, { status: 'closed' })).status).toBe(200);
    expect(await statusOf(mine)).toBe('closed');
  });

  it('an admin finds one reminder workflow per kind in the workflow UI, readable and editable', async () => {
    const response = await root
      .get('/workflows:list')
      .query({ pageSize: 100, filter: JSON.stringify({ current: true }) });
    expect(response.status).toBe(200);
    const ours = response.body.data.filter((workflow: any) => String(workflow.key).startsWith('hongniang-reminder-'));
    expect(ours.map((workflow: any) => workflow.key).sort()).toEqual(KINDS.map((kind) => `hongniang-reminder-${kind}`));
    // 牵线停滞: not run in this suite (NocoBase edits a workflow that has run through a new version).
    const waiting = ours.find((workflow: any) => workflow.key === 'hongniang-reminder-stageWaiting');
    expect(waiting).toMatchObject({ enabled: true, type: 'collection', title: '提醒：牵线停滞' });
    const nodes = await root.get(`/workflows/${waiting.id}/nodes:list`);
    expect(nodes.body.data.map((node: any) => [node.type, node.config.channelName])).toEqual([
      ['notification', 'hongniang-reminders'],
    ]);
    // The admin rewrites the message: kept, and the next upgrade does not put the seeded one back.
    const node = nodes.body.data[0];
    const edited = await root
      .post(`/flow_nodes:update?filterByTk=${node.id}`)
      .send({ config: { ...node.config, title: '牵线别搁着：{{$context.data.title}}' } });
    expect(edited.status).toBe(200);
    await app.pm.get<any>('@hongniang/plugin-follow-ups').upgrade();
    const again = await root.get(`/workflows/${waiting.id}/nodes:list`);
    expect(again.body.data.map((one: any) => one.config.title)).toEqual(['牵线别搁着：{{$context.data.title}}']);
    expect(
      await app.db.getRepository('workflows').count({ filter: { key: { $startsWith: 'hongniang-reminder-' } } }),
    ).toBe(KINDS.length);
  });

  it('a manager runs the sweep now (立即检查); a matchmaker may not', async () => {
    const refused = await post(as.lijing, '/reminders:sweep', {});
    expect([refused.status, messageOf(refused)]).toEqual([403, 'Only a manager may run the reminders’ sweep']);
    const swept = await post(as.manager, '/reminders:sweep', { rescan: true });
    expect(swept.status).toBe(200);
    expect(Object.keys(swept.body.data.written).sort()).toEqual(KINDS);
    await workflowsIdle(app);
    // Again at once: every occurrence is written already.
    const again = await post(as.manager, '/reminders:sweep', { rescan: true });
    expect(Object.values(again.body.data.written).every((count) => count === 0)).toBe(true);
  });

  it('the settings keep their bounds and a real time zone', async () => {
    const hour = await post(as.manager, '/reminderSettings:update?filterByTk=1', { reminderHour: 25 }, 'zh-CN');
    expect([hour.status, messageOf(hour)]).toEqual([
      400,
      '每日提醒时刻（时，机构时区）须为 0 到 23 之间的整数，不能是“25”；未保存任何内容',
    ]);
    const zone = await post(as.manager, '/reminderSettings:update?filterByTk=1', { timeZone: 'Mars/Olympus' });
    expect([zone.status, messageOf(zone)]).toEqual([
      400,
      'Agency time zone "Mars/Olympus" is not a time zone (e.g. Asia/Shanghai); nothing was saved',
    ]);
    const fine = await post(as.manager, '/reminderSettings:update?filterByTk=1', {
      noContactDaysVip: 5,
      timeZone: 'Asia/Urumqi',
    });
    expect(fine.status).toBe(200);
    expect((await post(as.lijing, '/reminderSettings:update?filterByTk=1', { noContactDaysVip: 1 })).status).toBe(403);
  });
});

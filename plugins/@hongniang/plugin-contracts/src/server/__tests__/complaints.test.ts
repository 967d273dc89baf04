// Complaints and suggestions over HTTP: the answer due 3 working days after the agency day of receipt (weekends skipped,
// Asia/Shanghai), the rules in both languages, a matchmaker reading and answering those about her members only, and the
// 投诉逾期 reminder to each manager, closed once the complaint is answered.
import { MockServer } from '@nocobase/test';
import { dayOf, readReminderSettings, reminderClock } from '@hongniang/plugin-follow-ups';
import { appForSuite, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import { complaintOverdue } from '../reminders/complaint-overdue';

describe('complaints and suggestions', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  let hers: number;
  let wangfangs: number;

  const post = (agent: any, url: string, body: any = {}, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  const complaint = async (id: number) =>
    (await app.db.getRepository('complaints').findOne({ filterByTk: id })).toJSON();
  const record = async (values: Record<string, unknown>) => {
    const response = await post(as.manager, '/complaints:create', {
      memberId: hers,
      category: 'attitude',
      content: '回访不及时',
      channel: 'phone',
      ...values,
    });
    expect(response.status).toBe(200);
    return complaint(response.body.data.id);
  };

  appForSuite(async (booted) => {
    app = booted;
    ({ as, users } = await signInStaff(app));
    await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: 'Asia/Shanghai' } });
    hers = await addMember(app, { name: '孙丽', gender: 'female', matchmakerId: users.lijing });
    wangfangs = await addMember(app, { name: '钱芳', gender: 'female', matchmakerId: users.wangfang });
  });

  it('is due 3 working days after the agency day it was received, weekends skipped', async () => {
    // 2026-11-27 is a Friday.
    expect((await record({ receivedAt: '2026-11-27T02:00:00Z' })).dueOn).toBe('2026-12-02');
    // Saturday and Sunday: counting starts on Monday.
    expect((await record({ receivedAt: '2026-11-28T02:00:00Z' })).dueOn).toBe('2026-12-02');
    expect((await record({ receivedAt: '2026-11-29T02:00:00Z' })).dueOn).toBe('2026-12-02');
    // Sunday 17:30 UTC is Monday 01:30 in Shanghai: the agency's Monday, due Thursday.
    expect((await record({ receivedAt: '2026-11-29T17:30:00Z' })).dueOn).toBe('2026-12-03');
    // Moving the receipt moves the due day.
    const moved = await record({ receivedAt: '2026-11-30T02:00:00Z' });
    expect(moved.dueOn).toBe('2026-12-03');
    await post(as.manager, `/complaints:update?filterByTk=${moved.id}`, { receivedAt: '2026-12-02T02:00:00Z' });
    expect((await complaint(moved.id)).dueOn).toBe('2026-12-07');
    // Not given: received now.
    const now = await record({});
    expect(Math.abs(new Date(now.receivedAt).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses bad complaints in both languages, naming the field, and writes nothing', async () => {
    const before = await app.db.getRepository('complaints').count();
    const cases: [Record<string, unknown>, RegExp, RegExp][] = [
      [{ content: '' }, /^Content is required/, /^请填写“内容”/],
      [{ category: 'rude' }, /^Category cannot be "rude"; choose one of: Service attitude/, /^“类别”不能是“rude”/],
      [{ memberId: null }, /^Member is required/, /^请填写“会员”/],
      [
        { satisfaction: 'satisfied' },
        /^Satisfaction with the answer can be recorded once the complaint is answered/,
        /^投诉答复之后才能登记/,
      ],
      [
        { status: 'answered' },
        /^Resolution is required before the complaint is Answered/,
        /^投诉改为“已答复”之前必须填写“处理结果”/,
      ],
      [
        { receivedAt: new Date(Date.now() + 86_400_000).toISOString() },
        /^Received at cannot be in the future/,
        /^“收到时间”不能晚于当前时间/,
      ],
      [
        { receivedAt: '2026-11-27T02:00:00Z', dueOn: '2026-12-31' },
        /^Answer due is computed from Received at \(3 working days\)/,
        /^“答复期限”由“收到时间”自动计算/,
      ],
    ];
    for (const [change, en, zh] of cases) {
      const body = { memberId: hers, category: 'attitude', content: '回访不及时', ...change };
      const [english, chinese] = [
        await post(as.manager, '/complaints:create', body),
        await post(as.manager, '/complaints:create', body, 'zh-CN'),
      ];
      expect({ change, status: [english.status, chinese.status] }).toEqual({ change, status: [400, 400] });
      expect(messageOf(english)).toMatch(en);
      expect(messageOf(chinese)).toMatch(zh);
    }
    expect(await app.db.getRepository('complaints').count()).toBe(before);
  });

  it('her matchmaker reads and answers the complaints about her members only', async () => {
    const mine = await record({ category: 'matchQuality', receivedAt: '2026-11-27T02:00:00Z' });
    const theirs = (
      await post(as.manager, '/complaints:create', { memberId: wangfangs, category: 'fees', content: '收费不透明' })
    ).body.data;
    const list = await as.lijing.get('/complaints:list').query({ pageSize: 100 });
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data.every((row: any) => row.memberId === hers)).toBe(true);
    const answer = await post(as.lijing, `/complaints:update?filterByTk=${mine.id}`, {
      status: 'answered',
      resolution: '已电话致歉并重新安排推荐',
      satisfaction: 'satisfied',
    });
    expect(answer.status).toBe(200);
    const answered = await complaint(mine.id);
    expect(answered).toMatchObject({ status: 'answered', satisfaction: 'satisfied' });
    expect(answered.answeredAt).toBeTruthy();
    // Not the complaint itself, not another's member's, not a new one.
    expect((await post(as.lijing, `/complaints:update?filterByTk=${mine.id}`, { content: '改写' })).status).toBe(403);
    await post(as.lijing, `/complaints:update?filterByTk=${theirs.id}`, { status: 'answered', resolution: '越权答复' });
    expect((await complaint(theirs.id)).status).toBe('open');
    expect(
      (await post(as.lijing, '/complaints:create', { memberId: hers, category: 'other', content: '建议' })).status,
    ).toBe(403);
    expect((await as.intake.get('/complaints:list')).status).toBe(403);
  });

  it('an overdue complaint reminds each manager the day after its due day, and answering it closes the reminder', async () => {
    const late = await record({ category: 'privacy', receivedAt: '2026-11-27T02:00:00Z' });
    const settings = await readReminderSettings(app.db);
    const day = dayOf(reminderClock.now(), settings.timeZone);
    const found = (await complaintOverdue.find({ db: app.db, settings, now: reminderClock.now(), day })).filter(
      (occurrence) => occurrence.key.startsWith(`complaintOverdue:${late.id}:`),
    );
    expect(found).toEqual([
      expect.objectContaining({
        key: `complaintOverdue:${late.id}:2026-12-02:${users.manager}`,
        recipientId: users.manager,
        memberId: hers,
        title: '投诉逾期未答复：孙丽（隐私）',
      }),
    ]);
    expect(new Date(found[0].dueAt).toISOString()).toBe('2026-12-03T01:00:00.000Z');
    // Written as the sweep writes it, then closed by the answer.
    await app.db.getRepository('reminders').create({ values: { ...found[0], status: 'open' } });
    await post(as.manager, `/complaints:update?filterByTk=${late.id}`, {
      status: 'closed',
      resolution: '已核实并删除外泄信息',
    });
    const reminder = await app.db.getRepository('reminders').findOne({ filter: { key: found[0].key } });
    expect(reminder.get('status')).toBe('closed');
    const after = await complaintOverdue.find({ db: app.db, settings, now: reminderClock.now(), day });
    expect(after.some((occurrence) => occurrence.key.startsWith(`complaintOverdue:${late.id}:`))).toBe(false);
  });
});

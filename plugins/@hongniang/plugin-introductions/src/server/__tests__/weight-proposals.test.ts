// Feedback feeds matching (issue 14 item 6): a member whose "不继续" keeps citing one reason gets a proposal to weigh the
// criterion it points to more (matching's weightProposals, fed through plugin-core's decisions registry); her matchmaker
// accepts it (her 择偶标准 changes, later matches explain it), declines or reverts it; nobody else authors or edits one.
import { MockServer } from '@nocobase/test';
import { HONGNIANG_PLUGINS, appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';

const HER = {
  ...SUITED.her,
  partnerPreferences: { ...SUITED.her.partnerPreferences, personalityImportance: 'indifferent' },
};
const HIM = SUITED.him;
const DAY = 86_400_000;

describe('weight proposals from date feedback', () => {
  let app: MockServer;
  let root: any;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  let her: number;
  const partners: number[] = [];

  appForSuite(
    async (booted) => {
      app = booted;
      root = await signInAsRoot(app);
      ({ as, users } = await signInStaff(app));
      her = await addMember(app, { ...HER, name: '林小雨', matchmakerId: users.lijing });
      // The sixth is never introduced: he stays a candidate for her matches.
      for (let n = 0; n < 6; n++)
        partners.push(await addMember(app, { ...HIM, name: `王芳的会员${n}`, matchmakerId: users.wangfang }));
    },
    { ours: HONGNIANG_PLUGINS },
  );

  const repo = (name: string) => app.db.getRepository(name);
  const send = (agent: any, url: string, body: any, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  const proposals = async () =>
    (await repo('weightProposals').find({ filter: { memberId: her }, sort: ['id'] })).map((row: any) => row.toJSON());
  const preferences = async () => (await repo('partnerPreferences').findOne({ filter: { memberId: her } })).toJSON();

  /** An introduction of her and the n-th partner, agreed, a date that took place `daysAgo`, and her feedback through 李静. */
  const dateAndFeedback = async (n: number, daysAgo: number, feedback: Record<string, unknown>) => {
    const id = (await repo('introductions').create({ values: { memberAId: her, memberBId: partners[n] } })).get('id');
    await repo('introductionConsents').createMany({
      records: [
        { introductionId: id, memberId: her, answer: 'agreed' },
        { introductionId: id, memberId: partners[n], answer: 'agreed' },
      ],
    });
    const date = await repo('dates').create({
      values: {
        introductionId: id,
        startsAt: new Date(Date.now() - daysAgo * DAY),
        place: '茶馆',
        status: 'completed',
      },
    });
    const response = await send(as.lijing, '/dateFeedback:create', {
      dateId: date.get('id'),
      memberId: her,
      satisfaction: 2,
      ...feedback,
    });
    expect(response.status).toBe(200);
    return id as number;
  };
  /** Her best match's breakdown line for the criterion, as the manager reads it (income is withheld from a 红娘). */
  const breakdownLine = async (criterion: string, agent = as.manager) => {
    const response = await send(agent, `/members:match?filterByTk=${her}`, {});
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    return response.body.data[0].breakdown.find((line: any) => line.criterion === criterion);
  };

  it('proposes nothing after two declines, and on the third proposes her criteria with the evidence', async () => {
    await dateAndFeedback(0, 30, { wantsToContinue: 'no', reasons: ['finances', 'communication'] });
    await dateAndFeedback(1, 20, { wantsToContinue: 'no', reasons: ['finances'] });
    // A "yes" and a reason pointing nowhere (价值观) count for nothing.
    expect(await proposals()).toEqual([]);
    await dateAndFeedback(2, 10, { wantsToContinue: 'no', reasons: ['finances', 'communication', 'values'] });
    // 经济条件 three times: income is proposed; 沟通 twice: not yet.
    expect((await proposals()).map((p: any) => p.criterion)).toEqual(['income']);
    await dateAndFeedback(3, 5, { wantsToContinue: 'no', reasons: ['communication', 'finances'] });
    const made = await proposals();
    // The fourth decline does not propose income twice (its proposal is pending); 沟通 → personality, now cited three
    // times, is proposed, and her importance 不在乎 becomes 一般.
    expect(made.map((p: any) => [p.criterion, p.fromWeight, p.agencyWeight, p.toWeight, p.status])).toEqual([
      ['income', null, 2, 4, 'proposed'],
      ['personality', null, 1, 2, 'proposed'],
    ]);
    expect(made[0].evidenceCount).toBe(3);
    expect(made[0].evidence.map((e: any) => e.partnerId)).toEqual(partners.slice(0, 3));
    expect(made[0].evidence.every((e: any) => e.source === 'dateFeedback' && e.reasons[0].value === 'finances')).toBe(
      true,
    );
    expect(made[0].explanation).toBe('3 次约会后不继续，理由含“经济条件”：建议将“收入”的权重由 2（机构默认） 调至 4');
    expect([made[1].fromImportance, made[1].toImportance]).toEqual(['indifferent', 'normal']);
  });

  it('shows them to her matchmaker and the manager only, and lets nobody write one or change its figures', async () => {
    const [income] = await proposals();
    expect((await as.lijing.resource('weightProposals').list()).body.data.map((p: any) => p.id)).toContain(income.id);
    expect((await as.manager.resource('weightProposals').list()).body.data.map((p: any) => p.id)).toContain(income.id);
    expect((await as.wangfang.resource('weightProposals').list()).body.data).toEqual([]);
    expect((await as.intake.resource('weightProposals').list()).status).toBe(403);
    // 王芳 (the partners' matchmaker) cannot decide it: outside her scope, nothing changes.
    await send(as.wangfang, `/weightProposals:update?filterByTk=${income.id}`, { status: 'accepted' });
    expect((await proposals())[0].status).toBe('proposed');
    const created = await send(root, '/weightProposals:create', { memberId: her, criterion: 'age', toWeight: 9 });
    expect(created.status).toBe(400);
    expect(messageOf(created)).toBe('Weight proposals are made by matching from members’ decisions; nothing was saved');
    const figures = await send(as.lijing, `/weightProposals:update?filterByTk=${income.id}`, { toWeight: 10 }, 'zh-CN');
    expect(figures.status).toBe(400);
    expect(messageOf(figures)).toBe('权重调整建议的“建议权重”不能修改（只能修改状态和备注）；未保存任何内容');
    expect((await proposals())[0]).toMatchObject({ status: 'proposed', toWeight: 4 });
    expect((await preferences()).incomeWeight).toBeNull();
  });

  it('applies an accepted proposal to her partner preferences and explains it in her later matches', async () => {
    const [income, personality] = await proposals();
    expect((await breakdownLine('income')).adjusted).toBeUndefined();
    const accepted = await send(as.lijing, `/weightProposals:update?filterByTk=${income.id}`, { status: 'accepted' });
    expect(accepted.status).toBe(200);
    const declined = await send(as.lijing, `/weightProposals:update?filterByTk=${personality.id}`, {
      status: 'declined',
    });
    expect(declined.status).toBe(200);
    expect((await preferences()).incomeWeight).toBe(4);
    expect((await preferences()).personalityImportance).toBe('indifferent');
    const [after] = await proposals();
    expect([after.status, after.decidedById]).toEqual(['accepted', users.lijing]);
    const line = await breakdownLine('income');
    expect(line.weight.forward).toBe(4);
    expect(line.adjusted).toMatchObject({ proposalId: income.id, from: null, to: 4 });
    expect(line.adjusted.because).toContain('经济条件');
    // 李静 may not compare incomes: the line is withheld from her, adjustment included.
    expect(await breakdownLine('income', as.lijing)).toEqual({ criterion: 'income', title: 'Income', withheld: true });
    // A declined proposal is final; an accepted one only reverts.
    const back = await send(as.lijing, `/weightProposals:update?filterByTk=${personality.id}`, { status: 'accepted' });
    expect(back.status).toBe(400);
    const sideways = await send(as.lijing, `/weightProposals:update?filterByTk=${income.id}`, { status: 'declined' });
    expect(sideways.status).toBe(400);
    expect(messageOf(sideways)).toBe('“Status” cannot go from “Accepted” to “Declined”; it can go to: Reverted');
  });

  it('reverts an accepted proposal, unless the weight was changed by hand since', async () => {
    const [income] = await proposals();
    const reverted = await send(as.lijing, `/weightProposals:update?filterByTk=${income.id}`, { status: 'reverted' });
    expect(reverted.status).toBe(200);
    expect((await preferences()).incomeWeight).toBeNull();
    expect((await breakdownLine('income')).adjusted).toBeUndefined();
    // More declines than the reverted one rested on: proposed again; accepted, then changed by hand.
    await dateAndFeedback(4, 2, { wantsToContinue: 'no', reasons: ['finances'] });
    const again = (await proposals()).find((p: any) => p.criterion === 'income' && p.status === 'proposed');
    expect(again).toMatchObject({ evidenceCount: 5, toWeight: 4 });
    await send(as.lijing, `/weightProposals:update?filterByTk=${again.id}`, { status: 'accepted' });
    const prefs = await preferences();
    await repo('partnerPreferences').update({ filterByTk: prefs.id, values: { incomeWeight: 7 } });
    expect((await breakdownLine('income')).adjusted).toBeUndefined();
    const refused = await send(as.lijing, `/weightProposals:update?filterByTk=${again.id}`, { status: 'reverted' });
    expect(refused.status).toBe(400);
    expect(messageOf(refused)).toBe(
      '“Income” was changed in her partner preferences after the proposal was accepted: set it there instead; nothing was saved',
    );
    expect((await preferences()).incomeWeight).toBe(7);
    expect((await repo('weightProposals').findOne({ filterByTk: again.id })).get('status')).toBe('accepted');
  });
});

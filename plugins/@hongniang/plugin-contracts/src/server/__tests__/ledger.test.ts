// The delivery ledger (contracts:ledger) against introductions counted by hand, the counting stage as an agency setting,
// the refund proposal (contracts:proposeRefund) in and after the cooling-off period under the agency's rule, who may ask,
// and the 合同将到期 reminder for a contract ending with introductions still owed.
import { MockServer } from '@nocobase/test';
import { addDays, dayOf, readReminderSettings, reminderClock } from '@hongniang/plugin-follow-ups';
import { appForSuite, signInStaff } from '@test/support/app';
import { agreedIntroduction, reachedAt } from '@test/support/introductions';
import { addMember, SUITED } from '@test/support/members';
import { contractEnding } from '../reminders/contract-ending';

const DAY = 86_400_000;

describe('the delivery ledger and the refund proposal', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  let today: string;
  let her: number;
  let contractId: number;
  /** Introductions by what should happen to them in her ledger. */
  const intro: Record<string, number> = {};

  const get = (agent: any, url: string, query: Record<string, unknown> = {}, locale = 'en-US') =>
    agent.get(url).set('X-Locale', locale).query(query);
  const repository = (name: string) => app.db.getRepository(name);
  const man = (name: string) => addMember(app, { ...SUITED.him, name, matchmakerId: users.wangfang });

  appForSuite(async (booted) => {
    app = booted;
    ({ as, users } = await signInStaff(app));
    today = dayOf(new Date(), (await readReminderSettings(app.db)).timeZone);
    her = await addMember(app, { ...SUITED.her, name: '陈静怡', matchmakerId: users.lijing });
    const created = await as.manager.post('/contracts:create').send({
      memberId: her,
      package: 'gold',
      price: 12000,
      startDate: addDays(today, -100),
      endDate: addDays(today, 264),
      promisedIntroductions: 12,
      signedDate: addDays(today, -100),
      status: 'active',
    });
    contractId = created.body.data.id;
    await as.manager
      .post('/payments:create')
      .send({ contractId, paidOn: addDays(today, -100), amount: 12000, method: 'bankTransfer' });
    // Counted: both sides agreed (through 推荐给乙方) during the term; she is side A.
    intro.agreed = await agreedIntroduction(app, her, await man('男一'));
    // Counted: she is side B.
    intro.asSideB = await agreedIntroduction(app, await man('男二'), her);
    // Counted: reached 推荐给乙方, then the other side declined (终止): it was delivered.
    intro.declined = (
      await repository('introductions').create({ values: { memberAId: her, memberBId: await man('男三') } })
    ).get('id');
    await repository('introductions').update({ filterByTk: intro.declined, values: { stage: 'recommendedToB' } });
    const declined = await repository('introductions').findOne({ filterByTk: intro.declined });
    await repository('introductionConsents').create({
      values: { introductionId: intro.declined, memberId: declined.get('memberBId'), answer: 'declined' },
    });
    // Not counted: still at 推荐给甲方.
    intro.onlyToA = (
      await repository('introductions').create({ values: { memberAId: her, memberBId: await man('男四') } })
    ).get('id');
    // Not counted: reached 推荐给乙方 and 双方同意 before the term began.
    intro.before = await agreedIntroduction(app, her, await man('男五'));
    for (const stage of ['recommendedToB', 'bothAgreed'])
      await reachedAt(app, intro.before, stage, new Date(Date.now() - 120 * DAY));
    // Not hers.
    const other = await addMember(app, { ...SUITED.her, name: '王芳的会员', matchmakerId: users.wangfang });
    await agreedIntroduction(app, other, await man('男六'));
  });

  it('counts the introductions that reached 推荐给乙方 or later within the term, on either side', async () => {
    const response = await get(as.manager, '/contracts:ledger', { filterByTk: contractId });
    expect(response.status).toBe(200);
    const ledger = response.body.data;
    expect(ledger).toMatchObject({
      promised: 12,
      delivered: 3,
      remaining: 9,
      countedTo: addDays(today, 264),
      countingStage: { value: 'recommendedToB', label: 'Recommended to side B' },
    });
    expect(ledger.introductions.map((row: any) => row.id).sort()).toEqual(
      [intro.agreed, intro.asSideB, intro.declined].sort(),
    );
    expect(ledger.introductions.every((row: any) => row.reachedOn === today)).toBe(true);
    const zh = await get(as.manager, '/contracts:ledger', { filterByTk: contractId }, 'zh-CN');
    expect(zh.body.data.countingStage.label).toBe('推荐给乙方');
  });

  it('counts from the stage the agency sets: from 双方同意 the declined one no longer counts', async () => {
    await repository('contractSettings').update({ filterByTk: 1, values: { countingStage: 'bothAgreed' } });
    try {
      const ledger = (await get(as.manager, '/contracts:ledger', { filterByTk: contractId })).body.data;
      expect(ledger).toMatchObject({ delivered: 2, remaining: 10 });
    } finally {
      await repository('contractSettings').update({ filterByTk: 1, values: { countingStage: 'recommendedToB' } });
    }
    const refused = await as.manager
      .post('/contractSettings:update?filterByTk=1')
      .set('X-Locale', 'en-US')
      .send({ countingStage: 'ended' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/^Introductions count from stage cannot be "ended"/);
  });

  it('proposes a refund after the cooling-off period by the share not delivered, explained line by line', async () => {
    const response = await get(as.manager, '/contracts:proposeRefund', { filterByTk: contractId, endedOn: today });
    expect(response.status).toBe(200);
    const proposal = response.body.data;
    expect(proposal).toMatchObject({
      withinCoolingOff: false,
      delivered: 3,
      promised: 12,
      refund: 9000,
      sharePercent: '75%',
    });
    expect(proposal.payBy).toBe(addDays(today, 15));
    expect(proposal.lines).toEqual([
      `Signed on ${addDays(today, -100)}; the cooling-off period of 7 days ran to ${addDays(today, -93)}; ended on ${today}, after it.`,
      'Introductions: 12 promised, 3 delivered, 9 not delivered: a share of 75%.',
      `Term: ${addDays(today, -100)} to ${addDays(today, 264)}, 365 days; 264 days left after ${today}: a share of 72.3%.`,
      'The agency’s rule: By the share of introductions not delivered; the share not delivered is 75%.',
      'The service delivered is worth ¥12,000.00 × (1 − 75%) = ¥3,000.00.',
      'Paid so far (refunds already made deducted): ¥12,000.00; less ¥3,000.00 leaves ¥9,000.00.',
      `Proposed refund: ¥9,000.00, to be paid by ${addDays(today, 15)}.`,
    ]);
    const zh = (await get(as.manager, '/contracts:proposeRefund', { filterByTk: contractId, endedOn: today }, 'zh-CN'))
      .body.data;
    expect(zh.lines[1]).toBe('介绍次数：承诺 12 次，已提供 3 次，未提供 9 次，占 75%。');
    expect(zh.lines[6]).toBe(`建议退款：¥9,000.00，应于 ${addDays(today, 15)} 前退付。`);
    // By the term instead (an agency setting): 264 of 365 days left.
    await repository('contractSettings').update({ filterByTk: 1, values: { refundRule: 'term' } });
    try {
      const byTerm = (await get(as.manager, '/contracts:proposeRefund', { filterByTk: contractId, endedOn: today }))
        .body.data;
      expect(byTerm.refund).toBe(Math.round((12000 * 264 * 100) / 365) / 100);
    } finally {
      await repository('contractSettings').update({ filterByTk: 1, values: { refundRule: 'introductions' } });
    }
    // Introductions after the day it ended are not counted against it.
    const early = (
      await get(as.manager, '/contracts:proposeRefund', { filterByTk: contractId, endedOn: addDays(today, -1) })
    ).body.data;
    expect(early.delivered).toBe(0);
  });

  it('proposes everything paid within the cooling-off period', async () => {
    const created = await as.manager.post('/contracts:create').send({
      memberId: her,
      package: 'vip',
      price: 39800,
      startDate: addDays(today, 265),
      endDate: addDays(today, 629),
      promisedIntroductions: 30,
      signedDate: addDays(today, -3),
      status: 'coolingOff',
    });
    const id = created.body.data.id;
    await as.manager
      .post('/payments:create')
      .send({ contractId: id, paidOn: addDays(today, -3), amount: 10000, method: 'wechatPay' });
    const proposal = (await get(as.manager, '/contracts:proposeRefund', { filterByTk: id })).body.data;
    expect(proposal).toMatchObject({
      withinCoolingOff: true,
      coolingOffEnds: addDays(today, 4),
      endedOn: today,
      refund: 10000,
    });
    expect(proposal.lines[1]).toBe('Within the cooling-off period everything paid is refunded: ¥10,000.00.');
    const bad = await get(as.manager, '/contracts:proposeRefund', { filterByTk: id, endedOn: 'yesterday' });
    expect(bad.status).toBe(400);
    expect((await get(as.manager, '/contracts:proposeRefund', { filterByTk: 'x' })).status).toBe(400);
    expect((await get(as.manager, '/contracts:ledger', { filterByTk: 999999 })).status).toBe(404);
  });

  it('her matchmaker reads the ledger of her member’s contract only, and may not ask for a refund proposal', async () => {
    expect((await get(as.lijing, '/contracts:ledger', { filterByTk: contractId })).body.data.delivered).toBe(3);
    expect((await get(as.wangfang, '/contracts:ledger', { filterByTk: contractId })).status).toBe(404);
    expect((await get(as.lijing, '/contracts:proposeRefund', { filterByTk: contractId })).status).toBe(403);
    expect((await get(as.intake, '/contracts:ledger', { filterByTk: contractId })).status).toBe(403);
  });

  it('reminds her matchmaker when a contract in force ends within 30 days with introductions still owed', async () => {
    const ending = await as.manager.post('/contracts:create').send({
      memberId: await addMember(app, { ...SUITED.her, name: '赵敏', matchmakerId: users.lijing }),
      package: 'standard',
      price: 6800,
      startDate: addDays(today, -340),
      endDate: addDays(today, 20),
      promisedIntroductions: 6,
      signedDate: addDays(today, -340),
      status: 'active',
    });
    const settings = await readReminderSettings(app.db);
    const found = await contractEnding.find({ db: app.db, settings, now: reminderClock.now(), day: today });
    const mine = found.filter((occurrence) => occurrence.key.startsWith(`contractEnding:${ending.body.data.id}:`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      recipientId: users.lijing,
      key: `contractEnding:${ending.body.data.id}:${addDays(today, 20)}`,
    });
    expect(mine[0].body).toMatch(/承诺介绍 6 次，已提供 0 次，尚余 6 次/);
    // The year contract (ending in 264 days) is not due yet.
    expect(found.some((occurrence) => occurrence.key.startsWith(`contractEnding:${contractId}:`))).toBe(false);
  });
});

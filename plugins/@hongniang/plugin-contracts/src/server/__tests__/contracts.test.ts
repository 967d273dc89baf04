// Contracts and payments over HTTP with the ACL on: the member's tier, join date and expiry follow her contracts; the
// balance follows the payments and refunds; bad writes are refused in both languages naming the field, and write
// nothing; a matchmaker reads her own members' contracts without their money, and no payments.
import { MockServer } from '@nocobase/test';
import { AGENCY_STAFF, appForSuite, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';

describe('contracts and payments', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake' | 'caiwu', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake' | 'caiwu', number>;
  let hers: number;
  let wangfangs: number;

  const post = (agent: any, url: string, body: any = {}, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  const inBoth = async (agent: any, url: string, body: any = {}) => {
    const en = await post(agent, url, body, 'en-US');
    const zh = await post(agent, url, body, 'zh-CN');
    return { status: [en.status, zh.status], en: messageOf(en), zh: messageOf(zh) };
  };
  const member = async (id: number) => (await app.db.getRepository('members').findOne({ filterByTk: id })).toJSON();
  const contract = async (id: number) => (await app.db.getRepository('contracts').findOne({ filterByTk: id })).toJSON();
  const YEAR = {
    package: 'gold',
    price: 12000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    promisedIntroductions: 12,
    signedDate: '2026-01-01',
    status: 'active',
  };

  appForSuite(async (booted) => {
    app = booted;
    ({ as, users } = await signInStaff(app, { ...AGENCY_STAFF, caiwu: 'finance' }));
    hers = await addMember(app, { name: '林小雨', gender: 'female', matchmakerId: users.lijing, tier: 'standard' });
    wangfangs = await addMember(app, { name: '周晓梅', gender: 'female', matchmakerId: users.wangfang });
  });

  it('numbers a contract, starts it with nothing paid, and the member’s tier, join date and expiry follow it', async () => {
    const response = await post(as.manager, '/contracts:create', { memberId: hers, soldById: users.lijing, ...YEAR });
    expect(response.status).toBe(200);
    const created = await contract(response.body.data.id);
    expect(created.contractNo).toMatch(/^HT\d{6}$/);
    expect(Number(created.paidAmount)).toBe(0);
    expect(Number(created.balanceDue)).toBe(12000);
    expect(created.coolingOffDays).toBe(7);
    expect(await member(hers)).toMatchObject({ tier: 'gold', joinDate: '2026-01-01', expiryDate: '2026-12-31' });
    // A renewal signed before the end: the contract in force that ends last decides; she joined with the first.
    const renewal = await post(as.manager, '/contracts:create', {
      memberId: hers,
      ...YEAR,
      package: 'diamond',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      signedDate: '2026-11-20',
    });
    expect(renewal.status).toBe(200);
    expect(await member(hers)).toMatchObject({ tier: 'diamond', joinDate: '2026-01-01', expiryDate: '2027-11-30' });
    // Refunded in full: the renewal no longer counts, the first contract decides again.
    await post(as.manager, `/contracts:update?filterByTk=${renewal.body.data.id}`, {
      status: 'refunded',
      endedOn: '2026-11-25',
    });
    expect(await member(hers)).toMatchObject({ tier: 'gold', expiryDate: '2026-12-31' });
    // Terminated early: her membership ends the day it ended.
    await post(as.manager, `/contracts:update?filterByTk=${created.id}`, {
      status: 'terminated',
      endedOn: '2026-06-30',
    });
    expect(await member(hers)).toMatchObject({ tier: 'gold', expiryDate: '2026-06-30' });
    await post(as.manager, `/contracts:update?filterByTk=${created.id}`, { status: 'active', endedOn: null });
    expect(await member(hers)).toMatchObject({ expiryDate: '2026-12-31' });
  });

  it('refuses a tier, join date or expiry typed on a member whose contract decides them', async () => {
    const refused = await inBoth(as.manager, `/members:update?filterByTk=${hers}`, { tier: 'vip' });
    expect(refused.status).toEqual([400, 400]);
    expect(refused.en).toMatch(/^Membership tier follows her service contract HT\d{6}: change the contract instead/);
    expect(refused.zh).toMatch(/^“会员等级”取自该会员的服务合同 HT\d{6}，请修改合同/);
    expect((await member(hers)).tier).toBe('gold');
    // Sending the same values back (an edit form) is not a change.
    expect(
      (await post(as.manager, `/members:update?filterByTk=${hers}`, { tier: 'gold', notes: '续约意向' })).status,
    ).toBe(200);
  });

  it('refuses bad contracts in both languages, naming the field, and writes nothing', async () => {
    const before = await app.db.getRepository('contracts').count();
    const cases: [Record<string, unknown>, number, RegExp, RegExp][] = [
      [
        { endDate: '2025-12-31' },
        400,
        /^End date \(2025-12-31\) cannot be before Start date \(2026-01-01\)/,
        /^“服务结束日期”（2025-12-31）不能早于“服务开始日期”/,
      ],
      [{ price: -1 }, 400, /^Price \(yuan\) must be an amount of 0 or more/, /^“价格（元）”必须是不小于 0/],
      [
        { price: 10.555 },
        400,
        /^Price \(yuan\) must be an amount of 0 or more with at most two decimals/,
        /最多两位小数/,
      ],
      [
        { promisedIntroductions: -1 },
        400,
        /^Promised introductions must be a whole number from 0 to 10000/,
        /^“承诺介绍次数”必须是 0 到 10000 之间的整数/,
      ],
      [{ promisedIntroductions: 2.5 }, 400, /^Promised introductions must be a whole number/, /承诺介绍次数/],
      [{ coolingOffDays: -3 }, 400, /^Cooling-off days must be a whole number from 0 to 90/, /冷静期/],
      [
        { package: 'platinum' },
        400,
        /^Package cannot be "platinum"; choose one of: Standard, Gold, Diamond, VIP/,
        /^“套餐”不能是“platinum”/,
      ],
      [
        { status: 'active', signedDate: null },
        400,
        /^Signed date is required once the contract is In force/,
        /^合同状态为“生效”时必须填写“签订日期”/,
      ],
      [
        { startDate: '2026-02-30' },
        400,
        /^Start date must be a real date \(YYYY-MM-DD\)/,
        /^“服务开始日期”必须是有效日期/,
      ],
      [{ memberId: null }, 400, /^Member is required/, /^请填写“会员”/],
      [{ paidAmount: 500 }, 400, /^Paid \(yuan\) is computed from the payments/, /由收款记录自动计算/],
    ];
    for (const [change, status, en, zh] of cases) {
      const refused = await inBoth(as.manager, '/contracts:create', { memberId: wangfangs, ...YEAR, ...change });
      expect({ change, status: refused.status }).toEqual({ change, status: [status, status] });
      expect(refused.en).toMatch(en);
      expect(refused.zh).toMatch(zh);
    }
    expect(await app.db.getRepository('contracts').count()).toBe(before);
    expect((await member(wangfangs)).tier).toBe('standard');
  });

  it('keeps paid and balance due from payments; refunds are negative, with a reason, never above what was paid', async () => {
    const created = await post(as.manager, '/contracts:create', { memberId: wangfangs, ...YEAR, price: 9800 });
    const id = created.body.data.id;
    const pay = (values: Record<string, unknown>, locale = 'en-US') =>
      post(
        as.manager,
        '/payments:create',
        { contractId: id, paidOn: '2026-01-02', method: 'wechatPay', ...values },
        locale,
      );
    expect((await pay({ amount: 5000, receiptNo: ' SJ-0001 ' })).status).toBe(200);
    expect((await pay({ amount: 4800, receiptNo: 'SJ-0002' })).status).toBe(200);
    expect(await contract(id)).toMatchObject({ paidAmount: expect.anything() });
    expect(Number((await contract(id)).paidAmount)).toBe(9800);
    expect(Number((await contract(id)).balanceDue)).toBe(0);
    const noReason = await pay({ amount: -1000 });
    expect(noReason.status).toBe(400);
    expect(messageOf(noReason)).toMatch(/^A refund \(a negative amount\) needs Refund reason/);
    expect(messageOf(await pay({ amount: -1000 }, 'zh-CN'))).toMatch(/^退款（负金额）必须填写“退款原因”/);
    const tooMuch = await pay({ amount: -10000, reason: '全额退款' });
    expect(tooMuch.status).toBe(409);
    expect(messageOf(tooMuch)).toMatch(/would refund more than was paid on this contract \(¥9,800.00\)/);
    const duplicate = await pay({ amount: 100, receiptNo: 'SJ-0001' });
    expect(duplicate.status).toBe(409);
    expect(messageOf(duplicate)).toMatch(/^Receipt number SJ-0001 is already booked on another payment/);
    expect((await pay({ amount: 0 })).status).toBe(400);
    const refund = await pay({ amount: -1800, reason: '协商退还部分服务费', method: 'bankTransfer' });
    expect(refund.status).toBe(200);
    const payments = await app.db.getRepository('payments').find({ filter: { contractId: id }, sort: ['id'] });
    expect(payments.map((row: any) => [row.get('kind'), Number(row.get('amount'))])).toEqual([
      ['payment', 5000],
      ['payment', 4800],
      ['refund', -1800],
    ]);
    expect(Number((await contract(id)).paidAmount)).toBe(8000);
    expect(Number((await contract(id)).balanceDue)).toBe(1800);
    // A new price moves the balance; paid stays the payments'.
    await post(as.manager, `/contracts:update?filterByTk=${id}`, { price: 10800 });
    expect(Number((await contract(id)).balanceDue)).toBe(2800);
    // Deleting a payment whose refund would then exceed what is left is refused; a contract with payments is kept.
    const first = payments[0].get('id');
    expect((await post(as.manager, `/payments:destroy?filterByTk=${first}`)).status).toBe(200);
    expect(Number((await contract(id)).paidAmount)).toBe(3000);
    const second = payments[1].get('id');
    const removal = await post(as.manager, `/payments:destroy?filterByTk=${second}`);
    expect(removal.status).toBe(409);
    const kept = await post(as.manager, `/contracts:destroy?filterByTk=${id}`);
    expect(kept.status).toBe(409);
    expect(messageOf(kept)).toMatch(/^Contract HT\d{6} has 2 payments booked and is kept/);
  });

  it('moving a payment to another contract, or a contract to another member, updates both sides', async () => {
    const first = await post(as.manager, '/contracts:create', {
      memberId: wangfangs,
      ...YEAR,
      price: 5000,
      package: 'standard',
    });
    const third = await addMember(app, {
      name: '吴倩',
      gender: 'female',
      matchmakerId: users.wangfang,
      tier: 'standard',
    });
    const second = await post(as.manager, '/contracts:create', {
      memberId: third,
      ...YEAR,
      price: 6000,
      package: 'vip',
      endDate: '2027-03-31',
    });
    expect((await member(third)).tier).toBe('vip');
    const paid = await post(as.manager, '/payments:create', {
      contractId: first.body.data.id,
      paidOn: '2026-01-02',
      amount: 1000,
      method: 'cash',
    });
    await post(as.manager, `/payments:update?filterByTk=${paid.body.data.id}`, { contractId: second.body.data.id });
    expect(Number((await contract(first.body.data.id)).balanceDue)).toBe(5000);
    expect(Number((await contract(second.body.data.id)).balanceDue)).toBe(5000);
    // The contract moved to 周晓梅: 吴倩 no longer has one (her fields stay as they were), 周晓梅's follows the later end.
    await post(as.manager, `/contracts:update?filterByTk=${second.body.data.id}`, { memberId: wangfangs });
    expect(await member(wangfangs)).toMatchObject({ tier: 'vip', expiryDate: '2027-03-31' });
  });

  it('keeps a member with contracts (409), as the agency’s accounts', async () => {
    const refused = await post(as.manager, `/members:destroy?filterByTk=${wangfangs}`);
    expect(refused.status).toBe(409);
    expect(messageOf(refused)).toMatch(
      /^周晓梅 has service contracts \(HT\d{6}(, HT\d{6})+\), kept as the agency’s accounts/,
    );
    expect(await app.db.getRepository('members').count({ filter: { id: wangfangs } })).toBe(1);
  });

  it('a matchmaker reads her own members’ contracts without their money, and no payments', async () => {
    const list = await as.lijing.get('/contracts:list').query({ pageSize: 50 });
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    for (const row of list.body.data) {
      expect(row.memberId).toBe(hers);
      expect(row).not.toHaveProperty('price');
      expect(row).not.toHaveProperty('paidAmount');
      expect(row).not.toHaveProperty('balanceDue');
      expect(row).toHaveProperty('promisedIntroductions');
    }
    const other = (await app.db.getRepository('contracts').findOne({ filter: { memberId: wangfangs } })).get('id');
    const get = await as.lijing.get('/contracts:get').query({ filterByTk: other });
    expect(get.body.data ?? null).toBeNull();
    expect((await as.lijing.get('/payments:list')).status).toBe(403);
    expect((await post(as.lijing, '/contracts:create', { memberId: hers, ...YEAR })).status).toBe(403);
    // Nor can she search by the money she may not see.
    const byPrice = await as.lijing.get('/contracts:list').query({ filter: JSON.stringify({ price: { $gt: 1000 } }) });
    expect(byPrice.status).toBe(403);
    expect((await as.manager.get('/contracts:list')).body.data[0]).toHaveProperty('price');
  });

  /** What finance may see of a member: her label, and the record's own bookkeeping (when it was entered and changed). */
  const LABEL = ['id', 'memberNo', 'name', 'hiddenFields', 'createdAt', 'updatedAt'];

  it('finance (财务), a role contracts adds: books payments and refunds, reads contracts, sees members by name and number only', async () => {
    const role = await app.db.getRepository('roles').findOne({ filterByTk: 'finance' });
    expect(role.get('title')).toBe('财务');
    const id = (await app.db.getRepository('contracts').findOne({ filter: { memberId: hers } })).get('id');
    const payment = await post(as.caiwu, '/payments:create', {
      contractId: id,
      paidOn: '2026-01-05',
      amount: 2000,
      method: 'cash',
    });
    expect(payment.status).toBe(200);
    const refund = await post(as.caiwu, '/payments:create', {
      contractId: id,
      paidOn: '2026-01-06',
      amount: -500,
      method: 'cash',
      reason: '多收退回',
    });
    expect(refund.status).toBe(200);
    const contracts = await as.caiwu.get('/contracts:list').query({ appends: ['member'], pageSize: 50 });
    expect(contracts.status).toBe(200);
    const row = contracts.body.data.find((one: any) => one.id === id);
    expect(row).toHaveProperty('price');
    expect(Number(row.paidAmount)).toBe(1500);
    expect(Object.keys(row.member).filter((key) => !LABEL.includes(key))).toEqual([]);
    const members = await as.caiwu.get('/members:list').query({ pageSize: 50 });
    expect(members.status).toBe(200);
    for (const member of members.body.data)
      expect(Object.keys(member).filter((key) => !LABEL.includes(key))).toEqual([]);
    expect(
      (await as.caiwu.get('/members:list').query({ filter: JSON.stringify({ phone: { $includes: '139' } }) })).status,
    ).toBe(403);
    expect((await as.caiwu.get('/contracts:ledger').query({ filterByTk: id })).status).toBe(200);
    expect((await as.caiwu.get('/contracts:proposeRefund').query({ filterByTk: id })).status).toBe(200);
    // Not the contracts themselves, members, complaints or introductions.
    expect((await post(as.caiwu, `/contracts:update?filterByTk=${id}`, { price: 1 })).status).toBe(403);
    expect((await post(as.caiwu, `/members:update?filterByTk=${hers}`, { notes: 'x' })).status).toBe(403);
    expect((await as.caiwu.get('/complaints:list')).status).toBe(403);
    expect((await as.caiwu.get('/introductions:list')).status).toBe(403);
  });
});

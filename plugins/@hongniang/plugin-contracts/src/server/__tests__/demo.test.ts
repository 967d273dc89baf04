// The demo agency's contracts, payments and complaints, seeded through the rules: balances kept by the payments, a
// terminated contract with its refund, complaints answered, in progress and overdue, members' tiers from their contracts.
import { MockServer } from '@nocobase/test';
import { seedDemoAgency } from '@hongniang/plugin-core';
import { appForSuite } from '@test/support/app';

describe('the contracts of the demo agency', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  it('seeds contracts with payments, a terminated one with its refund, and complaints answered, in progress and overdue', async () => {
    const summaries = await seedDemoAgency(app, { members: 60, seed: 1 });
    const summary = summaries.find((line) => line.includes('contracts'));
    expect(summary).toMatch(/^\d+ contracts, \d+ payments, \d+ complaints$/);
    const contracts = (await app.db.getRepository('contracts').find({ appends: ['payments'] })).map((row: any) =>
      row.toJSON(),
    );
    expect(contracts.length).toBeGreaterThan(0);
    for (const contract of contracts) {
      const paid = contract.payments.reduce((sum: number, payment: any) => sum + Number(payment.amount), 0);
      expect(Number(contract.paidAmount)).toBeCloseTo(paid, 2);
      expect(Number(contract.balanceDue)).toBeCloseTo(Number(contract.price) - paid, 2);
    }
    expect(
      contracts.some((row) => row.status === 'terminated' && row.payments.some((p: any) => p.kind === 'refund')),
    ).toBe(true);
    const statuses = (await app.db.getRepository('complaints').find()).map((row: any) => row.get('status'));
    expect(statuses).toEqual(expect.arrayContaining(['answered', 'open', 'inProgress']));
    // Each member with a contract in force has its tier and expiry.
    const active = contracts.find((row) => row.status === 'active');
    const member = await app.db.getRepository('members').findOne({ filterByTk: active.memberId });
    expect(member.get('tier')).toBe(active.package);
  });

  it('has 孙悦 (sunyue), the demo 财务, signing in as finance: payments listed, members by number and name only', async () => {
    const sunyue = await app.db.getRepository('users').findOne({ filter: { username: 'sunyue' }, appends: ['roles'] });
    expect(sunyue.get('roles').map((role: any) => role.get('name'))).toEqual(['finance']);
    const agent = await app.agent().login(sunyue, 'finance');
    const payments = await agent.resource('payments').list({ pageSize: 5 });
    expect(payments.status).toBe(200);
    expect(payments.body.data.length).toBeGreaterThan(0);
    const members = await agent.resource('members').list({ pageSize: 5 });
    expect(members.status).toBe(200);
    // Her number and name; the timestamps NocoBase always sends, and the list of what is hidden from her (hiddenFields).
    expect(Object.keys(members.body.data[0]).sort()).toEqual([
      'createdAt',
      'hiddenFields',
      'id',
      'memberNo',
      'name',
      'updatedAt',
    ]);
  });
});

// The pure arithmetic of contracts: complaint due dates over weekends, which introductions count against which contract,
// and the refund proposal in and after the cooling-off period under each rule. Boots nothing.
import { addWorkingDays, isWorkingDay } from '../ledger/working-days';
import { assignIntroductions, deliveryCounts, lastCountingDay } from '../ledger/delivery';
import { introductionShare, proposeRefund, RefundInput, termShare } from '../ledger/refund';

describe('working days (complaints due in 3 working days)', () => {
  it('skips the weekend: received Friday, due Wednesday', () => {
    // 2026-12-04 is a Friday.
    expect(isWorkingDay('2026-12-04')).toBe(true);
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(addWorkingDays('2026-12-04', 3)).toBe('2026-12-09');
  });
  it('received Saturday or Sunday: counting starts Monday, due Wednesday', () => {
    expect(addWorkingDays('2026-12-05', 3)).toBe('2026-12-09');
    expect(addWorkingDays('2026-12-06', 3)).toBe('2026-12-09');
  });
  it('received Monday: due Thursday; Wednesday: due Monday', () => {
    expect(addWorkingDays('2026-11-30', 3)).toBe('2026-12-03');
    expect(addWorkingDays('2026-12-02', 3)).toBe('2026-12-07');
  });
  it('crosses a month and a year end', () => {
    // 2026-12-31 is a Thursday.
    expect(addWorkingDays('2026-12-31', 3)).toBe('2027-01-05');
  });
  it('refuses a negative count and a malformed day', () => {
    expect(() => addWorkingDays('2026-12-04', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('4 Dec', 3)).toThrow(RangeError);
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
  });
});

describe('the delivery ledger: which contract an introduction counts against', () => {
  const term = (id: number, startDate: string, endDate: string, status = 'active', endedOn: string | null = null) => ({
    id,
    status,
    startDate,
    endDate,
    endedOn,
  });
  it('counts introductions reached within the term, both ends included', () => {
    const assigned = assignIntroductions(
      [term(1, '2026-01-01', '2026-06-30')],
      [
        { introductionId: 10, reachedOn: '2025-12-31' },
        { introductionId: 11, reachedOn: '2026-01-01' },
        { introductionId: 12, reachedOn: '2026-06-30' },
        { introductionId: 13, reachedOn: '2026-07-01' },
      ],
    );
    expect(assigned.get(1)!.map((one) => one.introductionId)).toEqual([11, 12]);
  });
  it('a draft counts nothing; an early end stops the count', () => {
    const early = term(2, '2026-01-01', '2026-12-31', 'terminated', '2026-03-31');
    expect(lastCountingDay(early)).toBe('2026-03-31');
    const assigned = assignIntroductions(
      [term(1, '2026-01-01', '2026-12-31', 'pending'), early],
      [
        { introductionId: 10, reachedOn: '2026-02-01' },
        { introductionId: 11, reachedOn: '2026-04-01' },
      ],
    );
    expect(assigned.has(1)).toBe(false);
    expect(assigned.get(2)!.map((one) => one.introductionId)).toEqual([10]);
  });
  it('overlapping terms: the contract that started first takes it, and it counts once', () => {
    const assigned = assignIntroductions(
      [term(2, '2026-06-01', '2027-05-31'), term(1, '2026-01-01', '2026-06-30')],
      [
        { introductionId: 10, reachedOn: '2026-06-15' },
        { introductionId: 11, reachedOn: '2026-07-15' },
      ],
    );
    expect(assigned.get(1)!.map((one) => one.introductionId)).toEqual([10]);
    expect(assigned.get(2)!.map((one) => one.introductionId)).toEqual([11]);
  });
  it('remaining never goes below 0', () => {
    expect(deliveryCounts(10, 4)).toEqual({ promised: 10, delivered: 4, remaining: 6 });
    expect(deliveryCounts(3, 5)).toEqual({ promised: 3, delivered: 5, remaining: 0 });
  });
});

describe('the refund proposal', () => {
  // 12 introductions over a year for ¥12,000, paid in full, signed on the start day.
  const base: RefundInput = {
    price: 12000,
    paid: 12000,
    promised: 12,
    delivered: 0,
    signedDate: '2026-01-01',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    coolingOffDays: 7,
    endedOn: '2026-01-08',
    rule: 'introductions',
  };
  it('within the cooling-off period (day 7 included): everything paid, payable within 15 days', () => {
    const proposal = proposeRefund({ ...base, delivered: 1 });
    expect(proposal).toMatchObject({
      withinCoolingOff: true,
      coolingOffEnds: '2026-01-08',
      refund: 12000,
      payBy: '2026-01-23',
    });
    expect(proposal.lines.map((line) => line.key)).toEqual([
      'Signed on {{signed}}; the cooling-off period of {{days}} days ran to {{last}}; ended on {{ended}}, within it.',
      'Within the cooling-off period everything paid is refunded: {{paid}}.',
      'Proposed refund: {{refund}}, to be paid by {{payBy}}.',
    ]);
    expect(proposal.lines[1].values.paid).toBe('¥12,000.00');
  });
  it('after it, by introductions: 9 of 12 not delivered refunds 75% of the price', () => {
    const proposal = proposeRefund({ ...base, endedOn: '2026-01-09', delivered: 3 });
    expect(proposal.withinCoolingOff).toBe(false);
    expect(proposal.share).toEqual({ num: 9, den: 12 });
    expect(proposal.refund).toBe(9000);
    expect(proposal.lines).toHaveLength(7);
    expect(proposal.lines[5].values).toEqual({ paid: '¥12,000.00', value: '¥3,000.00', refund: '¥9,000.00' });
  });
  it('by term, and the smaller or larger of the two shares', () => {
    // Ended 2026-07-01 of a 365-day term: 183 days left; 6 of 12 introductions delivered (50% left).
    const after = { ...base, endedOn: '2026-07-01', delivered: 6 };
    expect(termShare(after.startDate, after.endDate, after.endedOn)).toEqual({ num: 183, den: 365 });
    expect(proposeRefund({ ...after, rule: 'term' }).refund).toBe(Math.round((12000 * 183 * 100) / 365) / 100);
    expect(proposeRefund({ ...after, rule: 'lesser' }).refund).toBe(6000);
    expect(proposeRefund({ ...after, rule: 'greater' }).refund).toBe(Math.round((12000 * 183 * 100) / 365) / 100);
  });
  it('deducts what is still unpaid and refunds already made; never proposes a negative refund', () => {
    // Half paid, half the introductions delivered: the service delivered (¥6,000) is what was paid.
    expect(proposeRefund({ ...base, endedOn: '2026-03-01', paid: 6000, delivered: 6 }).refund).toBe(0);
    expect(proposeRefund({ ...base, endedOn: '2026-03-01', paid: 2000, delivered: 6 }).refund).toBe(0);
    expect(proposeRefund({ ...base, endedOn: '2026-03-01', paid: 10000, delivered: 6 }).refund).toBe(4000);
  });
  it('nothing promised: the introductions share is 0; an unsigned contract counts cooling-off from its start', () => {
    expect(introductionShare(0, 0)).toEqual({ num: 0, den: 1 });
    expect(
      proposeRefund({ ...base, signedDate: null, startDate: '2026-02-01', endedOn: '2026-02-05' }).withinCoolingOff,
    ).toBe(true);
  });
});

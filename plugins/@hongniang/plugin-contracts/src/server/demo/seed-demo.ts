// The contracts' part of the demo agency (plugin-core's extendDemoAgency, after the members, introductions and
// follow-ups): for each matchmaker, service contracts of some of her members in service — paid in full or a deposit,
// one ending within 30 days, one terminated with a refund — and complaints: one answered, one in progress, one overdue.
// Written through the repositories, so the rules of hooks/ hold for the demo as for staff.
import { DemoSettings } from '@hongniang/plugin-core';
import { addDays, dayOf, readReminderSettings } from '@hongniang/plugin-follow-ups';
import { Application } from '@nocobase/server';

/** What each package costs and promises (yuan, introductions over 12 months). */
const PACKAGES: Record<string, { price: number; promised: number }> = {
  standard: { price: 6800, promised: 6 },
  gold: { price: 12800, promised: 12 },
  diamond: { price: 19800, promised: 18 },
  vip: { price: 39800, promised: 30 },
};
const TIERS = Object.keys(PACKAGES);
const METHODS = ['wechatPay', 'bankTransfer', 'alipay', 'card'];
/** Contracts per matchmaker: started this many days ago (the second ends within 30 days; the last is terminated). */
const STARTED_DAYS_AGO = [40, 345, 120, 200];

/** Seeds the records (see the file's head); answers "N contracts, M payments, K complaints", or nothing without members. */
export async function seedDemoContracts(app: Application, settings: DemoSettings) {
  const db = app.db;
  const { timeZone } = await readReminderSettings(db);
  const today = dayOf(new Date(), timeZone);
  const matchmakers = settings.staff.filter((person) => person.role === 'matchmaker');
  const manager = settings.staff.find((person) => person.role === 'manager');
  const contracts = db.getRepository('contracts');
  const payments = db.getRepository('payments');
  const complaints = db.getRepository('complaints');
  let [contractCount, paymentCount, complaintCount, receipt] = [0, 0, 0, 0];
  for (const [m, matchmaker] of matchmakers.entries()) {
    const members: any[] = await db.getModel('members').findAll({
      attributes: ['id', 'tier'],
      where: { status: 'inService', matchmakerId: matchmaker.id },
      order: [['id', 'ASC']],
      limit: STARTED_DAYS_AGO.length,
      raw: true,
    });
    for (const [i, member] of members.entries()) {
      const tier = TIERS.includes(member.tier) ? member.tier : TIERS[(m + i) % TIERS.length];
      const { price, promised } = PACKAGES[tier];
      const startDate = addDays(today, -STARTED_DAYS_AGO[i]);
      const terminated = i === STARTED_DAYS_AGO.length - 1;
      const contract = await contracts.create({
        values: {
          memberId: member.id,
          package: tier,
          price,
          startDate,
          endDate: addDays(startDate, 364),
          promisedIntroductions: promised,
          signedDate: startDate,
          status: 'active',
          soldById: matchmaker.id,
        },
      });
      contractCount++;
      const pay = async (amount: number, paidOn: string, extra: Record<string, unknown> = {}) => {
        receipt++;
        await payments.create({
          values: {
            contractId: contract.get('id'),
            amount,
            paidOn,
            method: METHODS[receipt % METHODS.length],
            receiptNo: `SJ${String(receipt).padStart(6, '0')}`,
            ...extra,
          },
        });
        paymentCount++;
      };
      // Paid in full at signing, or a deposit then the rest a month later (the newest still owes it).
      if (i % 2 === 0 && i > 0) await pay(price, startDate);
      else {
        await pay(Math.round(price * 0.3), startDate);
        if (i > 0) await pay(price - Math.round(price * 0.3), addDays(startDate, 30));
      }
      if (terminated) {
        const endedOn = addDays(today, -10);
        await contracts.update({
          filterByTk: contract.get('id'),
          values: { status: 'terminated', endedOn, endReason: '会员工作调动离京，协商解除合同' },
        });
        await pay(-Math.round(price * 0.4), addDays(endedOn, 5), { reason: '按未提供服务比例协商退款' });
      }
    }
    const [first, second, third] = members;
    const complain = async (memberId: number | undefined, values: Record<string, unknown>) => {
      if (!memberId) return;
      await complaints.create({ values: { memberId, handlerId: manager?.id ?? null, ...values } });
      complaintCount++;
    };
    await complain(first?.id, {
      category: 'matchQuality',
      content: '最近两次推荐的对象年龄都超出了我的要求范围，希望红娘更仔细地看择偶标准。',
      receivedAt: new Date(Date.now() - 12 * 86_400_000),
      channel: 'phone',
      status: 'answered',
      resolution: '已与会员面谈，重新确认择偶标准并调整匹配权重；下次推荐前先电话沟通。',
      satisfaction: 'satisfied',
    });
    await complain(second?.id, {
      category: 'attitude',
      content: '上周约见后红娘一直没有回访，打电话也没人接。',
      receivedAt: new Date(Date.now() - 7 * 86_400_000),
      channel: 'wechat',
      status: 'open',
    });
    await complain(third?.id, {
      category: 'fees',
      content: '想了解续费是否有优惠，以及未用完的介绍次数能否顺延。',
      receivedAt: new Date(),
      channel: 'inPerson',
      status: 'inProgress',
    });
  }
  settings.onProgress?.('contracts', 1, 1);
  if (!contractCount) return undefined;
  return `${contractCount} contracts, ${paymentCount} payments, ${complaintCount} complaints`;
}

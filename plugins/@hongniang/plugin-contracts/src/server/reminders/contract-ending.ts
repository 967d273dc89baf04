// 合同将到期 (contractEnding), a reminder kind added to plugin-follow-ups' sweep: a contract in force whose term ends
// within the agency's notice days (contractSettings.endingNoticeDays, 30) while introductions it promised are still
// owed; the member's matchmaker (else whoever sold it) hears how many remain.
import { Op } from '@nocobase/database';
import { addDays, instantAt, Occurrence, ReminderKind } from '@hongniang/plugin-follow-ups';
import { IN_FORCE } from '../language/vocabulary';
import { dayText } from '../hooks/checks';
import { ledgerOf } from '../ledger/ledger-records';
import { readContractSettings } from '../setup/settings';

/**
 * One reminder per contract and end date, due at the reminder hour `endingNoticeDays` before the end. Key:
 * `contractEnding:<contract id>:<end date>` (a term moved later is a new occurrence). Between daily scans, only contracts
 * changed since the last sweep are read (an introduction delivered meanwhile is seen at the next day's scan).
 */
export const contractEnding: ReminderKind = {
  kind: 'contractEnding',
  mode: 'state',
  async find({ db, settings, day, changedSince }) {
    const { endingNoticeDays } = await readContractSettings(db);
    const where: Record<string | symbol, unknown> = {
      status: { [Op.in]: IN_FORCE },
      endDate: { [Op.gte]: day, [Op.lte]: addDays(day, endingNoticeDays) },
    };
    if (changedSince) where.updatedAt = { [Op.gt]: changedSince };
    const contracts = await db.getModel('contracts').findAll({ where, raw: true, order: [['id', 'ASC']] });
    const results: Occurrence[] = [];
    for (const contract of contracts) {
      const ledger = await ledgerOf(db, contract);
      if (ledger.remaining <= 0) continue;
      const member = await db
        .getModel('members')
        .findByPk(contract.memberId, { attributes: ['id', 'name', 'matchmakerId'], raw: true });
      const recipientId = member?.matchmakerId ?? contract.soldById;
      if (recipientId == null) continue;
      const end = dayText(contract.endDate) as string;
      results.push({
        key: `contractEnding:${contract.id}:${end}`,
        kind: 'contractEnding',
        recipientId: Number(recipientId),
        memberId: Number(contract.memberId),
        dueAt: instantAt(addDays(end, -endingNoticeDays), settings.reminderHour, settings.timeZone),
        title: `合同将到期：${member?.name ?? ''}（${contract.contractNo}）`,
        body:
          `会员 ${member?.name ?? ''} 的服务合同 ${contract.contractNo} 将于 ${end} 到期，` +
          `承诺介绍 ${ledger.promised} 次，已提供 ${ledger.delivered} 次，尚余 ${ledger.remaining} 次。请尽快安排推荐。`,
      });
    }
    return results;
  },
};

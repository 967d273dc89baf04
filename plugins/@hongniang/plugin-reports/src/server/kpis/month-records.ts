// Writing a month's KPI records (matchmakerMonths): one per matchmaker, computed from today's data, in one transaction.
import { Op } from '@nocobase/database';
import { computeMonth } from './compute-month';

/** The agency role whose holders get KPI records. */
export const MATCHMAKER_ROLE = 'matchmaker';

/** Users holding the 红娘 role (by id). */
export async function matchmakerIds(db: any, transaction?: any): Promise<number[]> {
  const users = await db
    .getRepository('users')
    .find({ filter: { 'roles.name': MATCHMAKER_ROLE }, fields: ['id'], transaction });
  return users.map((user: any) => Number(user.get('id')));
}

export interface MonthWrite {
  /** Set `closedAt` (now) on records that have none: the month is over. A closed record stays closed either way. */
  close?: boolean;
  now?: Date;
}

/**
 * Computes `month` for every matchmaker — today's 红娘 and anyone with a record of the month already — and writes
 * their records: figures, computedAt, closedAt when closing, and the month's service rating. Answers the records' count.
 */
export async function writeMonth(
  db: any,
  month: string,
  timeZone: string,
  { close = false, now = new Date() }: MonthWrite = {},
) {
  return db.sequelize.transaction(async (transaction: any) => {
    const model = db.getModel('matchmakerMonths');
    const existing = new Map<number, any>();
    for (const record of await model.findAll({ where: { month }, transaction }))
      if (record.get('matchmakerId') != null) existing.set(Number(record.get('matchmakerId')), record);
    const ids = [...new Set([...(await matchmakerIds(db, transaction)), ...existing.keys()])];
    const figures = await computeMonth(db, month, timeZone, ids, transaction);
    const ratings = new Map<number, any>();
    for (const rating of await db.getModel('serviceRatings').findAll({
      where: { month, matchmakerId: { [Op.in]: ids.length ? ids : [0] } },
      transaction,
    }))
      ratings.set(Number(rating.get('matchmakerId')), rating);
    for (const id of ids) {
      const record = existing.get(id);
      const rating = ratings.get(id);
      const values = {
        ...figures.get(id),
        serviceRating: rating?.get('score') ?? null,
        serviceComment: rating?.get('comment') ?? null,
        computedAt: now,
        closedAt: record?.get('closedAt') ?? (close ? now : null),
      };
      if (record) await record.update(values, { transaction });
      else await model.create({ ...values, matchmakerId: id, month }, { transaction });
    }
    return ids.length;
  });
}

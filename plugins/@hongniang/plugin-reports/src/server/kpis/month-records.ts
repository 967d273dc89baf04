// Writing a month's records: one per matchmaker (matchmakerMonths) and one for the agency (agencyMonths), computed from
// today's data, in one transaction.
import { Op } from '@nocobase/database';
import { computeAgencyMonth, computeMonth } from './compute-month';

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
  /** Leave records closed already as they are (the closing pass); a recompute rewrites their figures. */
  keepClosed?: boolean;
  now?: Date;
}

/** The values of a record being written: its figures, when computed, and closedAt kept or set. */
const stamped = (record: any, figures: object, { close = false, now = new Date() }: MonthWrite) => ({
  ...figures,
  computedAt: now,
  closedAt: record?.get('closedAt') ?? (close ? now : null),
});

/**
 * Computes `month` for every matchmaker — today's 红娘 and anyone with a record of the month already — and writes
 * their records (matchmakerMonths): figures, computedAt, closedAt when closing, and the month's service rating.
 * Answers the records' count.
 */
async function writeMatchmakerMonths(db: any, month: string, timeZone: string, write: MonthWrite, transaction: any) {
  const model = db.getModel('matchmakerMonths');
  const existing = new Map<number, any>();
  for (const record of await model.findAll({ where: { month }, transaction }))
    if (record.get('matchmakerId') != null) existing.set(Number(record.get('matchmakerId')), record);
  const ids = [...new Set([...(await matchmakerIds(db, transaction)), ...existing.keys()])].filter(
    (id) => !(write.keepClosed && existing.get(id)?.get('closedAt')),
  );
  const figures = await computeMonth(db, month, timeZone, ids, { now: write.now, transaction });
  const ratings = new Map<number, any>();
  for (const rating of await db.getModel('serviceRatings').findAll({
    where: { month, matchmakerId: { [Op.in]: ids.length ? ids : [0] } },
    transaction,
  }))
    ratings.set(Number(rating.get('matchmakerId')), rating);
  for (const id of ids) {
    const record = existing.get(id);
    const rating = ratings.get(id);
    const values = stamped(
      record,
      {
        ...figures.get(id),
        serviceRating: rating?.get('score') ?? null,
        serviceComment: rating?.get('comment') ?? null,
      },
      write,
    );
    if (record) await record.update(values, { transaction });
    else await model.create({ ...values, matchmakerId: id, month }, { transaction });
  }
  return ids.length;
}

/** Computes the agency's figures of `month` and writes its one record (agencyMonths). */
async function writeAgencyMonth(db: any, month: string, timeZone: string, write: MonthWrite, transaction: any) {
  const model = db.getModel('agencyMonths');
  const record = await model.findOne({ where: { month }, transaction });
  if (write.keepClosed && record?.get('closedAt')) return;
  const values = stamped(record, await computeAgencyMonth(db, month, timeZone, { now: write.now, transaction }), write);
  if (record) await record.update(values, { transaction });
  else await model.create({ ...values, month }, { transaction });
}

/**
 * Writes `month`'s records in one transaction: each matchmaker's (matchmakerMonths) and the agency's (agencyMonths),
 * computed from today's data by the same queries. Answers the matchmakers' records written.
 */
export async function writeMonth(db: any, month: string, timeZone: string, write: MonthWrite = {}) {
  return db.sequelize.transaction(async (transaction: any) => {
    const written = await writeMatchmakerMonths(db, month, timeZone, write, transaction);
    await writeAgencyMonth(db, month, timeZone, write, transaction);
    return written;
  });
}

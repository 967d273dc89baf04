// One agency month's figures for every matchmaker, from a handful of grouped queries (one per source collection). What
// each figure counts is documented in docs/reports.md; a member's figures go to her matchmaker at computing time.
import { dayEnds, monthBounds } from './months';
import { GroupedQuery } from './sql';

/** Reminders that ask her to get in touch with a member: the ones a follow-up answers (not courtesy or notices). */
export const FOLLOW_UP_KINDS = ['followUpDue', 'noContact', 'newMemberNoContact', 'collectFeedback', 'deepInterview'];

/** The introduction stages counted when reached, and the figure each one feeds. */
export const STAGE_FIGURES: Record<string, 'bothAgreed' | 'relationships' | 'marriages'> = {
  bothAgreed: 'bothAgreed',
  committed: 'relationships',
  married: 'marriages',
};

export interface MonthFigures {
  newMembers: number;
  followUpsDue: number;
  followUpsOnTime: number;
  /** Percent of the reminders due that were handled on time, one decimal; null when none was due. */
  onTimeRate: number | null;
  introductionsStarted: number;
  bothAgreed: number;
  relationships: number;
  marriages: number;
  datesHeld: number;
  /** Two decimals; null without feedback. */
  satisfactionAverage: number | null;
  satisfactionCount: number;
}

export const noFigures = (): MonthFigures => ({
  newMembers: 0,
  followUpsDue: 0,
  followUpsOnTime: 0,
  onTimeRate: null,
  introductionsStarted: 0,
  bothAgreed: 0,
  relationships: 0,
  marriages: 0,
  datesHeld: 0,
  satisfactionAverage: null,
  satisfactionCount: 0,
});

type Bounds = ReturnType<typeof monthBounds>;
type Source = (db: any, bounds: Bounds, month: string, timeZone: string, transaction?: any) => Promise<Figures>;
/** Figures by matchmaker id, as each source finds them. */
type Figures = Map<number, Partial<MonthFigures> & { satisfactionSum?: number }>;

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Rows grouped by `matchmaker` (their id) as partial figures. */
function byMatchmaker(rows: Record<string, any>[], figures: (row: Record<string, any>) => Partial<MonthFigures>) {
  const found: Figures = new Map();
  for (const row of rows) {
    if (row.matchmaker == null) continue;
    const id = Number(row.matchmaker);
    found.set(id, { ...found.get(id), ...figures(row) });
  }
  return found;
}

/** The rows of both sides of a pair (`memberAId`, `memberBId`) as one set: a pair with both sides hers is hers once. */
const eitherSide = (select: (side: 'memberAId' | 'memberBId') => string) =>
  `(${select('memberAId')} UNION ${select('memberBId')})`;

/** 新会员: her members whose join date (an agency day) falls in the month. */
const newMembers: Source = async (db, bounds, _month, _zone, transaction) => {
  const q = new GroupedQuery(db, transaction);
  const matchmaker = q.column('m', 'members', 'matchmakerId');
  const joinDate = q.column('m', 'members', 'joinDate');
  const rows = await q.rows(
    `SELECT ${matchmaker} AS matchmaker, COUNT(*) AS n FROM ${q.table('members', 'm')}
     WHERE ${joinDate} >= ${q.bind(bounds.firstDay)} AND ${joinDate} <= ${q.bind(bounds.lastDay)}
     GROUP BY ${matchmaker}`,
  );
  return byMatchmaker(rows, (row) => ({ newMembers: Number(row.n) }));
};

/**
 * 应回访 / 按时回访: reminders of the follow-up kinds sent to her and due in the month; on time when closed (not as
 * 情况已变化) before the agency midnight that ends the day it fell due.
 */
const followUps: Source = async (db, bounds, month, timeZone, transaction) => {
  const q = new GroupedQuery(db, transaction);
  const column = (field: string) => q.column('r', 'reminders', field);
  const [dueAt, closedAt] = [column('dueAt'), column('closedAt')];
  let dayStart = q.moment('reminders', 'dueAt', bounds.start);
  const dueDays = dayEnds(month, timeZone).map((end) => {
    const dayEnd = q.moment('reminders', 'dueAt', end);
    const window = `(${dueAt} >= ${dayStart} AND ${dueAt} < ${dayEnd} AND ${closedAt} < ${dayEnd})`;
    dayStart = dayEnd;
    return window;
  });
  const onTime = `${column('status')} = ${q.bind('closed')}
    AND (${column('closeReason')} IS NULL OR ${column('closeReason')} <> ${q.bind('obsolete')})
    AND (${dueDays.join(' OR ')})`;
  const rows = await q.rows(
    `SELECT ${column('recipientId')} AS matchmaker, COUNT(*) AS due, SUM(CASE WHEN ${onTime} THEN 1 ELSE 0 END) AS ontime
     FROM ${q.table('reminders', 'r')}
     WHERE ${column('kind')} IN (${q.bindAll(FOLLOW_UP_KINDS)})
       AND ${dueAt} >= ${q.moment('reminders', 'dueAt', bounds.start)} AND ${dueAt} < ${q.moment('reminders', 'dueAt', bounds.end)}
     GROUP BY ${column('recipientId')}`,
  );
  return byMatchmaker(rows, (row) => ({ followUpsDue: Number(row.due), followUpsOnTime: Number(row.ontime ?? 0) }));
};

/** 发起牵线: introductions created in the month with one of her members on either side. */
const introductionsStarted: Source = async (db, bounds, _month, _zone, transaction) => {
  const q = new GroupedQuery(db, transaction);
  const createdAt = q.column('i', 'introductions', 'createdAt');
  const [start, end] = [bounds.start, bounds.end].map((instant) => q.moment('introductions', 'createdAt', instant));
  const sides = eitherSide(
    (side) =>
      `SELECT ${q.column('i', 'introductions', 'id')} AS introduction, ${q.column('m', 'members', 'matchmakerId')} AS matchmaker
       FROM ${q.table('introductions', 'i')} JOIN ${q.table('members', 'm')}
         ON ${q.column('m', 'members', 'id')} = ${q.column('i', 'introductions', side)}
       WHERE ${createdAt} >= ${start} AND ${createdAt} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT s.matchmaker AS matchmaker, COUNT(DISTINCT s.introduction) AS n FROM ${sides} s GROUP BY s.matchmaker`,
  );
  return byMatchmaker(rows, (row) => ({ introductionsStarted: Number(row.n) }));
};

/** 双方同意 / 确定关系 / 结婚: introductions of her members that reached the stage in the month (their history). */
const stagesReached: Source = async (db, bounds, _month, _zone, transaction) => {
  const q = new GroupedQuery(db, transaction);
  const change = (field: string) => q.column('c', 'introductionStageChanges', field);
  const [start, end] = [bounds.start, bounds.end].map((instant) =>
    q.moment('introductionStageChanges', 'changedAt', instant),
  );
  const [stageEvent, stages] = [q.bind('stage'), q.bindAll(Object.keys(STAGE_FIGURES))];
  const sides = eitherSide(
    (side) =>
      `SELECT ${change('introductionId')} AS introduction, ${change('toStage')} AS stage,
              ${q.column('m', 'members', 'matchmakerId')} AS matchmaker
       FROM ${q.table('introductionStageChanges', 'c')}
         JOIN ${q.table('introductions', 'i')} ON ${q.column('i', 'introductions', 'id')} = ${change('introductionId')}
         JOIN ${q.table('members', 'm')} ON ${q.column('m', 'members', 'id')} = ${q.column('i', 'introductions', side)}
       WHERE ${change('event')} = ${stageEvent} AND ${change('toStage')} IN (${stages})
         AND ${change('changedAt')} >= ${start} AND ${change('changedAt')} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT s.matchmaker AS matchmaker, s.stage AS stage, COUNT(DISTINCT s.introduction) AS n
     FROM ${sides} s GROUP BY s.matchmaker, s.stage`,
  );
  const found: Figures = new Map();
  for (const row of rows) {
    if (row.matchmaker == null || !STAGE_FIGURES[row.stage]) continue;
    const id = Number(row.matchmaker);
    found.set(id, { ...found.get(id), [STAGE_FIGURES[row.stage]]: Number(row.n) });
  }
  return found;
};

/** 约会: dates 已完成 that started in the month with one of her members on either side. */
const datesHeld: Source = async (db, bounds, _month, _zone, transaction) => {
  const q = new GroupedQuery(db, transaction);
  const date = (field: string) => q.column('d', 'dates', field);
  const [start, end] = [bounds.start, bounds.end].map((instant) => q.moment('dates', 'startsAt', instant));
  const completed = q.bind('completed');
  const sides = eitherSide(
    (side) =>
      `SELECT ${date('id')} AS date, ${q.column('m', 'members', 'matchmakerId')} AS matchmaker
       FROM ${q.table('dates', 'd')} JOIN ${q.table('members', 'm')} ON ${q.column('m', 'members', 'id')} = ${date(side)}
       WHERE ${date('status')} = ${completed} AND ${date('startsAt')} >= ${start} AND ${date('startsAt')} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT s.matchmaker AS matchmaker, COUNT(DISTINCT s.date) AS n FROM ${sides} s GROUP BY s.matchmaker`,
  );
  return byMatchmaker(rows, (row) => ({ datesHeld: Number(row.n) }));
};

/** 约会满意度: the satisfaction her members gave for their dates that started in the month (feedback with a score). */
const satisfaction: Source = async (db, bounds, _month, _zone, transaction) => {
  const q = new GroupedQuery(db, transaction);
  const feedback = (field: string) => q.column('f', 'dateFeedback', field);
  const startsAt = q.column('d', 'dates', 'startsAt');
  const matchmaker = q.column('m', 'members', 'matchmakerId');
  const rows = await q.rows(
    `SELECT ${matchmaker} AS matchmaker, SUM(${feedback('satisfaction')}) AS total, COUNT(*) AS n
     FROM ${q.table('dateFeedback', 'f')}
       JOIN ${q.table('dates', 'd')} ON ${q.column('d', 'dates', 'id')} = ${feedback('dateId')}
       JOIN ${q.table('members', 'm')} ON ${q.column('m', 'members', 'id')} = ${feedback('memberId')}
     WHERE ${feedback('satisfaction')} IS NOT NULL
       AND ${startsAt} >= ${q.moment('dates', 'startsAt', bounds.start)} AND ${startsAt} < ${q.moment('dates', 'startsAt', bounds.end)}
     GROUP BY ${matchmaker}`,
  );
  return byMatchmaker(rows, (row) => ({ satisfactionCount: Number(row.n), satisfactionSum: Number(row.total) }) as any);
};

const SOURCES: Source[] = [newMembers, followUps, introductionsStarted, stagesReached, datesHeld, satisfaction];

/**
 * The month's figures of each matchmaker in `matchmakerIds` (every one of them, zeros included), in the agency's
 * `timeZone`. Figures of members whose matchmaker is not listed (no 红娘 role) are in no record.
 */
export async function computeMonth(
  db: any,
  month: string,
  timeZone: string,
  matchmakerIds: number[],
  transaction?: any,
): Promise<Map<number, MonthFigures>> {
  const bounds = monthBounds(month, timeZone);
  const found: Figures = new Map();
  for (const source of SOURCES)
    for (const [id, figures] of await source(db, bounds, month, timeZone, transaction))
      found.set(id, { ...found.get(id), ...figures });
  const result = new Map<number, MonthFigures>();
  for (const id of matchmakerIds) {
    const { satisfactionSum = 0, ...partial } = found.get(id) || {};
    const figures = { ...noFigures(), ...partial };
    figures.onTimeRate = figures.followUpsDue ? round((100 * figures.followUpsOnTime) / figures.followUpsDue, 1) : null;
    figures.satisfactionAverage = figures.satisfactionCount
      ? round(satisfactionSum / figures.satisfactionCount, 2)
      : null;
    result.set(id, figures);
  }
  return result;
}

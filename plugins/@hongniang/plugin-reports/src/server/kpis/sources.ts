// The grouped queries behind the monthly figures, one per source collection, each written once and run for either
// scope (./scope.ts): each matchmaker's members, or every member of the agency. What each figure counts is documented
// in docs/reports.md; a member's figures go to her matchmaker at computing time.
import { addDays, instantAt, SERVED_STATUSES } from '@hongniang/plugin-follow-ups';
import { dayEnds, monthBounds } from './months';
import { Scope } from './scope';
import { GroupedQuery } from './sql';

/** Reminders that ask her to get in touch with a member: the ones a follow-up answers (not courtesy or notices). */
export const FOLLOW_UP_KINDS = ['followUpDue', 'noContact', 'newMemberNoContact', 'collectFeedback', 'deepInterview'];

/** The introduction stages counted when reached, and the figure each one feeds. */
export const STAGE_FIGURES: Record<string, 'bothAgreed' | 'dating' | 'relationships' | 'marriages'> = {
  bothAgreed: 'bothAgreed',
  dating: 'dating',
  committed: 'relationships',
  married: 'marriages',
};

/** Member statuses of a member who left the agency: 流失 (`lost`) and 已退会 (`withdrawn`). */
export const LEFT_STATUSES = ['lost', 'withdrawn'];

/** Agency days without contact after which a member in service counts as 久未联系 (noContactMembers). */
export const NO_CONTACT_DAYS = 30;

/** The counts the sources find, before rates and averages. */
export interface Counts {
  newMembers: number;
  churned: number;
  membersInService: number;
  noContactMembers: number;
  followUpsDue: number;
  followUpsOnTime: number;
  suggestionsMade: number;
  introductionsStarted: number;
  bothAgreed: number;
  dating: number;
  relationships: number;
  marriages: number;
  datesHeld: number;
  satisfactionCount: number;
  /** The satisfaction scores added up (1–5 each), for the average. */
  satisfactionSum: number;
  complaintsReceived: number;
  complaintsLate: number;
}

export interface SourceContext {
  db: any;
  /** 'YYYY-MM', the agency's. */
  month: string;
  timeZone: string;
  bounds: ReturnType<typeof monthBounds>;
  /** The agency day the snapshots are taken on: the month's last day, or today while the month is live. */
  asOfDay: string;
  scope: Scope;
  /** The moment of computing: a due day is over once its agency midnight has passed it. */
  now: Date;
  transaction?: any;
}

/** Counts by group key (a matchmaker's id, or AGENCY), as one source finds them. */
export type Found = Map<number, Partial<Counts>>;
export type Source = (context: SourceContext) => Promise<Found>;

/** Rows keyed by `matchmaker` (their group) as partial counts; rows of no group (no matchmaker) are left out. */
function byGroup(rows: Record<string, any>[], counts: (row: Record<string, any>) => Partial<Counts>) {
  const found: Found = new Map();
  for (const row of rows) {
    if (row.matchmaker == null) continue;
    const key = Number(row.matchmaker);
    found.set(key, { ...found.get(key), ...counts(row) });
  }
  return found;
}

/** The rows of both sides of a pair as one set: a pair with both sides in one group counts once for it. */
const eitherSide = <Side extends string>(sides: [Side, Side], select: (side: Side) => string) =>
  `(${select(sides[0])} UNION ${select(sides[1])})`;

/** 新会员: members whose join date (an agency day) falls in the month. */
const newMembers: Source = async ({ db, bounds, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const matchmaker = q.column('m', 'members', 'matchmakerId');
  const joinDate = q.column('m', 'members', 'joinDate');
  const rows = await q.rows(
    `SELECT ${scope.key(matchmaker)} AS matchmaker, COUNT(*) AS n FROM ${q.table('members', 'm')}
     WHERE ${joinDate} >= ${q.bind(bounds.firstDay)} AND ${joinDate} <= ${q.bind(bounds.lastDay)}
     ${scope.groupBy(matchmaker)}`,
  );
  return byGroup(rows, (row) => ({ newMembers: Number(row.n) }));
};

/** 流失/退会: members whose status is 流失 or 已退会 now and was set in the month (`statusChangedAt`). */
const churned: Source = async ({ db, bounds, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const member = (field: string) => q.column('m', 'members', field);
  const [start, end] = [bounds.start, bounds.end].map((instant) => q.moment('members', 'statusChangedAt', instant));
  const rows = await q.rows(
    `SELECT ${scope.key(member('matchmakerId'))} AS matchmaker, COUNT(*) AS n FROM ${q.table('members', 'm')}
     WHERE ${member('status')} IN (${q.bindAll(LEFT_STATUSES)})
       AND ${member('statusChangedAt')} >= ${start} AND ${member('statusChangedAt')} < ${end}
     ${scope.groupBy(member('matchmakerId'))}`,
  );
  return byGroup(rows, (row) => ({ churned: Number(row.n) }));
};

/**
 * 服务中 / 久未联系, a snapshot when computed: members whose status is one the agency works for (新入会, 服务中: the
 * reminders' served statuses), and of them those never contacted or last contacted NO_CONTACT_DAYS or more agency days
 * before the snapshot's day (last contact before the agency midnight that starts day − 29).
 */
const inService: Source = async ({ db, asOfDay, timeZone, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const member = (field: string) => q.column('m', 'members', field);
  const contactedBefore = q.moment(
    'members',
    'lastContactAt',
    instantAt(addDays(asOfDay, 1 - NO_CONTACT_DAYS), 0, timeZone),
  );
  const rows = await q.rows(
    `SELECT ${scope.key(member('matchmakerId'))} AS matchmaker, COUNT(*) AS served,
            SUM(CASE WHEN ${member('lastContactAt')} IS NULL OR ${member('lastContactAt')} < ${contactedBefore}
                THEN 1 ELSE 0 END) AS silent
     FROM ${q.table('members', 'm')}
     WHERE ${member('status')} IN (${q.bindAll(SERVED_STATUSES)})
     ${scope.groupBy(member('matchmakerId'))}`,
  );
  return byGroup(rows, (row) => ({ membersInService: Number(row.served), noContactMembers: Number(row.silent ?? 0) }));
};

/**
 * 应回访 / 按时回访: reminders of the follow-up kinds due in the month, by whom they were sent to (a matchmaker's scope
 * only: not an agency figure); on time when closed (not as 情况已变化) before the agency midnight that ends the due day.
 */
const followUps: Source = async ({ db, bounds, month, timeZone, transaction }) => {
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
  return byGroup(rows, (row) => ({ followUpsDue: Number(row.due), followUpsOnTime: Number(row.ontime ?? 0) }));
};

/** 推荐: match suggestions made in the month (`createdAt`) with a member of the group on either side. */
const suggestionsMade: Source = async ({ db, bounds, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const suggestion = (field: string) => q.column('s', 'matchSuggestions', field);
  const [start, end] = [bounds.start, bounds.end].map((instant) => q.moment('matchSuggestions', 'createdAt', instant));
  const matchmaker = q.column('m', 'members', 'matchmakerId');
  const sides = eitherSide(
    ['memberId', 'candidateId'],
    (side) =>
      `SELECT ${suggestion('id')} AS suggestion, ${scope.key(matchmaker)} AS matchmaker
       FROM ${q.table('matchSuggestions', 's')} JOIN ${q.table('members', 'm')}
         ON ${q.column('m', 'members', 'id')} = ${suggestion(side)}
       WHERE ${suggestion('createdAt')} >= ${start} AND ${suggestion('createdAt')} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT ${scope.key('u.matchmaker')} AS matchmaker, COUNT(DISTINCT u.suggestion) AS n FROM ${sides} u
     ${scope.groupBy('u.matchmaker')}`,
  );
  return byGroup(rows, (row) => ({ suggestionsMade: Number(row.n) }));
};

/** 发起牵线: introductions created in the month with a member of the group on either side. */
const introductionsStarted: Source = async ({ db, bounds, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const createdAt = q.column('i', 'introductions', 'createdAt');
  const [start, end] = [bounds.start, bounds.end].map((instant) => q.moment('introductions', 'createdAt', instant));
  const sides = eitherSide(
    ['memberAId', 'memberBId'],
    (side) =>
      `SELECT ${q.column('i', 'introductions', 'id')} AS introduction,
              ${scope.key(q.column('m', 'members', 'matchmakerId'))} AS matchmaker
       FROM ${q.table('introductions', 'i')} JOIN ${q.table('members', 'm')}
         ON ${q.column('m', 'members', 'id')} = ${q.column('i', 'introductions', side)}
       WHERE ${createdAt} >= ${start} AND ${createdAt} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT ${scope.key('s.matchmaker')} AS matchmaker, COUNT(DISTINCT s.introduction) AS n FROM ${sides} s
     ${scope.groupBy('s.matchmaker')}`,
  );
  return byGroup(rows, (row) => ({ introductionsStarted: Number(row.n) }));
};

/** 双方同意 / 交往中 / 确定关系 / 结婚: introductions of the group's members that reached the stage in the month. */
const stagesReached: Source = async ({ db, bounds, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const change = (field: string) => q.column('c', 'introductionStageChanges', field);
  const [start, end] = [bounds.start, bounds.end].map((instant) =>
    q.moment('introductionStageChanges', 'changedAt', instant),
  );
  const [stageEvent, stages] = [q.bind('stage'), q.bindAll(Object.keys(STAGE_FIGURES))];
  const sides = eitherSide(
    ['memberAId', 'memberBId'],
    (side) =>
      `SELECT ${change('introductionId')} AS introduction, ${change('toStage')} AS stage,
              ${scope.key(q.column('m', 'members', 'matchmakerId'))} AS matchmaker
       FROM ${q.table('introductionStageChanges', 'c')}
         JOIN ${q.table('introductions', 'i')} ON ${q.column('i', 'introductions', 'id')} = ${change('introductionId')}
         JOIN ${q.table('members', 'm')} ON ${q.column('m', 'members', 'id')} = ${q.column('i', 'introductions', side)}
       WHERE ${change('event')} = ${stageEvent} AND ${change('toStage')} IN (${stages})
         AND ${change('changedAt')} >= ${start} AND ${change('changedAt')} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT ${scope.key('s.matchmaker')} AS matchmaker, s.stage AS stage, COUNT(DISTINCT s.introduction) AS n
     FROM ${sides} s ${scope.groupBy('s.matchmaker', 's.stage')}`,
  );
  const found: Found = new Map();
  for (const row of rows) {
    if (row.matchmaker == null || !STAGE_FIGURES[row.stage]) continue;
    const key = Number(row.matchmaker);
    found.set(key, { ...found.get(key), [STAGE_FIGURES[row.stage]]: Number(row.n) });
  }
  return found;
};

/** 约会: dates 已完成 that started in the month with a member of the group on either side. */
const datesHeld: Source = async ({ db, bounds, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const date = (field: string) => q.column('d', 'dates', field);
  const [start, end] = [bounds.start, bounds.end].map((instant) => q.moment('dates', 'startsAt', instant));
  const completed = q.bind('completed');
  const sides = eitherSide(
    ['memberAId', 'memberBId'],
    (side) =>
      `SELECT ${date('id')} AS date, ${scope.key(q.column('m', 'members', 'matchmakerId'))} AS matchmaker
       FROM ${q.table('dates', 'd')} JOIN ${q.table('members', 'm')} ON ${q.column('m', 'members', 'id')} = ${date(side)}
       WHERE ${date('status')} = ${completed} AND ${date('startsAt')} >= ${start} AND ${date('startsAt')} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT ${scope.key('s.matchmaker')} AS matchmaker, COUNT(DISTINCT s.date) AS n FROM ${sides} s
     ${scope.groupBy('s.matchmaker')}`,
  );
  return byGroup(rows, (row) => ({ datesHeld: Number(row.n) }));
};

/** 约会满意度: the satisfaction the group's members gave for their dates that started in the month. */
const satisfaction: Source = async ({ db, bounds, scope, transaction }) => {
  const q = new GroupedQuery(db, transaction);
  const feedback = (field: string) => q.column('f', 'dateFeedback', field);
  const startsAt = q.column('d', 'dates', 'startsAt');
  const matchmaker = q.column('m', 'members', 'matchmakerId');
  const rows = await q.rows(
    `SELECT ${scope.key(matchmaker)} AS matchmaker, SUM(${feedback('satisfaction')}) AS total, COUNT(*) AS n
     FROM ${q.table('dateFeedback', 'f')}
       JOIN ${q.table('dates', 'd')} ON ${q.column('d', 'dates', 'id')} = ${feedback('dateId')}
       JOIN ${q.table('members', 'm')} ON ${q.column('m', 'members', 'id')} = ${feedback('memberId')}
     WHERE ${feedback('satisfaction')} IS NOT NULL
       AND ${startsAt} >= ${q.moment('dates', 'startsAt', bounds.start)} AND ${startsAt} < ${q.moment('dates', 'startsAt', bounds.end)}
     ${scope.groupBy(matchmaker)}`,
  );
  return byGroup(rows, (row) => ({ satisfactionCount: Number(row.n), satisfactionSum: Number(row.total ?? 0) }));
};

/**
 * 投诉 / 超时答复: complaints and suggestions about the group's members (plugin-contracts' `complaints`; none when that
 * plugin is not installed). Received: `receivedAt` in the month. Answered late: the answer was due on a day of the month
 * that is over (`dueOn`, an agency day, 3 working days after receipt: GB/T 23861), and `answeredAt` is empty or not
 * before the agency midnight that ends that day.
 */
const complaints: Source = async ({ db, bounds, month, timeZone, now, scope, transaction }) => {
  if (!db.getCollection('complaints')) return new Map();
  const q = new GroupedQuery(db, transaction);
  const complaint = (field: string) => q.column('c', 'complaints', field);
  const [dueOn, answeredAt, receivedAt] = [complaint('dueOn'), complaint('answeredAt'), complaint('receivedAt')];
  const [start, end] = [bounds.start, bounds.end].map((instant) => q.moment('complaints', 'receivedAt', instant));
  const received = `(${receivedAt} >= ${start} AND ${receivedAt} < ${end})`;
  const endedDays = dayEnds(month, timeZone)
    .map((dayEnd, i) => ({ dayEnd, day: addDays(bounds.firstDay, i) }))
    .filter(({ dayEnd }) => dayEnd.getTime() <= now.getTime());
  const late = endedDays.length
    ? `(${endedDays
        .map(
          ({ day, dayEnd }) =>
            `(${dueOn} = ${q.bind(day)} AND (${answeredAt} IS NULL OR ${answeredAt} >= ${q.moment('complaints', 'answeredAt', dayEnd)}))`,
        )
        .join(' OR ')})`
    : '1 = 0';
  const matchmaker = q.column('m', 'members', 'matchmakerId');
  const rows = await q.rows(
    `SELECT ${scope.key(matchmaker)} AS matchmaker, SUM(CASE WHEN ${received} THEN 1 ELSE 0 END) AS received,
            SUM(CASE WHEN ${late} THEN 1 ELSE 0 END) AS late
     FROM ${q.table('complaints', 'c')} JOIN ${q.table('members', 'm')} ON ${q.column('m', 'members', 'id')} = ${complaint('memberId')}
     WHERE ${received} OR (${dueOn} >= ${q.bind(bounds.firstDay)} AND ${dueOn} <= ${q.bind(bounds.lastDay)})
     ${scope.groupBy(matchmaker)}`,
  );
  return byGroup(rows, (row) => ({
    complaintsReceived: Number(row.received ?? 0),
    complaintsLate: Number(row.late ?? 0),
  }));
};

/** What both records count, about members (each matchmaker's, or the whole agency's). */
export const MEMBER_SOURCES: Source[] = [
  newMembers,
  churned,
  inService,
  suggestionsMade,
  introductionsStarted,
  stagesReached,
  datesHeld,
  satisfaction,
  complaints,
];

/** What only a matchmaker's record counts: the reminders sent to her. */
export const MATCHMAKER_SOURCES: Source[] = [followUps];

// Each member's figures for one agency month, for the service summaries: one grouped query per source over the month's
// records (never one per member: their cost follows the month's activity, not the archive's size), grouped by member.
// A pair (suggestion, introduction, date) counts once for each of its two members.
import { Op } from '@nocobase/database';
import { monthBounds } from '../kpis/months';
import { GroupedQuery } from '../kpis/sql';

/** How one member's side of a date went, as she (or the other side) recorded it in dateFeedback. */
export interface FeedbackGiven {
  satisfaction: number | null;
  wantsToContinue: string | null;
  comment: string | null;
}

/** A date she held in the month, with the other member's name and each side's feedback (absent when not given). */
export interface DateHeld {
  startsAt: Date;
  otherName: string;
  theirs?: FeedbackGiven;
  hers?: FeedbackGiven;
}

export interface MemberFigures {
  suggestionsMade: number;
  introductionsStarted: number;
  /** Her introductions that reached each stage in the month, by stored stage value. */
  stagesReached: Map<string, number>;
  datesHeld: number;
  dates: DateHeld[];
  followUpsDone: number;
}

export const noFigures = (): MemberFigures => ({
  suggestionsMade: 0,
  introductionsStarted: 0,
  stagesReached: new Map(),
  datesHeld: 0,
  dates: [],
  followUpsDone: 0,
});

type Bounds = ReturnType<typeof monthBounds>;

/** `SELECT id, side` for each of the pair's two sides as one set, of the rows of `collection` matching `where`. */
const bothSides = (q: GroupedQuery, collection: string, sides: [string, string], where: string, alias = 't') =>
  sides
    .map(
      (side) =>
        `SELECT ${q.column(alias, collection, 'id')} AS record, ${q.column(alias, collection, side)} AS member
         FROM ${q.table(collection, alias)} WHERE ${where}`,
    )
    .join(' UNION ');

/** `field` of `collection` (aliased t) within the month: bound as the column stores moments. */
const inMonth = (q: GroupedQuery, collection: string, field: string, bounds: Bounds) =>
  `${q.column('t', collection, field)} >= ${q.moment(collection, field, bounds.start)}
   AND ${q.column('t', collection, field)} < ${q.moment(collection, field, bounds.end)}`;

/** Pairs of `collection` (suggestions, introductions, dates) per member, among the rows matching `where`. */
async function pairsPerMember(
  db: any,
  collection: string,
  sides: [string, string],
  where: (q: GroupedQuery) => string,
) {
  const q = new GroupedQuery(db);
  const rows = await q.rows(
    `SELECT u.member AS member, COUNT(DISTINCT u.record) AS n FROM (${bothSides(q, collection, sides, where(q))}) u
     WHERE u.member IS NOT NULL GROUP BY u.member`,
  );
  return new Map(rows.map((row) => [Number(row.member), Number(row.n)]));
}

/** The stages her introductions reached in the month (history rows of event 阶段变更), per member and stage. */
async function stagesPerMember(db: any, bounds: Bounds) {
  const q = new GroupedQuery(db);
  const change = (field: string) => q.column('c', 'introductionStageChanges', field);
  const [start, end] = [bounds.start, bounds.end].map((instant) =>
    q.moment('introductionStageChanges', 'changedAt', instant),
  );
  const stageEvent = q.bind('stage');
  const sides = ['memberAId', 'memberBId'].map(
    (side) =>
      `SELECT ${change('introductionId')} AS introduction, ${change('toStage')} AS stage,
              ${q.column('i', 'introductions', side)} AS member
       FROM ${q.table('introductionStageChanges', 'c')}
         JOIN ${q.table('introductions', 'i')} ON ${q.column('i', 'introductions', 'id')} = ${change('introductionId')}
       WHERE ${change('event')} = ${stageEvent} AND ${change('changedAt')} >= ${start} AND ${change('changedAt')} < ${end}`,
  );
  const rows = await q.rows(
    `SELECT s.member AS member, s.stage AS stage, COUNT(DISTINCT s.introduction) AS n FROM (${sides.join(' UNION ')}) s
     WHERE s.member IS NOT NULL AND s.stage IS NOT NULL GROUP BY s.member, s.stage`,
  );
  const found = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const member = Number(row.member);
    if (!found.has(member)) found.set(member, new Map());
    found.get(member)!.set(String(row.stage), Number(row.n));
  }
  return found;
}

/** Follow-ups recorded for each member, that took place in the month. */
async function followUpsPerMember(db: any, bounds: Bounds) {
  const q = new GroupedQuery(db);
  const member = q.column('t', 'followUps', 'memberId');
  const rows = await q.rows(
    `SELECT ${member} AS member, COUNT(*) AS n FROM ${q.table('followUps', 't')}
     WHERE ${member} IS NOT NULL AND ${inMonth(q, 'followUps', 'occurredAt', bounds)} GROUP BY ${member}`,
  );
  return new Map(rows.map((row) => [Number(row.member), Number(row.n)]));
}

/** Reads `ids` in slices (an IN list stays well under every database's limit of bound values). */
async function inSlices<T>(ids: number[], read: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let at = 0; at < ids.length; at += 1000) rows.push(...(await read(ids.slice(at, at + 1000))));
  return rows;
}

/** The dates 已完成 that started in the month, each listed under both its members with the other's name and feedback. */
async function datesPerMember(db: any, bounds: Bounds) {
  const dates: any[] = await db.getModel('dates').findAll({
    where: { status: 'completed', startsAt: { [Op.gte]: bounds.start, [Op.lt]: bounds.end } },
    attributes: ['id', 'startsAt', 'memberAId', 'memberBId'],
    order: [
      ['startsAt', 'ASC'],
      ['id', 'ASC'],
    ],
    raw: true,
  });
  const feedback: any[] = await inSlices(
    dates.map((date) => date.id),
    (dateId) =>
      db.getModel('dateFeedback').findAll({
        where: { dateId },
        attributes: ['dateId', 'memberId', 'satisfaction', 'wantsToContinue', 'comment'],
        raw: true,
      }),
  );
  const memberIds = [...new Set(dates.flatMap((date) => [date.memberAId, date.memberBId]).filter((id) => id != null))];
  const names = new Map<number, string>(
    (
      await inSlices(memberIds, (id) =>
        db.getModel('members').findAll({ where: { id }, attributes: ['id', 'name'], raw: true }),
      )
    ).map((member: any) => [Number(member.id), member.name ?? '']),
  );
  const given = new Map(feedback.map((row) => [`${row.dateId}:${row.memberId}`, row]));
  const asGiven = (row: any): FeedbackGiven | undefined =>
    row && {
      satisfaction: row.satisfaction == null ? null : Number(row.satisfaction),
      wantsToContinue: row.wantsToContinue ?? null,
      comment: row.comment ?? null,
    };
  const found = new Map<number, DateHeld[]>();
  for (const date of dates) {
    for (const [self, other] of [
      [date.memberAId, date.memberBId],
      [date.memberBId, date.memberAId],
    ]) {
      if (self == null) continue;
      const held: DateHeld = {
        startsAt: new Date(date.startsAt),
        otherName: names.get(Number(other)) ?? '',
        theirs: asGiven(given.get(`${date.id}:${other}`)),
        hers: asGiven(given.get(`${date.id}:${self}`)),
      };
      found.set(Number(self), [...(found.get(Number(self)) || []), held]);
    }
  }
  return found;
}

/**
 * Every member's figures of `month` that has any (a member absent from the answer has none: `noFigures()`), by member id:
 * suggestions made with her on either side (created in the month), introductions started, the stages her introductions
 * reached, dates 已完成 that started in the month with both sides' feedback, and the follow-ups that took place.
 */
export async function memberFigures(db: any, month: string, timeZone: string): Promise<Map<number, MemberFigures>> {
  const bounds = monthBounds(month, timeZone);
  const [suggestions, introductions, stages, dates, followUps] = [
    await pairsPerMember(db, 'matchSuggestions', ['memberId', 'candidateId'], (q) =>
      inMonth(q, 'matchSuggestions', 'createdAt', bounds),
    ),
    await pairsPerMember(db, 'introductions', ['memberAId', 'memberBId'], (q) =>
      inMonth(q, 'introductions', 'createdAt', bounds),
    ),
    await stagesPerMember(db, bounds),
    await datesPerMember(db, bounds),
    await followUpsPerMember(db, bounds),
  ];
  const figures = new Map<number, MemberFigures>();
  const of = (member: number) => {
    if (!figures.has(member)) figures.set(member, noFigures());
    return figures.get(member)!;
  };
  for (const [member, n] of suggestions) of(member).suggestionsMade = n;
  for (const [member, n] of introductions) of(member).introductionsStarted = n;
  for (const [member, reached] of stages) of(member).stagesReached = reached;
  for (const [member, held] of dates) Object.assign(of(member), { dates: held, datesHeld: held.length });
  for (const [member, n] of followUps) of(member).followUpsDone = n;
  return figures;
}

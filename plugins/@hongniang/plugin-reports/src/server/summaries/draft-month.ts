// Drafting a month's service summaries (serviceSummaries): one per member in service that month, with her figures. A
// draft drafted again gets today's figures and matchmaker; its plan and status, and every part of a summary already
// sent, are never touched. Safe to run again, in any order, and from two processes (one summary per member and month).
import { Op } from '@nocobase/database';
import { SERVED_STATUSES } from '@hongniang/plugin-follow-ups';
import { monthBounds } from '../kpis/months';
import { reportsLanguage } from '../language/reports-language';
import { MemberFigures, memberFigures, noFigures } from './member-figures';
import { feedbackText, stagesText } from './summary-texts';

/** The columns drafting writes, besides the member and month that name a summary. */
export const DRAFTED_FIELDS = [
  'matchmakerId',
  'suggestionsMade',
  'introductionsStarted',
  'introductionStages',
  'datesHeld',
  'feedback',
  'followUpsDone',
] as const;

/** Rows written per statement. */
const SLICE = 500;

/**
 * The members in service in `month` (id → her matchmaker's id): joined by its last day (or without a join date), and
 * either in a served status now (新入会, 服务中) or with a status that changed during the month (she left service then:
 * 已脱单, 暂停, 流失…). Statuses are not kept historically; docs/reports.md says what this misses.
 */
async function membersInService(db: any, month: string, timeZone: string): Promise<Map<number, number | null>> {
  const { lastDay, start, end } = monthBounds(month, timeZone);
  const rows: any[] = await db.getModel('members').findAll({
    where: {
      [Op.and]: [
        { [Op.or]: [{ joinDate: null }, { joinDate: { [Op.lte]: lastDay } }] },
        { [Op.or]: [{ status: SERVED_STATUSES }, { statusChangedAt: { [Op.gte]: start, [Op.lt]: end } }] },
      ],
    },
    attributes: ['id', 'matchmakerId'],
    raw: true,
  });
  return new Map(rows.map((row) => [Number(row.id), row.matchmakerId == null ? null : Number(row.matchmakerId)]));
}

/** The matchmakers of these members now (for drafts of members no longer in service). */
async function matchmakersOf(db: any, memberIds: number[]): Promise<Map<number, number | null>> {
  const found = new Map<number, number | null>();
  for (let at = 0; at < memberIds.length; at += 1000) {
    const rows: any[] = await db
      .getModel('members')
      .findAll({ where: { id: memberIds.slice(at, at + 1000) }, attributes: ['id', 'matchmakerId'], raw: true });
    for (const row of rows) found.set(Number(row.id), row.matchmakerId == null ? null : Number(row.matchmakerId));
  }
  return found;
}

/** A summary's drafted values from her figures, its texts in the agency's language (zh-CN). */
function draftedValues(db: any, figures: MemberFigures, matchmakerId: number | null, timeZone: string) {
  const language = reportsLanguage(undefined);
  return {
    matchmakerId,
    suggestionsMade: figures.suggestionsMade,
    introductionsStarted: figures.introductionsStarted,
    introductionStages: stagesText(db, figures.stagesReached, language),
    datesHeld: figures.datesHeld,
    feedback: feedbackText(db, figures.dates, timeZone, language),
    followUpsDone: figures.followUpsDone,
  };
}

const same = (a: unknown, b: unknown) => (a == null ? b == null : b != null && String(a) === String(b));

export interface Drafted {
  /** Summaries created. */
  created: number;
  /** Drafts whose figures or matchmaker changed. */
  refreshed: number;
}

/**
 * Drafts `month`'s summaries: creates one for each member in service that has none, and refreshes the drafted values
 * of each draft (whether or not she is still in service). Sent summaries are left as they are.
 */
export async function draftMonth(db: any, month: string, timeZone: string, now = new Date()): Promise<Drafted> {
  const Summaries = db.getModel('serviceSummaries');
  const inService = await membersInService(db, month, timeZone);
  const existing: any[] = await Summaries.findAll({
    where: { month },
    attributes: ['id', 'memberId', 'status', ...DRAFTED_FIELDS],
    raw: true,
  });
  const summarized = new Set(existing.map((summary) => Number(summary.memberId)));
  const drafts = existing.filter((summary) => summary.status === 'draft');
  const matchmakers = new Map([
    ...(await matchmakersOf(
      db,
      drafts.map((draft) => Number(draft.memberId)).filter((id) => !inService.has(id)),
    )),
    ...inService,
  ]);
  const figures = await memberFigures(db, month, timeZone);
  const valuesOf = (memberId: number) =>
    draftedValues(db, figures.get(memberId) ?? noFigures(), matchmakers.get(memberId) ?? null, timeZone);

  const fresh = [...inService.keys()].filter((memberId) => !summarized.has(memberId));
  for (let at = 0; at < fresh.length; at += SLICE) {
    // ignoreDuplicates: another process drafting the same month at once keeps its row (unique member and month).
    await Summaries.bulkCreate(
      fresh
        .slice(at, at + SLICE)
        .map((memberId) => ({ memberId, month, status: 'draft', draftedAt: now, ...valuesOf(memberId) })),
      { hooks: false, ignoreDuplicates: true },
    );
  }

  let refreshed = 0;
  for (const draft of drafts) {
    const values = valuesOf(Number(draft.memberId));
    if (DRAFTED_FIELDS.every((field) => same(draft[field], values[field]))) continue;
    // Only while still a draft: one marked sent since it was read keeps what was sent.
    const [changed] = await Summaries.update(
      { ...values, draftedAt: now },
      { where: { id: draft.id, status: 'draft' }, hooks: false },
    );
    refreshed += changed;
  }
  return { created: fresh.length, refreshed };
}

// One agency month's figures: every matchmaker's (matchmakerMonths) and the agency's (agencyMonths), from the same
// grouped queries (./sources.ts) run per matchmaker or agency-wide. What each figure counts is documented in
// docs/reports.md.
import { dayOf } from '@hongniang/plugin-follow-ups';
import { monthBounds } from './months';
import { AGENCY, AGENCY_WIDE, BY_MATCHMAKER, Scope } from './scope';
import { Counts, Found, MATCHMAKER_SOURCES, MEMBER_SOURCES, Source, SourceContext } from './sources';

export { FOLLOW_UP_KINDS } from './sources';

/** The counts a month record shows as they are (the satisfaction sum only feeds the average). */
type ShownCounts = Omit<Counts, 'satisfactionSum'>;

/**
 * A matchmaker's figures of one month (matchmakerMonths' computed columns): the counts (membersInService and
 * noContactMembers are snapshots when computed), with the on-time rate and the average satisfaction.
 */
export interface MonthFigures extends ShownCounts {
  /** Percent of the reminders due that were handled on time, one decimal; null when none was due. */
  onTimeRate: number | null;
  /** Two decimals (1–5 scale); null without feedback. */
  satisfactionAverage: number | null;
}

/** The agency's figures of one month (agencyMonths' computed columns): every member's, whatever her matchmaker. */
export interface AgencyFigures extends Omit<ShownCounts, 'followUpsDue' | 'followUpsOnTime'> {
  satisfactionAverage: number | null;
  /** Conversions between the month's flow counts, in percent with one decimal; null when the base is 0. */
  introductionRate: number | null;
  agreementRate: number | null;
  dateRate: number | null;
  datingRate: number | null;
  relationshipRate: number | null;
  marriageRate: number | null;
}

export interface ComputeOptions {
  /** The moment of computing: a live month's snapshots are taken on its agency day (else on the month's last day). */
  now?: Date;
  transaction?: any;
}

const noCounts = (): Counts => ({
  newMembers: 0,
  churned: 0,
  membersInService: 0,
  noContactMembers: 0,
  followUpsDue: 0,
  followUpsOnTime: 0,
  suggestionsMade: 0,
  introductionsStarted: 0,
  bothAgreed: 0,
  dating: 0,
  relationships: 0,
  marriages: 0,
  datesHeld: 0,
  satisfactionCount: 0,
  satisfactionSum: 0,
  complaintsReceived: 0,
  complaintsLate: 0,
});

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** `part` of `base` in percent, one decimal; null when the base is 0. */
const percent = (part: number, base: number) => (base ? round((100 * part) / base, 1) : null);

/** Runs `sources` for `scope` and merges their counts by group key. */
async function countMonth(
  db: any,
  month: string,
  timeZone: string,
  scope: Scope,
  sources: Source[],
  { now = new Date(), transaction }: ComputeOptions,
): Promise<Found> {
  const bounds = monthBounds(month, timeZone);
  const today = dayOf(now, timeZone);
  const context: SourceContext = {
    db,
    month,
    timeZone,
    bounds,
    asOfDay: today < bounds.lastDay ? today : bounds.lastDay,
    scope,
    now,
    transaction,
  };
  const found: Found = new Map();
  for (const source of sources)
    for (const [key, counts] of await source(context)) found.set(key, { ...found.get(key), ...counts });
  return found;
}

/** The average satisfaction, two decimals; null without feedback. */
const averageOf = (sum: number, count: number) => (count ? round(sum / count, 2) : null);

/**
 * The month's figures of each matchmaker in `matchmakerIds` (every one of them, zeros included), in the agency's
 * `timeZone`. Figures of members whose matchmaker is not listed (no 红娘 role) are in no matchmaker's record.
 */
export async function computeMonth(
  db: any,
  month: string,
  timeZone: string,
  matchmakerIds: number[],
  options: ComputeOptions = {},
): Promise<Map<number, MonthFigures>> {
  const found = await countMonth(
    db,
    month,
    timeZone,
    BY_MATCHMAKER,
    [...MEMBER_SOURCES, ...MATCHMAKER_SOURCES],
    options,
  );
  const result = new Map<number, MonthFigures>();
  for (const id of matchmakerIds) {
    const { satisfactionSum, ...counts } = { ...noCounts(), ...found.get(id) };
    result.set(id, {
      ...counts,
      onTimeRate: percent(counts.followUpsOnTime, counts.followUpsDue),
      satisfactionAverage: averageOf(satisfactionSum, counts.satisfactionCount),
    });
  }
  return result;
}

/** The month's figures of the whole agency (every member), with the conversions between its flow counts. */
export async function computeAgencyMonth(
  db: any,
  month: string,
  timeZone: string,
  options: ComputeOptions = {},
): Promise<AgencyFigures> {
  const counts = {
    ...noCounts(),
    ...(await countMonth(db, month, timeZone, AGENCY_WIDE, MEMBER_SOURCES, options)).get(AGENCY),
  };
  return {
    newMembers: counts.newMembers,
    churned: counts.churned,
    membersInService: counts.membersInService,
    noContactMembers: counts.noContactMembers,
    suggestionsMade: counts.suggestionsMade,
    introductionsStarted: counts.introductionsStarted,
    bothAgreed: counts.bothAgreed,
    datesHeld: counts.datesHeld,
    dating: counts.dating,
    relationships: counts.relationships,
    marriages: counts.marriages,
    satisfactionAverage: averageOf(counts.satisfactionSum, counts.satisfactionCount),
    satisfactionCount: counts.satisfactionCount,
    complaintsReceived: counts.complaintsReceived,
    complaintsLate: counts.complaintsLate,
    introductionRate: percent(counts.introductionsStarted, counts.suggestionsMade),
    agreementRate: percent(counts.bothAgreed, counts.introductionsStarted),
    dateRate: percent(counts.datesHeld, counts.bothAgreed),
    datingRate: percent(counts.dating, counts.datesHeld),
    relationshipRate: percent(counts.relationships, counts.dating),
    marriageRate: percent(counts.marriages, counts.relationships),
  };
}

// A small agency with last month's service summaries drafted, for the suites about who reads, writes, sends, prints and
// exports them: 李静's member 林小雨 and 王芳's member 周明, a suggestion of them in last month (M2), its months closed.
import { MockServer } from '@nocobase/test';
import { signInAsRoot, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';
import { AGENCY_ZONE, agencyTime, agencyToday } from '@test/support/reminder-clock';
import { addMonths } from '../kpis/months';

export const M2 = addMonths(agencyToday().slice(0, 7), -1);

export type Staff = 'manager' | 'lijing' | 'wangfang' | 'intake';

export interface SummaryAgency {
  as: Record<Staff, any>;
  users: Record<Staff, number>;
  root: any;
  members: { hers: number; theirs: number };
  /** Last month's summaries: 李静's member's and 王芳's member's ids. */
  summaries: { hers: number; theirs: number };
}

export const keeperOf = (app: MockServer) => (app.pm.get('@hongniang/plugin-reports') as any).keeper;

/** Builds the agency on a booted app and drafts last month's summaries (the closing pass). */
export async function summaryAgency(
  app: MockServer,
  names = { hers: '林小雨', theirs: '周明' },
): Promise<SummaryAgency> {
  await keeperOf(app).idle();
  const { as, users } = await signInStaff(app);
  const root = await signInAsRoot(app);
  await app.db.getRepository('reminderSettings').update({ filterByTk: 1, values: { timeZone: AGENCY_ZONE } });
  const hers = await addMember(app, { ...SUITED.her, name: names.hers, matchmakerId: users.lijing });
  const theirs = await addMember(app, { ...SUITED.him, name: names.theirs, matchmakerId: users.wangfang });
  const made = await app.db
    .getModel('matchSuggestions')
    .create({ memberId: hers, candidateId: theirs, pairKey: `${hers}:${theirs}`, score: 80 }, { hooks: false });
  await app.db
    .getModel('matchSuggestions')
    .update({ createdAt: agencyTime(`${M2}-05`, 10) }, { where: { id: made.get('id') }, hooks: false, silent: true });
  await keeperOf(app).closePastMonths();
  const idOf = async (memberId: number) =>
    (await app.db.getRepository('serviceSummaries').findOne({ filter: { memberId, month: M2 } })).get('id') as number;
  return {
    as,
    users,
    root,
    members: { hers, theirs },
    summaries: { hers: await idOf(hers), theirs: await idOf(theirs) },
  };
}

/** The stored summary, as a plain record. */
export const storedSummary = async (app: MockServer, id: number) =>
  (await app.db.getRepository('serviceSummaries').findOne({ filterByTk: id })).toJSON();

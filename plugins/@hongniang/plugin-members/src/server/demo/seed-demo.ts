// The member archive's part of the demo agency (plugin-core's extendDemoAgency): members with partner preferences and
// cities, assigned among the demo matchmakers.
import { DemoSettings } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';
import { DEMO_REFERENCE_DATE, DemoMember, demoMember } from './demo-members';
import { Random } from './random';

/** Rows per transaction. */
const CHUNK = 1000;

/**
 * Adds `settings.members` demo members (with partner preferences and cities) to the archive, in chunks of 1000 rows, each
 * chunk in one transaction, assigned in turn to the staff whose role is matchmaker. Bulk inserts skip the per-record save
 * hooks, so the generator supplies what they would derive (age, age group). Answers "N members".
 */
export async function seedDemoMembers(app: Application, settings: DemoSettings) {
  const { members: total, seed, onProgress } = settings;
  const matchmakerIds = settings.staff.filter((person) => person.role === 'matchmaker').map((person) => person.id);
  const start = await app.db.getRepository('members').count();
  const random = new Random(seed);
  for (let done = 0; done < total; done += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, total - done) }, (_, i) =>
      demoMember(random, start + done + i, matchmakerIds),
    );
    await insertBatch(app, batch);
    onProgress?.('members', done + batch.length, total);
  }
  return `${total} members`;
}

async function insertBatch(app: Application, batch: DemoMember[]) {
  const db = app.db;
  await db.sequelize.transaction(async (transaction) => {
    await db.getModel('members').bulkCreate(
      batch.map((member) => member.values),
      { transaction },
    );
    const memberIds = await idsBy(
      app,
      'members',
      'phone',
      batch.map((member) => member.values.phone),
      transaction,
    );
    const ids = batch.map((member) => memberIds.get(member.values.phone));
    await backdateStatusChanges(app, batch, ids, transaction);
    await db.getModel('partnerPreferences').bulkCreate(
      batch.map((member, i) => ({ ...member.preferences, memberId: ids[i] })),
      { transaction },
    );
    const preferenceIds = await idsBy(app, 'partnerPreferences', 'memberId', ids, transaction);
    const through = (collection: string, field: string) => db.getModel(collection).associations[field]['through'].model;
    const links = (codesOf: (member: DemoMember) => string[], owner: (i: number) => Record<string, any>) =>
      batch.flatMap((member, i) => codesOf(member).map((regionCode) => ({ ...owner(i), regionCode })));
    await through('members', 'currentCity').bulkCreate(
      links(
        (m) => m.currentCity,
        (i) => ({ memberId: ids[i] }),
      ),
      { transaction },
    );
    await through('members', 'hometown').bulkCreate(
      links(
        (m) => m.hometown,
        (i) => ({ memberId: ids[i] }),
      ),
      { transaction },
    );
    await through('partnerPreferences', 'preferredRegions').bulkCreate(
      links(
        (m) => m.currentCity,
        (i) => ({ partnerPreferencesId: preferenceIds.get(ids[i]) }),
      ),
      { transaction },
    );
  });
}

/**
 * The save stamped every demo member's 状态变更时间 with today. A real archive's statuses were set over time: a new member's
 * when she joined, any other's halfway between her joining and the demo's reference date (so a member who left counts
 * as churn in some past month of 经营概览, not all of them this month). One update per day, without hooks.
 */
async function backdateStatusChanges(
  app: Application,
  batch: DemoMember[],
  ids: (number | undefined)[],
  transaction: any,
) {
  const byDay = new Map<string, number[]>();
  batch.forEach((member, i) => {
    const joined = new Date(`${member.values.joinDate}T00:00:00Z`).getTime();
    const at = member.values.status === 'new' ? joined : joined + (DEMO_REFERENCE_DATE.getTime() - joined) / 2;
    const day = new Date(at).toISOString().slice(0, 10);
    if (ids[i] != null) byDay.set(day, [...(byDay.get(day) || []), ids[i] as number]);
  });
  for (const [day, memberIds] of byDay)
    await app.db
      .getModel('members')
      .update(
        { statusChangedAt: new Date(`${day}T02:00:00Z`) },
        { where: { id: memberIds }, hooks: false, transaction },
      );
}

/** Maps a unique column's values to the ids of the rows just inserted (bulk inserts do not return ids on every dialect). */
async function idsBy(app: Application, collection: string, column: string, values: unknown[], transaction: any) {
  const rows = await app.db
    .getModel(collection)
    .findAll({ where: { [column]: values }, attributes: ['id', column], transaction, raw: true });
  return new Map<any, number>(rows.map((row: any) => [row[column], row.id]));
}

// The member archive's part of the demo agency (plugin-core's extendDemoAgency): members with partner preferences and
// cities, assigned among the demo matchmakers.
import { DemoSettings } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';
import { DemoMember, demoMember } from './demo-members';
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

/** Maps a unique column's values to the ids of the rows just inserted (bulk inserts do not return ids on every dialect). */
async function idsBy(app: Application, collection: string, column: string, values: unknown[], transaction: any) {
  const rows = await app.db
    .getModel(collection)
    .findAll({ where: { [column]: values }, attributes: ['id', column], transaction, raw: true });
  return new Map<any, number>(rows.map((row: any) => [row[column], row.id]));
}

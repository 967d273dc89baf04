import { Application } from '@nocobase/server';
import { DemoMember, demoMember } from './demo-members';
import demoStaff from './demo-staff.json';
import { Random } from './random';

/** The demo agency's staff (主管, 红娘, 前台), also printed by `npm start`; their password comes from HONGNIANG_DEMO_PASSWORD. */
export const DEMO_STAFF: { username: string; nickname: string; email: string; role: string }[] = demoStaff;

/** The matchmakers (红娘) among them, to whom the demo members are assigned. */
export const DEMO_MATCHMAKERS = DEMO_STAFF.filter((person) => person.role === 'matchmaker').map(({ role, ...account }) => account);

export const demoPassword = () => process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';

export interface SeedOptions {
  members: number;
  seed?: number;
  /** Rows per transaction. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export class SeedError extends Error {}

/** The matchmaker accounts, created if missing. */
async function ensureMatchmakers(app: Application): Promise<number[]> {
  const users = app.db.getRepository('users');
  const ids: number[] = [];
  for (const matchmaker of DEMO_MATCHMAKERS) {
    const existing = await users.findOne({ filter: { username: matchmaker.username } });
    const user = existing || (await users.create({ values: { ...matchmaker, password: demoPassword() } }));
    ids.push(user.get('id') as number);
  }
  return ids;
}

/**
 * Adds `members` demo members (with partner preferences and cities) to the archive, in chunks, each chunk in one transaction.
 * Bulk inserts skip the per-record save hooks, so the generator supplies what they would derive (age, age group).
 */
export async function seedDemoAgency(app: Application, options: SeedOptions) {
  const { members: total, seed = 1, chunkSize = 1000, onProgress } = options;
  if (!Number.isInteger(total) || total < 1 || total > 1_000_000) {
    throw new SeedError(`--members must be a whole number from 1 to 1000000; got ${total}`);
  }
  const matchmakerIds = await ensureMatchmakers(app);
  const start = await app.db.getRepository('members').count();
  const random = new Random(seed);
  for (let done = 0; done < total; done += chunkSize) {
    const batch = Array.from({ length: Math.min(chunkSize, total - done) }, (_, i) => demoMember(random, start + done + i, matchmakerIds));
    await insertBatch(app, batch);
    onProgress?.(done + batch.length, total);
  }
  return { members: total, matchmakers: matchmakerIds.length };
}

async function insertBatch(app: Application, batch: DemoMember[]) {
  const db = app.db;
  await db.sequelize.transaction(async (transaction) => {
    await db.getModel('members').bulkCreate(batch.map((member) => member.values), { transaction });
    const memberIds = await idsBy(app, 'members', 'phone', batch.map((member) => member.values.phone), transaction);
    const ids = batch.map((member) => memberIds.get(member.values.phone));
    await db.getModel('partnerPreferences').bulkCreate(
      batch.map((member, i) => ({ ...member.preferences, memberId: ids[i] })),
      { transaction },
    );
    const preferenceIds = await idsBy(app, 'partnerPreferences', 'memberId', ids, transaction);
    const through = (collection: string, field: string) => db.getModel(collection).associations[field]['through'].model;
    const links = (codesOf: (member: DemoMember) => string[], owner: (i: number) => Record<string, any>) =>
      batch.flatMap((member, i) => codesOf(member).map((regionCode) => ({ ...owner(i), regionCode })));
    await through('members', 'currentCity').bulkCreate(links((m) => m.currentCity, (i) => ({ memberId: ids[i] })), { transaction });
    await through('members', 'hometown').bulkCreate(links((m) => m.hometown, (i) => ({ memberId: ids[i] })), { transaction });
    await through('partnerPreferences', 'preferredRegions').bulkCreate(
      links((m) => m.currentCity, (i) => ({ partnerPreferencesId: preferenceIds.get(ids[i]) })),
      { transaction },
    );
  });
}

/** Maps a unique column's values to the ids of the rows just inserted (bulk inserts do not return ids on every dialect). */
async function idsBy(app: Application, collection: string, column: string, values: unknown[], transaction: any) {
  const rows = await app.db.getModel(collection).findAll({ where: { [column]: values }, attributes: ['id', column], transaction, raw: true });
  return new Map<any, number>(rows.map((row: any) => [row[column], row.id]));
}

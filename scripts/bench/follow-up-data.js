// The reminders benchmark's data: follow-ups written straight into a stopped app's SQLite database (bound parameters,
// one transaction per 5 000 rows), and the members' last contact and next follow-up dates set from them, as saving
// those follow-ups would. Benchmark data, not demo data: it skips the plugin's hooks to reach a million rows in minutes.
//
// The agency it draws is one that has been working its reminders (a steady state), so that the first sweep writes about
// one day's reminders, not years of them:
// - each member was called in the last 6 days (her latest follow-up) and had her in-depth interview (深度访谈) in the
//   last 58 days, except LAPSED of them (1 in 100), whose last call was 31–90 days ago and last interview 61–120 days ago;
// - her next follow-up date is in the coming 30 days, or, for DUE of them (2 in 100), in the last 3 days or today;
// - the remaining follow-ups (all but two per member) fall in the last two years, before those.
// Birthdays, memberships ending and introductions waiting come from `seed-demo` as they are.
const { open, random } = require('./sqlite-data');
const DAY = 86_400_000;
/** Share of members whose contact and interview have lapsed, and of members whose next follow-up date has come. */
const LAPSED = 0.01;
const DUE = 0.02;

/**
 * Writes `followUps` follow-ups (at least two per member: fewer is refused); answers the members, how many got a next
 * follow-up date today or before (due), and how many lapsed.
 */
async function fillFollowUps(file, { followUps, seed = 1 }) {
  const next = random(seed);
  const { db, run, all, close } = open(file);
  try {
    const members = await all('SELECT "id", "matchmakerId" FROM "members"');
    if (!members.length) throw new Error('bench:reminders: no members to follow up (seed-demo first)');
    if (followUps < 2 * members.length)
      throw new Error(`bench:reminders: --follow-ups must be at least two per member (${2 * members.length})`);
    const columns = new Set((await all('PRAGMA table_info("followUps")')).map((column) => column.name));
    for (const name of ['memberId', 'matchmakerId', 'occurredAt', 'type', 'channel', 'summary'])
      if (!columns.has(name))
        throw new Error(`bench:reminders: table followUps has no column ${name} (schema changed?)`);
    const types = ['regular', 'regular', 'regular', 'afterDate', 'birthday', 'holiday', 'renewal', 'deepInterview'];
    const channels = ['phone', 'wechat', 'inPerson', 'app', 'email'];
    const now = Date.now();
    const latest = new Map();
    // Ids as NocoBase would not give them (it makes its own): after the largest there.
    const [{ largest }] = await all('SELECT MAX("id") AS largest FROM "followUps"');
    let id = Number(largest || 0);
    const statement = db.prepare(
      'INSERT INTO "followUps" ("id","memberId","matchmakerId","occurredAt","type","channel","summary","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?)',
    );
    const insert = (values) =>
      new Promise((resolve, reject) => statement.run(values, (error) => (error ? reject(error) : resolve())));
    const daysAgo = (from, to) => new Date(now - (from + next() * (to - from)) * DAY);
    // Row i: each member's latest call, then her latest interview, then the rest anywhere in two years.
    const rowOf = (i) => {
      if (i < 2 * members.length) {
        const member = members[i % members.length];
        const lapsed = lapsedIds.has(member.id);
        if (i < members.length) return [member, lapsed ? daysAgo(31, 90) : daysAgo(0, 6), 'regular'];
        return [member, lapsed ? daysAgo(61, 120) : daysAgo(0, 58), 'deepInterview'];
      }
      const member = members[Math.floor(next() * members.length)];
      // A lapsed member's older follow-ups are older than her lapse.
      const at = lapsedIds.has(member.id) ? daysAgo(121, 730) : daysAgo(7, 730);
      return [member, at, types[Math.floor(next() * types.length)]];
    };
    const lapsedIds = new Set(members.filter(() => next() < LAPSED).map((member) => member.id));
    for (let start = 0; start < followUps; start += 5000) {
      await run('BEGIN');
      for (let i = start; i < Math.min(followUps, start + 5000); i++) {
        const [member, at, type] = rowOf(i);
        if (!latest.has(member.id) || latest.get(member.id) < at) latest.set(member.id, at);
        await insert([
          ++id,
          member.id,
          member.matchmakerId,
          at.toISOString(),
          type,
          channels[Math.floor(next() * channels.length)],
          '回访',
          at.toISOString(),
          at.toISOString(),
        ]);
      }
      await run('COMMIT');
    }
    await new Promise((resolve) => statement.finalize(resolve));
    // Each member's last contact is her latest follow-up; her next one is coming, or (DUE of them) has come.
    let due = 0;
    const update = db.prepare('UPDATE "members" SET "lastContactAt" = ?, "nextFollowUpDate" = ? WHERE "id" = ?');
    await run('BEGIN');
    for (const member of members) {
      const offset = next() < DUE ? -Math.floor(next() * 4) : 1 + Math.floor(next() * 30);
      if (offset <= 0) due++;
      const nextDate = new Date(now + offset * DAY).toISOString().slice(0, 10);
      const last = latest.get(member.id);
      await new Promise((resolve, reject) =>
        update.run([last ? last.toISOString() : null, nextDate, member.id], (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    }
    await run('COMMIT');
    await new Promise((resolve) => update.finalize(resolve));
    return { members: members.length, due, lapsed: lapsedIds.size };
  } finally {
    await close();
  }
}

module.exports = { fillFollowUps };

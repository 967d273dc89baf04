// The reminders benchmark's data: follow-ups written straight into a stopped app's SQLite database (bound parameters,
// one transaction per 5 000 rows), spread over the demo members `seed-demo` made and the last two years, and the members'
// last contact and next follow-up dates set from them, as saving those follow-ups would. Benchmark data, not demo data:
// it skips the plugin's hooks to reach a million rows in minutes.
const { open, random } = require('./sqlite-data');
const DAY = 86_400_000;

/** Writes `followUps` follow-ups; answers how many members got a next follow-up date in the past (due ones). */
async function fillFollowUps(file, { followUps, seed = 1 }) {
  const next = random(seed);
  const { db, run, all, close } = open(file);
  try {
    const members = await all('SELECT "id", "matchmakerId" FROM "members"');
    if (!members.length) throw new Error('bench:reminders: no members to follow up (seed-demo first)');
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
    for (let start = 0; start < followUps; start += 5000) {
      await run('BEGIN');
      for (let i = start; i < Math.min(followUps, start + 5000); i++) {
        const member = members[Math.floor(next() * members.length)];
        const at = new Date(now - Math.floor(next() * 730 * DAY));
        if (!latest.has(member.id) || latest.get(member.id) < at) latest.set(member.id, at);
        await insert([
          ++id,
          member.id,
          member.matchmakerId,
          at.toISOString(),
          types[Math.floor(next() * types.length)],
          channels[Math.floor(next() * channels.length)],
          '回访',
          at.toISOString(),
          at.toISOString(),
        ]);
      }
      await run('COMMIT');
    }
    await new Promise((resolve) => statement.finalize(resolve));
    // Each member's last contact is her latest follow-up; her next one falls within ±30 days of today.
    let due = 0;
    const update = db.prepare('UPDATE "members" SET "lastContactAt" = ?, "nextFollowUpDate" = ? WHERE "id" = ?');
    await run('BEGIN');
    for (const member of members) {
      const offset = Math.floor(next() * 61) - 30;
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
    return { members: members.length, due };
  } finally {
    await close();
  }
}

module.exports = { fillFollowUps };

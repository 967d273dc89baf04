// The pipeline benchmark's data: introductions and dates written straight into a stopped app's SQLite database (bound
// parameters, one transaction per 5 000 rows), between the demo members `seed-demo` made. Benchmark data, not demo data:
// it skips the plugin's rules (which `seed-demo`'s own introductions go through) to reach 50 000 rows in seconds, but
// keeps what the rules keep: one open introduction per pair (`openPairKey`), a card order per stage (`stageSort`), dates
// only from 双方同意 on, each date's two members copied from its introduction.
const { open, random } = require('./sqlite-data');

/** Stages and the share of introductions in each (most are history: ended or married). */
const STAGE_SHARES = [
  ['recommendedToA', 6],
  ['recommendedToB', 6],
  ['bothAgreed', 5],
  ['met', 5],
  ['dating', 6],
  ['committed', 3],
  ['engaged', 1],
  ['married', 3],
  ['ended', 65],
];
const OPEN = new Set(['recommendedToA', 'recommendedToB', 'bothAgreed', 'met', 'dating', 'committed', 'engaged']);
/** Stages whose introductions have had (or may have) dates. */
const WITH_DATES = new Set(['bothAgreed', 'met', 'dating', 'committed', 'engaged', 'married', 'ended']);
const DAY = 86_400_000;

/** Inserts `rows` (objects) into `table`, only the columns the table has; throws naming a required column left out. */
async function insertRows(db, table, rows, required) {
  const columns = new Set((await db.all(`PRAGMA table_info("${table}")`)).map((column) => column.name));
  for (const name of required)
    if (!columns.has(name)) throw new Error(`bench:pipeline: table ${table} has no column ${name} (schema changed?)`);
  const names = Object.keys(rows[0]).filter((name) => columns.has(name));
  const sql = `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names
    .map(() => '?')
    .join(', ')})`;
  for (let start = 0; start < rows.length; start += 5000) {
    await db.run('BEGIN');
    for (const row of rows.slice(start, start + 5000))
      await db.run(
        sql,
        names.map((name) => (row[name] instanceof Date ? row[name].toISOString() : row[name])),
      );
    await db.run('COMMIT');
  }
}

/**
 * Adds `introductions` introductions between the database's members (a woman and a man each), spread over the stages
 * by STAGE_SHARES and started over the last two years, and `dates` dates among those at 双方同意 or later, from two
 * years back to two months ahead. Resolves to { introductions, dates, byStage }. `file` is the app's SQLite database
 * (the app must not be running).
 */
async function fillPipeline(file, { introductions, dates, seed = 1 }) {
  const next = random(seed);
  const db = open(file);
  try {
    const members = await db.all('SELECT id, gender FROM members ORDER BY id');
    const women = members.filter((m) => m.gender === 'female').map((m) => m.id);
    const men = members.filter((m) => m.gender === 'male').map((m) => m.id);
    if (!women.length || !men.length) throw new Error('bench:pipeline: the database has no demo members to introduce');
    const total = STAGE_SHARES.reduce((sum, [, share]) => sum + share, 0);
    const pickStage = () => {
      let roll = next() * total;
      for (const [stage, share] of STAGE_SHARES) if ((roll -= share) < 0) return stage;
      return 'ended';
    };
    const now = Date.now();
    const openPairs = new Set();
    const sortInStage = new Map();
    const rows = [];
    while (rows.length < introductions) {
      const a = women[Math.floor(next() * women.length)];
      const b = men[Math.floor(next() * men.length)];
      const stage = pickStage();
      const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
      if (OPEN.has(stage) && openPairs.has(key)) continue;
      if (OPEN.has(stage)) openPairs.add(key);
      const started = new Date(now - Math.floor(next() * 730) * DAY);
      const changed = new Date(started.getTime() + Math.floor(next() * (now - started.getTime())));
      sortInStage.set(stage, (sortInStage.get(stage) || 0) + 1);
      rows.push({
        memberAId: a,
        memberBId: b,
        stage,
        endReason: stage === 'ended' ? 'other' : null,
        endedAt: stage === 'ended' ? changed : null,
        stageChangedAt: changed,
        openPairKey: OPEN.has(stage) ? key : null,
        stageSort: sortInStage.get(stage),
        createdAt: started,
        updatedAt: changed,
      });
    }
    const existing = (await db.all('SELECT COALESCE(MAX(id), 0) AS id FROM introductions'))[0].id;
    await insertRows(db, 'introductions', rows, ['memberAId', 'memberBId', 'stage', 'stageSort', 'openPairKey']);
    const withDates = rows
      .map((row, i) => ({ ...row, id: existing + i + 1 }))
      .filter((row) => WITH_DATES.has(row.stage));
    const inserted = await db.all('SELECT id, memberAId, memberBId FROM introductions WHERE id > ? ORDER BY id', [
      existing,
    ]);
    if (inserted.length !== rows.length) throw new Error('bench:pipeline: introductions were not all written');
    const dateRows = [];
    for (let i = 0; dateRows.length < dates; i++) {
      const introduction = withDates[i % withDates.length];
      const startsAt = new Date(now - Math.floor(next() * 790 - 60) * DAY + Math.floor(next() * 12 + 9) * 3_600_000);
      const durationMinutes = [60, 90, 120, 180][Math.floor(next() * 4)];
      const past = startsAt.getTime() < now;
      dateRows.push({
        introductionId: introduction.id,
        memberAId: introduction.memberAId,
        memberBId: introduction.memberBId,
        startsAt,
        durationMinutes,
        endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
        place: '咖啡馆',
        status: past ? (next() < 0.9 ? 'completed' : 'cancelled') : 'scheduled',
        title: `约会 ${introduction.id}`,
        createdAt: new Date(startsAt.getTime() - 7 * DAY),
        updatedAt: new Date(startsAt.getTime() - 7 * DAY),
      });
    }
    await insertRows(db, 'dates', dateRows, ['introductionId', 'memberAId', 'memberBId', 'startsAt', 'endsAt']);
    const byStage = Object.fromEntries([...sortInStage.entries()]);
    return { introductions: rows.length, dates: dateRows.length, byStage };
  } finally {
    await db.close();
  }
}

module.exports = { fillPipeline, STAGE_SHARES };

// The reports benchmark's data, beside what `seed-demo` (members) and the pipeline benchmark's writer (introductions,
// dates) made: each introduction's stage history, both sides' feedback on held dates, match suggestions and follow-up
// reminders, written straight into a stopped app's SQLite database (bound parameters, one transaction per 5 000 rows).
// Benchmark data, not demo data: it skips the plugins' hooks, but keeps the shapes the monthly figures read
// (plugin-reports' kpis/sources.ts): stage changes with `event` 'stage', feedback's `satisfaction` 1–5 per side, one
// suggestion per pair (`pairKey`), reminders of the follow-up kinds with a due moment and, when closed, a closing one.
// Moments are stored as NocoBase stores them on SQLite ('YYYY-MM-DD HH:MM:SS.SSS +00:00'): the figures compare the text.
const { open, random } = require('./sqlite-data');

const DAY = 86_400_000;
/** The way up through the stages (plugin-introductions' STAGES without 'ended'), in order. */
const PATH = ['recommendedToA', 'recommendedToB', 'bothAgreed', 'met', 'dating', 'committed', 'engaged', 'married'];
const REMINDER_KINDS = ['followUpDue', 'noContact', 'newMemberNoContact', 'collectFeedback', 'deepInterview'];

/** A moment as NocoBase's SQLite columns hold it. */
const stamp = (date) => date.toISOString().replace('T', ' ').replace('Z', ' +00:00');

/** Inserts `rows` (arrays in `names` order) into `table`; throws naming a column the table lacks. */
async function insert({ all, run, db }, table, names, rows) {
  const columns = new Set((await all(`PRAGMA table_info("${table}")`)).map((column) => column.name));
  for (const name of names)
    if (!columns.has(name)) throw new Error(`bench:reports: table ${table} has no column ${name} (schema changed?)`);
  const statement = db.prepare(
    `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  const one = (values) =>
    new Promise((resolve, reject) => statement.run(values, (error) => (error ? reject(error) : resolve())));
  for (let start = 0; start < rows.length; start += 5000) {
    await run('BEGIN');
    for (const row of rows.slice(start, start + 5000)) await one(row);
    await run('COMMIT');
  }
  await new Promise((resolve) => statement.finalize(resolve));
}

/** The pipeline writer's ISO moments ('…T…Z') rewritten as NocoBase stores them. */
async function restamp({ run }, table, columns) {
  for (const column of columns)
    await run(
      `UPDATE "${table}" SET "${column}" = REPLACE(REPLACE("${column}", 'T', ' '), 'Z', ' +00:00') WHERE "${column}" LIKE '%T%Z'`,
    );
}

/**
 * Completes the reports' data in the SQLite database `file` (the app stopped), seeded by `seed`:
 * - introductions and dates written by scripts/bench/pipeline-data.js get NocoBase's moment format;
 * - every introduction gets its history: one 'stage' change per stage on its way (an ended one ends after a random
 *   number of steps), spread between its start and its last change;
 * - every completed date gets both sides' feedback (satisfaction 1–5);
 * - `suggestions` match suggestions between random women and men (one per pair), over the last two years;
 * - `reminders` reminders of the follow-up kinds, sent to the members' matchmakers, due over the last two years
 *   (a few days ahead too), 85% closed (70% of all on their due day), the rest open.
 * Resolves to the counts written: { stageChanges, feedback, suggestions, reminders }.
 */
async function fillReports(file, { suggestions, reminders, seed = 2 }) {
  const next = random(seed);
  const handle = open(file);
  try {
    await restamp(handle, 'introductions', ['createdAt', 'updatedAt', 'stageChangedAt', 'endedAt']);
    await restamp(handle, 'dates', ['startsAt', 'endsAt', 'createdAt', 'updatedAt']);
    const now = Date.now();

    // Those seed-demo made went through the plugin's rules, which wrote their history: left as they are.
    const introductions = await handle.all(
      `SELECT "id", "stage", "createdAt", COALESCE("stageChangedAt", "createdAt") AS "stageChangedAt"
       FROM "introductions" WHERE "id" NOT IN (SELECT "introductionId" FROM "introductionStageChanges")`,
    );
    const changes = [];
    for (const introduction of introductions) {
      const started = Date.parse(introduction.createdAt.replace(' +00:00', 'Z').replace(' ', 'T'));
      const last = Date.parse(introduction.stageChangedAt.replace(' +00:00', 'Z').replace(' ', 'T'));
      const reached =
        introduction.stage === 'ended' ? 1 + Math.floor(next() * 5) : PATH.indexOf(introduction.stage) + 1;
      const stages = PATH.slice(0, reached);
      if (introduction.stage === 'ended') stages.push('ended');
      stages.forEach((stage, i) => {
        const at = new Date(started + ((last - started) * i) / Math.max(1, stages.length - 1));
        changes.push([introduction.id, 'stage', i ? stages[i - 1] : null, stage, stamp(at), stamp(at), stamp(at)]);
      });
    }
    await insert(
      handle,
      'introductionStageChanges',
      ['introductionId', 'event', 'fromStage', 'toStage', 'changedAt', 'createdAt', 'updatedAt'],
      changes,
    );

    // Held dates without feedback (seed-demo's may have theirs; one per side and date).
    const held = await handle.all(
      `SELECT "id", "memberAId", "memberBId", "startsAt" FROM "dates"
       WHERE "status" = 'completed' AND "id" NOT IN (SELECT "dateId" FROM "dateFeedback")`,
    );
    const feedback = [];
    for (const date of held)
      for (const member of [date.memberAId, date.memberBId])
        feedback.push([date.id, member, 1 + Math.floor(next() * 5), date.startsAt, date.startsAt]);
    await insert(handle, 'dateFeedback', ['dateId', 'memberId', 'satisfaction', 'createdAt', 'updatedAt'], feedback);

    const members = await handle.all('SELECT "id", "gender", "matchmakerId" FROM "members"');
    const women = members.filter((m) => m.gender === 'female');
    const men = members.filter((m) => m.gender === 'male');
    const pairs = new Set(
      (await handle.all('SELECT "pairKey" FROM "matchSuggestions"')).map((suggestion) => suggestion.pairKey),
    );
    const suggestionRows = [];
    while (suggestionRows.length < suggestions) {
      const a = women[Math.floor(next() * women.length)].id;
      const b = men[Math.floor(next() * men.length)].id;
      const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const at = stamp(new Date(now - Math.floor(next() * 730 * DAY)));
      const score = Math.round(50 + next() * 50);
      suggestionRows.push([a, b, key, score, score, score, at, at]);
    }
    await insert(
      handle,
      'matchSuggestions',
      ['memberId', 'candidateId', 'pairKey', 'score', 'forwardScore', 'backwardScore', 'createdAt', 'updatedAt'],
      suggestionRows,
    );

    const assigned = members.filter((member) => member.matchmakerId);
    const reminderRows = [];
    for (let i = 0; i < reminders; i++) {
      const member = assigned[Math.floor(next() * assigned.length)];
      const due = new Date(now - Math.floor(next() * 730 * DAY) + 3 * DAY);
      const roll = next();
      const closed = due.getTime() < now && roll < 0.85;
      const closedAt = closed ? new Date(due.getTime() + (roll < 0.7 ? 2 : 30) * 3_600_000) : null;
      reminderRows.push([
        `bench:${i}`,
        REMINDER_KINDS[Math.floor(next() * REMINDER_KINDS.length)],
        member.id,
        member.matchmakerId,
        stamp(due),
        closed ? 'closed' : 'open',
        closedAt ? stamp(closedAt) : null,
        '回访提醒',
        stamp(due),
        stamp(closedAt || due),
      ]);
    }
    await insert(
      handle,
      'reminders',
      ['key', 'kind', 'memberId', 'recipientId', 'dueAt', 'status', 'closedAt', 'title', 'createdAt', 'updatedAt'],
      reminderRows,
    );
    return {
      stageChanges: changes.length,
      feedback: feedback.length,
      suggestions: suggestionRows.length,
      reminders: reminderRows.length,
    };
  } finally {
    await handle.close();
  }
}

module.exports = { fillReports };

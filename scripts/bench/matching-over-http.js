// The HTTP benchmark from start to end: install once, seed one copy per size, then for each size serve it, time the
// requests and the batch run, stop and delete it; the report goes to stdout, progress to stderr.
const { client } = require('./http-client');
const { benchRequests } = require('./member-requests');
const { benchBatch } = require('./batch-run');
const { seededApp, untilJournalQuiet } = require('./member-pool');
const { ADMIN, createWorkspace, serve, stopApp, removeApp, removeWorkspace } = require('./throwaway-apps');
const { tail } = require('./processes');
const { untilAtRest } = require('./at-rest');
const { emptyReport, addRequests, addBatch, printReport } = require('./http-report');

const began = Date.now();
const say = (line) => process.stderr.write(`[bench:http +${Math.round((Date.now() - began) / 1000)} s] ${line}\n`);

/** Serves one seeded app, measures it (requests, then the batch run twice if `batch`) into `report`, stops it. */
async function measure(app, size, { membersQueried, batch }, report) {
  try {
    say(`${size} members: seeded in ${app.seedS.toFixed(0)} s`);
    // Started once the seeding's bulk writes are out of the journal window, so the figures are the steady state (with two
    // sizes the other's run covers the wait).
    await untilJournalQuiet(app, (seconds) =>
      say(
        `${size} members: waiting ${seconds} s until the seeding's bulk writes are out of the plugin's journal window…`,
      ),
    );
    say(`${size} members: starting the app (reminders' sweep off)…`);
    // An agency at rest: the seeded copy's first reminders' sweep would deliver every reminder its members fell due for
    // (~7 700 at 10 000 members, one workflow run and in-app message each, ~13 minutes) beside the requests measured —
    // which is what runs before session 30 measured, their list p50 moving 24–36 ms from run to run.
    app.env.HONGNIANG_REMINDER_SWEEP = 'off';
    const startS = await serve(app);
    say(`${size} members: serving after ${startS.toFixed(0)} s; waiting until its start-up work is done…`);
    // At rest also after start: a seeded copy's first start closes its past months' records and drafts last month's
    // service summaries for every member in service (plugin-reports' MonthKeeper), ~6 s of CPU after the app answers
    // at 10 000 members; a batch run started beside it took 15 s instead of 6 (session 31, docs/performance.md).
    const rest = await untilAtRest(app.server);
    say(
      `${size} members: ${rest.atRest ? 'at rest' : 'NOT at rest (measured anyway)'} after ${rest.seconds.toFixed(0)} s; measuring ${membersQueried} members…`,
    );
    const http = client(app.url);
    await http.signIn(ADMIN.email, ADMIN.password);
    const figures = await benchRequests(http, membersQueried);
    addRequests(report, size, figures, startS, rest);
    say(`${size} members: required criteria turned into list filters: ${JSON.stringify(figures.filtersUsed)}`);
    if (!batch) return;
    for (const run of ['first run', 're-run']) {
      say(`${size} members: batch run (${run})…`);
      addBatch(report, size, run, await benchBatch(http));
    }
  } catch (error) {
    // fetch's own message is "fetch failed"; what failed (refused, reset, a timeout) is in its cause.
    const cause = error.cause ? ` (${error.cause.code || ''} ${error.cause.message || error.cause})` : '';
    const alive = app.server && app.server.exitCode === null ? 'still running' : `exited (${app.server?.exitCode})`;
    report.problems.push(
      `${size}: ${error.message}${cause}; the app ${alive}\n--- app log (tail) ---\n${tail(app.logFile)}`,
    );
  } finally {
    await stopApp(app);
    removeApp(app);
  }
}

/**
 * The HTTP and batch figures for `sizes` (numbers of demo members), the batch run for those also in `batchSizes`,
 * `membersQueried` members timed per size (see http-options.js). Prints the report and resolves to
 * { requestRows, detailRows, batchRows, problems }; a size that fails becomes a problem, not a rejection. Rejects only
 * when the one installation everything starts from fails. Expects the plugins built (dist).
 */
async function benchHttp({ sizes, batchSizes, membersQueried }) {
  const report = emptyReport();
  say('installing NocoBase with our plugins into a throwaway SQLite database (once; each size gets a copy)…');
  const workspace = await createWorkspace();
  say(
    `installed in ${workspace.installS.toFixed(0)} s; seeding ${sizes.join(' and ')} members, one copy each, side by side…`,
  );
  try {
    // Seeded side by side (nothing is measured while seeding) and all before the first measurement, so no app is
    // measured while another seeds, and the seeding's bulk writes are long past when each app is measured.
    const seeded = await Promise.allSettled(sizes.map((size) => seededApp(workspace, size)));
    for (const [i, size] of sizes.entries()) {
      const outcome = seeded[i];
      if (outcome.status === 'rejected') report.problems.push(`${size}: seeding failed: ${outcome.reason.message}`);
      else await measure(outcome.value, size, { membersQueried, batch: batchSizes.includes(size) }, report);
    }
  } finally {
    removeWorkspace(workspace);
  }
  say('done');
  printReport(report, (Date.now() - began) / 1000);
  return report;
}

module.exports = { benchHttp };

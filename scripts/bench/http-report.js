// The HTTP benchmark's report: its figures gathered as table rows, then printed to stdout as tables and a list of problems.
const { machine } = require('../lib/machine');
const { BATCH_TIMEOUT_MS } = require('./batch-run');

/** An empty report: { requestRows, detailRows, batchRows, problems } (problems: one line each, e.g. "10000: …"). */
function emptyReport() {
  return { requestRows: [], detailRows: [], batchRows: [], problems: [] };
}

/**
 * Adds one size's request figures (member-requests.js), its app's start-up time (`startS`, seconds) and the wait until
 * it was at rest (`rest`, at-rest.js's answer; not at rest is a problem: the figures were taken beside its work).
 */
function addRequests(report, size, figures, startS, rest) {
  if (!rest.atRest)
    report.problems.push(`${size}: measured before the app was at rest (waited ${rest.seconds.toFixed(0)} s)`);
  report.problems.push(...figures.failures.map((failure) => `${size}: ${failure}`));
  report.requestRows.push({
    members: size,
    queried: figures.members,
    'match p50 ms': figures.match.p50.toFixed(1),
    'match p95 ms': figures.match.p95.toFixed(1),
    'list p50 ms': figures.list.p50.toFixed(1),
    'list p95 ms': figures.list.p95.toFixed(1),
    'match/list p50': (figures.match.p50 / figures.list.p50).toFixed(2),
    'match/list p95': (figures.match.p95 / figures.list.p95).toFixed(2),
  });
  report.detailRows.push({
    members: size,
    'first match (index build) ms': figures.firstMatchMs.toFixed(0),
    'tookMs p50': figures.match.serverP50?.toFixed(1),
    'results match/list': `${figures.match.results}/${figures.list.matching}`,
    'list filters used': Object.entries(figures.filtersUsed)
      .map(([criterion, n]) => `${criterion} ${n}`)
      .join(', '),
    'app start s': startS.toFixed(0),
    'at rest after s': rest.seconds.toFixed(0),
  });
}

/** Adds one batch run (batch-run.js's answer); `run` names it, e.g. "first run". A run that did not succeed is a problem too. */
function addBatch(report, size, run, batch) {
  if (!batch.ok) {
    const how = batch.timedOut
      ? `did not finish within ${BATCH_TIMEOUT_MS / 1000} s`
      : `ended with status ${batch.status}`;
    report.problems.push(`${size}: batch ${run} ${how} (${JSON.stringify(batch.result)})`);
  }
  report.batchRows.push({
    members: size,
    run,
    status: batch.ok ? 'succeeded' : batch.timedOut ? 'timed out' : batch.status === -2 ? 'cancelled' : 'failed',
    'task s (doneAt − startedAt)': batch.taskS?.toFixed(1) ?? '—',
    'wall s (request → done seen)': batch.wallS.toFixed(1),
    'longest poll wait s': (batch.longestPollMs / 1000).toFixed(1),
    'polls reset': batch.droppedPolls,
    'members in service': batch.result?.members ?? '—',
    created: batch.result?.created ?? '—',
    rescored: batch.result?.rescored ?? '—',
    retired: batch.result?.retired ?? '—',
  });
}

/** Prints the report to stdout: a title line with the machine and `tookS` (seconds the HTTP part took), then each table. */
function printReport(report, tookS) {
  console.log(`\nMatching over HTTP (SQLite; ${machine()}; this part took ${Math.round(tookS)} s)`);
  console.log(
    'members:match (body {"limit":20}) against members:list?pageSize=20 with the same member\'s hard filters; interleaved, same app, same run',
  );
  if (report.requestRows.length) console.table(report.requestRows);
  if (report.detailRows.length) {
    console.log(
      "Details: the first members:match after start (index build on first call: it waits for the build the plugin starts at start-up), the server's own tookMs (meta), median results (match rows / list count), the required criteria the list could express (members queried having each)",
    );
    console.table(report.detailRows);
  }
  if (report.batchRows.length) {
    console.log(
      'Batch run: matchSuggestions:refreshAll as an async task, run twice on the same database; "longest poll wait": the longest a GET asyncTasks:get (every 100 ms) waited for its answer during the run',
    );
    console.table(report.batchRows);
  }
  if (report.problems.length) {
    console.log('Problems:');
    for (const problem of report.problems) console.log(`- ${problem}`);
  }
}

module.exports = { emptyReport, addRequests, addBatch, printReport };

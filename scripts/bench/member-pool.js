// The member pool of one benchmark size: a copy of the template app filled with `seed-demo` (N demo members, seed 1), and
// the wait until the seeding's bulk writes have left plugin-matching's change journal window.
const { setTimeout: sleep } = require('timers/promises');
const { copyOfTemplate, runAppCommand } = require('./throwaway-apps');

/** plugin-matching's journal overlap (OVERLAP_MS in member-pool.ts) plus a margin. */
const QUIET_AFTER_BULK_MS = 62_000;

/**
 * A copy of the workspace's template app holding `members` demo members (seed 1), not served yet. Resolves to the app
 * (see throwaway-apps.js) with `seedS`, the seconds the seeding took; rejects with the command's log tail on failure.
 */
async function seededApp(workspace, members) {
  const app = await copyOfTemplate(workspace, `members-${members}`);
  const started = Date.now();
  await runAppCommand(app, ['seed-demo', '--members', String(members), '--seed', '1']);
  app.seedS = (Date.now() - started) / 1000;
  return app;
}

/** When the last "reload everyone" row (a bulk write) went into the plugin's change journal, in ms since 1970; 0 if none. */
function lastBulkChange(app) {
  const sqlite3 = require('sqlite3');
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(app.database, sqlite3.OPEN_READONLY, (error) => error && reject(error));
    db.get('SELECT MAX(changedAt) AS at FROM matchingChanges WHERE memberId IS NULL', (error, row) => {
      db.close();
      if (error) reject(error);
      else resolve(row?.at ? new Date(String(row.at).replace(' ', 'T').replace(' ', '')).getTime() : 0);
    });
  });
}

/**
 * Seeding ends with bulk inserts, which the plugin journals as "reload everyone". While that journal row is younger than
 * the plugin's overlap window (OVERLAP_MS, 60 s, in plugin-matching's member-pool.ts) every sync reads it again and (as of
 * this writing) rebuilds the whole index, so each members:match would pay a full build. Resolves once that window has
 * passed for the app's database (at once if it has); calls `onWait(seconds)` first when there is a wait.
 */
async function untilJournalQuiet(app, onWait = () => undefined) {
  const quietIn = (await lastBulkChange(app)) + QUIET_AFTER_BULK_MS - Date.now();
  if (quietIn <= 0) return;
  onWait(Math.ceil(quietIn / 1000));
  await sleep(quietIn);
}

module.exports = { seededApp, untilJournalQuiet };

#!/usr/bin/env node
// `npm test`: install if needed, build, type-check, lint, run every jest suite, then the browser tests; non-zero on any failure.
//   --dialect sqlite|postgres|mariadb   database for the server suites (default sqlite, a fresh file per suite, or in memory
//                                       with HONGNIANG_TEST_SQLITE=memory; postgres/mariadb use throwaway databases)
//   --no-e2e                            skip the browser tests          --only-e2e   run only the browser tests
//   --no-build                          skip the build, type check and lint (CI runs them once, in npm test beside its parallel runs)
//   anything else is passed to jest (e.g. a path pattern).
const path = require('path');
const { spawnSync } = require('child_process');
const { ensureInstalled } = require('./lib/install');
const { HEAD_START, startE2eAppEarly, stopE2eAppEarly } = require('./lib/e2e-head-start');
const { root } = require('./lib/workspace');
const { failureSummary } = require('./lib/failure-summary');

// Jest workers for the server suites: both cores; CI gives its database runs one (HONGNIANG_TEST_WORKERS=1), beside the
// browser tests.
const WORKERS = Math.max(1, Number(process.env.HONGNIANG_TEST_WORKERS) || 2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const totals = { passed: 0, failed: 0 };
/** What failed, a line each, printed again at the very end of the run (CI shows only its tail). */
const failures = [];

/** Failing tests and suites of a jest JSON report, as "label: file › test — why (lib/failure-summary.js)". */
function failuresOf(label, result) {
  const lines = [];
  for (const suite of result.testResults || []) {
    const file = path.relative(root, suite.name || suite.testFilePath || '');
    const failed = (suite.assertionResults || []).filter((test) => test.status === 'failed');
    for (const test of failed)
      lines.push(`${label}: ${file} › ${test.fullName} — ${failureSummary((test.failureMessages || [])[0], { root })}`);
    if (!failed.length && suite.status === 'failed')
      lines.push(`${label}: ${file} (the suite failed) — ${failureSummary(suite.message, { root })}`);
  }
  return lines;
}

/**
 * Server suites that run on one dialect only (see main), by dialect: what they check does not depend on the database.
 * - plugin-subsets boots eleven apps (which of our plugins load together): on PostgreSQL, whose run in CI goes beside
 *   the browser tests with time to spare; on SQLite it ran beside the browser tests' app installing, on CI's critical
 *   path (stop 34: the SQLite integration group 302 s, 48 s on PostgreSQL without it).
 * - the demo generator's values (5 000 members, no database): half a minute of a run for nothing a dialect changes.
 */
const ONE_DIALECT_SUITES = {
  postgres: ['test/integration/plugin-subsets\\.test\\.ts'],
  sqlite: ['plugin-members/src/server/__tests__/demo-members\\.test\\.ts'],
};

/** The one-dialect suites a run on `dialect` leaves out, as regular expressions over their paths. */
const suitesNotFor = (dialect) =>
  Object.entries(ONE_DIALECT_SUITES)
    .filter(([only]) => only !== dialect)
    .flatMap(([, suites]) => suites);

/**
 * Runs jest with a JSON report, so the run can close on one line counting every test; `nice` > 0 runs it at that
 * niceness (below the browser tests' app installing beside it: see main).
 */
function runJest(label, args, env = {}, { nice = 0 } = {}) {
  const report = path.join(require('os').tmpdir(), `hongniang-jest-${process.pid}-${Date.now()}.json`);
  const jest = [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...args, '--json', `--outputFile=${report}`];
  const ok = run(
    label,
    nice ? 'nice' : process.execPath,
    nice ? ['-n', String(nice), process.execPath, ...jest] : jest,
    // SQLite's lock waits each hold a thread of libuv's pool (plugin-core's database/sqlite-locking.ts), as in the app.
    { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE || '16', ...env },
  );
  try {
    const result = JSON.parse(require('fs').readFileSync(report, 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
    failures.push(...failuresOf(label, result));
    // HONGNIANG_JEST_REPORTS=<folder> keeps each run's jest report there (per-suite times: perfStats).
    if (process.env.HONGNIANG_JEST_REPORTS)
      require('fs').copyFileSync(report, path.join(process.env.HONGNIANG_JEST_REPORTS, path.basename(report)));
    require('fs').rmSync(report, { force: true });
  } catch {
    totals.failed += 1; // jest died before writing its report
    failures.push(`${label}: jest ended without a report`);
  }
  return ok;
}

/** Prints what failed and appends it to HONGNIANG_FAILURES_FILE, which CI prints after its phase times (the log's tail). */
function reportFailures(dialect) {
  if (!failures.length) return;
  console.log(`[hongniang] what failed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
  if (process.env.HONGNIANG_FAILURES_FILE)
    require('fs').appendFileSync(
      process.env.HONGNIANG_FAILURES_FILE,
      failures.map((line) => `${dialect} ${line}\n`).join(''),
    );
}

function parseArgs(argv) {
  const options = { dialect: 'sqlite', e2e: true, onlyE2e: false, build: true, jestArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dialect') options.dialect = argv[++i];
    else if (arg.startsWith('--dialect=')) options.dialect = arg.slice('--dialect='.length);
    else if (arg === '--no-e2e') options.e2e = false;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--only-e2e') options.onlyE2e = true;
    else options.jestArgs.push(arg);
  }
  if (!['sqlite', 'postgres', 'mariadb'].includes(options.dialect)) {
    console.error(`[hongniang] --dialect must be sqlite, postgres or mariadb, not "${options.dialect}"`);
    process.exit(2);
  }
  return options;
}

/** Each step's label and seconds, printed at the end of the run. */
const times = [];

function run(label, command, args, env = {}) {
  console.log(`\n[hongniang] ${label}`);
  const began = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  times.push(`${label}: ${Math.round((Date.now() - began) / 1000)} s${result.status === 0 ? '' : ' (failed)'}`);
  if (result.status !== 0 && !label.startsWith('jest') && !label.startsWith('browser'))
    failures.push(`${label}: failed (exit ${result.status})`);
  return result.status === 0;
}

/** Server settings for a dialect, read from the environment with this machine's defaults. */
function serverOf(dialect) {
  const env = process.env;
  if (dialect === 'postgres') {
    return {
      dialect,
      host: env.DB_HOST || '127.0.0.1',
      port: Number(env.DB_PORT || 5432),
      user: env.DB_USER || 'postgres',
      password: env.DB_PASSWORD || '',
    };
  }
  return {
    dialect,
    host: env.DB_HOST || '127.0.0.1',
    port: Number(env.DB_PORT || 3306),
    user: env.DB_USER || 'root',
    password: env.DB_PASSWORD || '',
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureInstalled();
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  // CI (.ci/run) has just built, for its database runs beside this one: building again would rewrite dist under them.
  const built = process.env.HONGNIANG_BUILT === '1';
  let ok =
    !options.build ||
    built ||
    run('building libraries and plugins', process.execPath, [path.join(__dirname, 'build.js')]);
  // The browser tests' app installs while the type check, lint and server suites run (its page blueprints and demo
  // agency take minutes; in CI it was still installing when the server suites ended): started as soon as the build is
  // there, taken over by the browser project's global set-up, which starts its own if this one failed.
  let headStart = null;
  if (ok && options.e2e && options.build && !options.onlyE2e) {
    headStart = await startE2eAppEarly(root);
    console.log(`[hongniang] the browser tests' app is installing in the background (${headStart})`);
  }
  ok =
    ok &&
    (!options.build ||
      run('type-checking the sources and tests', process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit']));
  if (!ok) {
    stopE2eAppEarly(headStart);
    reportFailures(options.dialect);
    process.exit(1);
  }
  // A lint failure fails the run, but the tests still run: their result is worth having beside it.
  if (options.build && !options.onlyE2e) ok = run('lint (eslint, prettier --check)', npm, ['run', '--silent', 'lint']);

  if (!options.onlyE2e) {
    const env = { DB_DIALECT: options.dialect };
    const databases = [];
    if (options.dialect !== 'sqlite') {
      const { createDatabase, dropEndedRunsDatabases } = require('./lib/database');
      const server = serverOf(options.dialect);
      // A run killed before its end left its databases (and templates): dropped now, unless that run still goes on.
      const ended = await dropEndedRunsDatabases(server, 'hongniang_test_').catch((error) => {
        console.error(`[hongniang] could not look for earlier runs' databases: ${error.message}`);
        return [];
      });
      if (ended.length)
        console.log(`[hongniang] dropped ${ended.length} databases of earlier test runs that were killed`);
      const base = `hongniang_test_${process.pid}`;
      for (let worker = 1; worker <= WORKERS; worker++) databases.push({ ...server, database: `${base}_${worker}` });
      try {
        for (const database of databases) await createDatabase(database);
      } catch (error) {
        console.error(`[hongniang] ${error.message}`);
        process.exit(2);
      }
      Object.assign(env, {
        HONGNIANG_TEST_DATABASE: base,
        DB_HOST: server.host,
        DB_PORT: String(server.port),
        DB_USER: server.user,
        DB_PASSWORD: server.password,
      });
    }
    try {
      // The engine's unit tests and the scripts' tests touch no database: they run once, with SQLite; so do the suites
      // of ONE_DIALECT_SUITES, each on its own dialect.
      // The server suites run a folder's in one test file (test/support/suite-groups.ts: NocoBase is loaded once per
      // folder, not once per suite), unless the run names suite files (`npm run test:postgres -- <file>.test.ts`).
      const namesSuites = options.jestArgs.some((arg) => /\.test\.ts$/.test(arg));
      const server = namesSuites ? 'server' : 'server-groups';
      const skipped = suitesNotFor(options.dialect);
      const projects = [
        '--selectProjects',
        ...(options.dialect === 'sqlite' ? ['unit', server, 'scripts'] : [server]),
        `--testPathIgnorePatterns=/node_modules/|${skipped.join('|')}`,
      ];
      env.HONGNIANG_SKIP_SUITES = skipped.join('|');
      const where =
        options.dialect !== 'sqlite'
          ? options.dialect
          : process.env.HONGNIANG_TEST_SQLITE === 'memory'
            ? 'sqlite (in memory)'
            : 'sqlite (a file per suite)';
      // HONGNIANG_SERVER_SUITES_NICE=<n> (CI): the suites yield to the browser tests' app installing beside them, in
      // the same session (so Linux's autogroups do not undo it): the browser tests wait for that app, not for the
      // suites' last minutes (session 24's rehearsal: the app ready 470 s after the suites, ~1 040 s after the build).
      const nice = Math.max(0, Math.min(19, Number(process.env.HONGNIANG_SERVER_SUITES_NICE) || 0));
      ok =
        runJest(`jest on ${where}`, [...projects, `--maxWorkers=${WORKERS}`, ...options.jestArgs], env, { nice }) && ok;
    } finally {
      const { dropDatabase, dropDatabasesStartingWith } = require('./lib/database');
      for (const database of databases)
        await dropDatabase(database).catch((error) =>
          console.error(`[hongniang] could not drop ${database.database}: ${error.message}`),
        );
      // The installed templates the suites' apps were copied from (test/support/installed-template.ts).
      if (databases.length)
        await dropDatabasesStartingWith(databases[0], `${env.HONGNIANG_TEST_DATABASE}_t_`).catch((error) =>
          console.error(`[hongniang] could not drop the run's template databases: ${error.message}`),
        );
    }
  }
  // CI (.ci/run) starts its PostgreSQL and MariaDB runs (one worker each) when this file appears, beside the browser
  // tests. HONGNIANG_BROWSER_TESTS_AFTER=<file> makes the browser tests wait until that file exists (CI used it to run
  // them after a two-worker PostgreSQL run: beside two busy database workers, pages took over a minute).
  if (process.env.HONGNIANG_SERVER_SUITES_DONE)
    require('fs').writeFileSync(process.env.HONGNIANG_SERVER_SUITES_DONE, '');
  if ((options.e2e || options.onlyE2e) && process.env.HONGNIANG_BROWSER_TESTS_AFTER) {
    const began = Date.now();
    console.log("[hongniang] the browser tests wait for CI's database run (HONGNIANG_BROWSER_TESTS_AFTER)");
    while (!require('fs').existsSync(process.env.HONGNIANG_BROWSER_TESTS_AFTER))
      await new Promise((resolve) => setTimeout(resolve, 2000));
    times.push(`waiting for the database run: ${Math.round((Date.now() - began) / 1000)} s`);
  }
  if (options.e2e || options.onlyE2e) {
    ok =
      runJest(
        'browser tests (headless Chromium against the running app)',
        ['--selectProjects', 'e2e', '--runInBand', ...options.jestArgs],
        headStart ? { [HEAD_START]: headStart } : {},
      ) && ok;
  }
  // Gone already when the browser tests took it over (their tear-down stops it); else stopped here.
  stopE2eAppEarly(headStart);
  console.log(
    `\n[hongniang] ${ok ? 'all tests passed' : 'some tests FAILED'} (${options.dialect}${options.e2e || options.onlyE2e ? ' + browser' : ''})`,
  );
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
  console.log(times.map((line) => `[hongniang]   ${line}`).join('\n'));
  reportFailures(options.dialect);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(`[hongniang] test run failed: ${error.message}`);
  process.exit(1);
});

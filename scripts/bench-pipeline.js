#!/usr/bin/env node
// `npm run bench:pipeline`: the matchmaker's pipeline pages at agency scale. One throwaway SQLite app (installed as
// `npm start` installs, pages included) gets N demo members (`seed-demo`), then M introductions and D dates written
// straight into its database (scripts/bench/pipeline-data.js); served as `npm start` serves, it is asked, as the demo
// manager 赵丽 and the demo matchmaker 李静, for what 牵线看板 asks per stage column (first page) and what 约会日历 asks
// for this month, each against a plain `list` of the same collection in the same run (target: ≤ 1.5×).
//
//   npm run bench:pipeline [-- --members 10000 --introductions 50000 --dates 100000 --runs 15 --page-size 20 --no-build]
const { build } = require('./build');
const { benchOptions } = require('./bench/options');
const { machine } = require('./lib/machine');
const { client } = require('./bench/http-client');
const { fillPipeline } = require('./bench/pipeline-data');
const { benchPipeline } = require('./bench/pipeline-requests');
const {
  createWorkspace,
  copyOfTemplate,
  runAppCommand,
  serve,
  stopApp,
  removeWorkspace,
} = require('./bench/throwaway-apps');
const { tail } = require('./bench/processes');

const TARGET = 1.5;
const began = Date.now();
const say = (line) => process.stderr.write(`[bench:pipeline +${Math.round((Date.now() - began) / 1000)} s] ${line}\n`);

const options = (argv) =>
  benchOptions(
    argv,
    { members: 10000, introductions: 50000, dates: 100000, runs: 15, pageSize: 20, build: true },
    {
      '--members': 'members',
      '--introductions': 'introductions',
      '--dates': 'dates',
      '--runs': 'runs',
      '--page-size': 'pageSize',
    },
    'scripts/bench-pipeline.js',
  );

async function main() {
  const chosen = options(process.argv.slice(2));
  if (chosen.build) await build();
  say('installing NocoBase with our plugins into a throwaway SQLite database…');
  const workspace = await createWorkspace();
  let app;
  try {
    app = await copyOfTemplate(workspace, 'pipeline');
    say(`installed in ${workspace.installS.toFixed(0)} s; seeding ${chosen.members} demo members…`);
    await runAppCommand(app, ['seed-demo', '--members', String(chosen.members), '--seed', '1']);
    say(`writing ${chosen.introductions} introductions and ${chosen.dates} dates…`);
    const filled = await fillPipeline(app.database, chosen);
    say(`introductions by stage: ${JSON.stringify(filled.byStage)}; starting the app…`);
    const startS = await serve(app);
    say(`serving after ${startS.toFixed(0)} s; measuring (${chosen.runs} runs of each, alternately)…`);
    const rows = [];
    for (const [account, role] of [
      ['zhaoli', '主管 manager'],
      ['lijing', '红娘 matchmaker'],
    ]) {
      const http = client(app.url);
      await http.signIn(account, process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026');
      for (const row of await benchPipeline(http, chosen)) rows.push({ role, ...row });
    }
    print(chosen, rows);
    const over = rows.filter((row) => row.ratio > TARGET);
    if (over.length) process.exitCode = 1;
  } catch (error) {
    console.error(`[bench:pipeline] ${error.stack}${app ? `\n--- app log (tail) ---\n${tail(app.logFile)}` : ''}`);
    process.exitCode = 1;
  } finally {
    if (app) await stopApp(app);
    removeWorkspace(workspace);
  }
}

function print(chosen, rows) {
  console.log(
    `\n## bench:pipeline — ${chosen.members} members, ${chosen.introductions} introductions, ${chosen.dates} dates`,
  );
  console.log(`${new Date().toISOString()} · ${machine()} · load ${require('os').loadavg()[0].toFixed(1)}`);
  console.log(`medians of ${chosen.runs} runs each, alternated with the baseline; target ≤ ${TARGET}×\n`);
  console.log('| role | request | rows | request ms | list ms (same page, same appends) | bare list ms | ratio |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const row of rows)
    console.log(
      `| ${row.role} | ${row.what} | ${row.rows} | ${row.requestMs.toFixed(1)} | ${row.baselineMs.toFixed(1)} | ${row.bareMs.toFixed(1)} | ${row.ratio.toFixed(2)}×${row.ratio > TARGET ? ' ✗' : ''} |`,
    );
}

main();

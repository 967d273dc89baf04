#!/usr/bin/env node
// `npm run bench:matching`: the matching engine on synthetic pools of 1k, 10k and 100k members with every criterion in use.
// Each figure is measured against the straightforward reference matcher in the same run; results go to stdout as a table.
// Then the same over HTTP (scripts/bench-matching-http.js, its parts in scripts/bench/): members:match against members:list
// with the same hard filters at 10k and 100k demo members, and the batch run at 10k, each on a throwaway SQLite app.
//
//   npm run bench:matching [-- <engine sizes, e.g. 1000,10000>] [--engine-only | --http-only]
//                          [--http-sizes 10000,100000] [--batch-sizes 10000] [--members-queried 100] [--no-build]
// --no-build uses the plugins as last built (dist) instead of building them first.
const { build } = require('./build');
const { machine } = require('./lib/machine');
const path = require('path');
const { spawnSync } = require('child_process');

const OPTIONS_WITH_VALUE = ['--http-sizes', '--batch-sizes', '--members-queried'];

class UsageError extends Error {}

function parseArguments(argv) {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--') && !OPTIONS_WITH_VALUE.includes(arg)));
  const positional = argv.filter((arg, i) => !arg.startsWith('--') && !OPTIONS_WITH_VALUE.includes(argv[i - 1]));
  for (const flag of flags) {
    if (!['--engine-only', '--http-only', '--no-build'].includes(flag))
      throw new UsageError(
        `unknown option "${flag}"; use [sizes] [--engine-only | --http-only] [--http-sizes N,N] [--batch-sizes N] [--members-queried N] [--no-build]`,
      );
  }
  if (flags.has('--engine-only') && flags.has('--http-only'))
    throw new UsageError('--engine-only and --http-only exclude each other');
  return {
    engineSizes: (positional[0] || '1000,10000,100000').split(',').map(Number),
    engine: !flags.has('--http-only'),
    http: !flags.has('--engine-only'),
    build: !flags.has('--no-build'),
  };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.build) build();
  console.log(`Machine: ${machine()}`);
  if (options.engine) benchEngine(options.engineSizes);
  if (options.http) {
    const { benchHttp } = require('./bench/matching-over-http');
    const { parseHttpOptions } = require('./bench/http-options');
    const { problems } = await benchHttp(parseHttpOptions(process.argv.slice(2)));
    if (problems.length) process.exitCode = 1;
  }
}

/**
 * The engine's figures (scripts/bench/engine-sizes.js), each way in a fresh process: plain Node, then after SES's
 * lockdown as in a NocoBase server, where the engine runs; the targets are read against the second. Prints both tables.
 */
function benchEngine(sizes) {
  const script = path.join(__dirname, 'bench', 'engine-sizes.js');
  const run = (...flags) => {
    const child = spawnSync(process.execPath, ['--expose-gc', script, sizes.join(','), ...flags], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`the engine benchmark ${flags.join(' ')} exited with ${child.status}`);
    return JSON.parse(child.stdout);
  };
  const plain = run();
  const locked = run('--lockdown');
  console.log('Matching engine (in process, synthetic pools, seed 42): plain Node');
  console.table(plain);
  console.log(
    "Matching engine, after SES's lockdown as in a NocoBase server (the figures the targets are read against)",
  );
  console.table(
    locked.map((row, i) => ({
      ...row,
      'p50 vs plain ×': (Number(row['top-20 p50 ms']) / Number(plain[i]['top-20 p50 ms'])).toFixed(2),
    })),
  );
}

main().catch((error) => {
  console.error(`[bench:matching] ${error instanceof UsageError ? error.message : error.stack || error.message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});

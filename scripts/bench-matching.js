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
const { percentile } = require('./lib/statistics');

function time(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

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

function benchEngine(sizes) {
  const { MatchIndex, matchReference, randomPool, DEFAULT_SETTINGS } = require('@hongniang/matching-engine');
  const rows = [];
  for (const size of sizes) {
    const pool = randomPool(size, 42);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const { ms: buildMs, value: index } = time(() => {
      const built = new MatchIndex();
      for (const person of pool) built.upsert(person);
      return built;
    });
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const members = pool.filter((_, i) => i % Math.max(1, Math.floor(size / 200)) === 0).slice(0, 200);
    const options = { limit: 20, settings: DEFAULT_SETTINGS };
    for (const member of members.slice(0, 5)) index.match(member.profile.id, options); // warm-up
    const indexTimes = members
      .map((member) => time(() => index.match(member.profile.id, options)).ms)
      .sort((a, b) => a - b);
    const referenceMembers = members.slice(0, Math.max(5, Math.floor(members.length / 4)));
    const referenceTimes = referenceMembers
      .map((member) => time(() => matchReference(pool, member.profile.id, options)).ms)
      .sort((a, b) => a - b);
    const indexP50 = percentile(indexTimes, 50);
    const referenceP50 = percentile(referenceTimes, 50);
    rows.push({
      members: size,
      'top-20 p50 ms': indexP50.toFixed(2),
      'top-20 p95 ms': percentile(indexTimes, 95).toFixed(2),
      'reference p50 ms': referenceP50.toFixed(2),
      'speed-up ×': (referenceP50 / indexP50).toFixed(1),
      'index build ms': buildMs.toFixed(0),
      'columns B/member': (index.columnBytes / index.count).toFixed(0),
      'heap B/member': global.gc ? ((heapAfter - heapBefore) / size).toFixed(0) : 'run with --expose-gc',
    });
  }
  console.log('Matching engine (in process, synthetic pools, seed 42)');
  console.table(rows);
}

main().catch((error) => {
  console.error(`[bench:matching] ${error instanceof UsageError ? error.message : error.stack || error.message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});

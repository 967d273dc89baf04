#!/usr/bin/env node
// `npm run bench:matching`: the matching engine on synthetic pools of 1k, 10k and 100k members with every criterion in use.
// Each figure is measured against the straightforward reference matcher in the same run; results go to stdout as a table.
const { build } = require('./build');

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function main() {
  build();
  const { MatchIndex, matchReference, randomPool, DEFAULT_SETTINGS } = require('@hongniang/matching-engine');
  const sizes = (process.argv[2] || '1000,10000,100000').split(',').map(Number);
  const rows = [];
  for (const size of sizes) {
    const pool = randomPool(size, 42);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const { ms: buildMs, value: index } = time(() => {
      const built = new MatchIndex(DEFAULT_SETTINGS);
      for (const person of pool) built.upsert(person);
      return built;
    });
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const members = pool.filter((_, i) => i % Math.max(1, Math.floor(size / 200)) === 0).slice(0, 200);
    const options = { limit: 20, settings: DEFAULT_SETTINGS };
    for (const member of members.slice(0, 5)) index.match(member.profile.id, options); // warm-up
    const indexTimes = members.map((member) => time(() => index.match(member.profile.id, options)).ms).sort((a, b) => a - b);
    const referenceMembers = members.slice(0, Math.max(5, Math.floor(members.length / 4)));
    const referenceTimes = referenceMembers.map((member) => time(() => matchReference(pool, member.profile.id, options)).ms).sort((a, b) => a - b);
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
  console.table(rows);
}

main();

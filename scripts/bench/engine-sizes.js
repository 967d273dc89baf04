// The engine half of bench:matching, in a process of its own: synthetic pools of the given sizes, each member's top 20
// timed against the reference matcher. Run plain, or (`--lockdown`) after SES's lockdown as NocoBase's server does it
// once the app has started (@nocobase/utils' lockdownSes, the gateway's options): the engine runs there, and after it
// every store into a typed array is several times slower (session 31, docs/performance.md).
//
//   node --expose-gc scripts/bench/engine-sizes.js 1000,10000,100000 [--lockdown]   → one JSON array of rows on stdout
const { percentile } = require('../lib/statistics');

/** NocoBase's own lockdown, with the options its gateway passes after the app's start (@nocobase/server's gateway). */
function lockdownAsNocoBase() {
  require('@nocobase/utils').lockdownSes({
    consoleTaming: 'unsafe',
    errorTaming: 'unsafe',
    overrideTaming: 'moderate',
    stackFiltering: 'verbose',
  });
}

function time(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * Per size: the index's top-20 p50 and p95 over up to 200 members (ms), the reference's p50 over a quarter of them
 * (at least 5), the speed-up, the index's build time, its column bytes and heap bytes per member (heap only with
 * --expose-gc). Synthetic pools (matching-engine's randomPool, seed 42), the engine's default settings.
 */
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
  return rows;
}

if (require.main === module) {
  const sizes = (process.argv[2] || '1000,10000,100000').split(',').map(Number);
  if (process.argv.includes('--lockdown')) lockdownAsNocoBase();
  process.stdout.write(JSON.stringify(benchEngine(sizes)));
}

module.exports = { benchEngine };

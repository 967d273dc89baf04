#!/usr/bin/env node
// The HTTP part of `npm run bench:matching`: members:match against a plain members:list carrying the same member's hard
// filters (the baseline, in the same run, on the same app), and the batch run (matchSuggestions:refreshAll).
// NocoBase is installed once into a throwaway SQLite database in a temp dir (no starter members); each size gets a copy,
// seeded with `seed-demo` (N demo members, seed 1; the sizes side by side), then served on a free port with the command
// and environment `npm start` uses, measured, stopped and deleted. The parts live in scripts/bench/ (the run from start
// to end in matching-over-http.js). This file does not build: bench-matching.js builds first, or run `npm run build`.
//
//   node scripts/bench-matching-http.js [--http-sizes 10000,100000] [--batch-sizes 10000] [--members-queried 100]
const { parseHttpOptions } = require('./bench/http-options');
const { benchHttp } = require('./bench/matching-over-http');

async function main() {
  const { problems } = await benchHttp(parseHttpOptions(process.argv.slice(2)));
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`[bench:http] ${error.stack}`);
  process.exit(1);
});

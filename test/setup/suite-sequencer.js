// The order jest starts test files in: jest's own when it knows every file's time from an earlier run (files that failed
// first, then the longest), else the longest expected first. On a fresh clone (CI) jest knows no times and orders by
// file size: the groups of server suites (test/support/suite-groups.ts), three lines each, went in any order, and
// test/integration, the longest, started last and kept one core busy alone for minutes.
const fs = require('fs');
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const GROUP_FILE = 'suites.group.ts';
const root = path.resolve(__dirname, '..', '..');

/**
 * Seconds each group took in session 24's SQLite run (`node scripts/test.js --no-build --no-e2e`, two workers, a quiet
 * machine; 669 tests in 356 s): what a group costs is its apps' boots and set-ups more than its size
 * (test/integration installs every subset of our plugins in 15 KB of tests).
 */
const MEASURED_SECONDS = {
  'test/integration': 137,
  'plugins/@hongniang/plugin-reports/src/server/__tests__': 92,
  'plugins/@hongniang/plugin-follow-ups/src/server/__tests__': 72,
  'plugins/@hongniang/plugin-members/src/server/__tests__': 68,
  'plugins/@hongniang/plugin-introductions/src/server/__tests__': 64,
  'plugins/@hongniang/plugin-access/src/server/__tests__': 63,
  'plugins/@hongniang/plugin-matching/src/server/__tests__': 51,
  'plugins/@hongniang/plugin-contracts/src/server/__tests__': 43,
  'plugins/@hongniang/plugin-events/src/server/__tests__': 40,
  'plugins/@hongniang/plugin-partners/src/server/__tests__': 24,
  'plugins/@hongniang/plugin-core/src/server/__tests__': 17,
};
/** A test file not measured: about a second per 500 bytes of suites (the measured groups: 0.3–2 s per KB). */
const BYTES_PER_SECOND = 500;

/** A test file's expected seconds: a group's as measured, else from the size of its suites (a group's: its folder's). */
function weightOf(file) {
  const folder = path.dirname(file);
  if (path.basename(file) !== GROUP_FILE) return fs.statSync(file).size / BYTES_PER_SECOND;
  const measured = MEASURED_SECONDS[path.relative(root, folder).split(path.sep).join('/')];
  if (measured) return measured;
  return (
    fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.test.ts'))
      .reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0) / BYTES_PER_SECOND
  );
}

class SuiteSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    // jest's order stands when it knows every file's time (or failures come first); else the heaviest first.
    if (sorted.every((test) => test.duration != null)) return sorted;
    const weight = new Map(sorted.map((test) => [test.path, weightOf(test.path)]));
    return [...sorted].sort((a, b) => weight.get(b.path) - weight.get(a.path));
  }
}

module.exports = SuiteSequencer;

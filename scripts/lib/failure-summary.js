// What CI prints of a failed test: its first line alone named the kind of failure ("expect(received).toEqual(expected)")
// but not what differed nor where (stop 34: a browser test failed on CI only, and nothing said which of its three
// deep-equality checks). So the summary also keeps the diff's lines and the test file's line.

const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/**
 * One line saying why a test failed, from jest's failure message (text with ANSI colours and a stack).
 * Shape: "<first line> | <up to `diffLines` lines of the expected/received diff> | at <file>:<line>:<column>", each part
 * present only when found; at most `maxLength` characters (default 600).
 * The diff lines are those jest starts with "- " or "+ " (deep equality) or "Expected"/"Received"; the place is the
 * first stack frame in a *.test.ts file, relative to the repository.
 */
function failureSummary(message, { diffLines = 8, maxLength = 600, root = process.cwd() } = {}) {
  const lines = String(message || '')
    .replace(ANSI_COLOURS, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line);
  if (!lines.length) return '';
  const diff = lines
    .slice(1)
    .filter((line) => /^([-+] |Expected|Received)/.test(line) && !/^[-+] (Expected|Received)\s*[-+]?\s*\d*$/.test(line))
    .slice(0, diffLines);
  const frame = lines.find((line) => /^at .*\.test\.[jt]sx?:\d+:\d+\)?$/.test(line));
  const place =
    frame &&
    frame
      .replace(/^at (.*\()?/, '')
      .replace(/\)$/, '')
      .replace(`${root}/`, '');
  return [lines[0], ...diff, place && `at ${place}`].filter(Boolean).join(' | ').slice(0, maxLength);
}

module.exports = { failureSummary, ANSI_COLOURS };

// The HTTP benchmark's command-line options, shared by bench-matching-http.js and bench-matching.js (which passes its
// whole command line: options not listed here are left to it).

/** What runs when no option says otherwise: 10k and 100k members, the batch run at 10k, 100 members queried. */
const DEFAULTS = { sizes: [10000, 100000], batchSizes: [10000], membersQueried: 100 };

/**
 * Reads `--http-sizes N,N`, `--batch-sizes N,N` and `--members-queried N` from `argv` (process.argv without node and the
 * script). Returns { sizes, batchSizes, membersQueried } (numbers of members), DEFAULTS where absent. Throws an Error
 * naming the value when one is not a list of positive whole numbers.
 */
function parseHttpOptions(argv) {
  const options = { ...DEFAULTS };
  const numbers = (value = '') => {
    const list = value.split(',').filter(Boolean).map(Number);
    if (!list.every((n) => Number.isSafeInteger(n) && n > 0))
      throw new Error(`expected whole numbers separated by commas, got "${value}"`);
    return list;
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--http-sizes') options.sizes = numbers(value);
    else if (argv[i] === '--batch-sizes') options.batchSizes = numbers(value);
    else if (argv[i] === '--members-queried') options.membersQueried = numbers(value)[0];
    else continue;
    i++; // the option's value
  }
  return options;
}

module.exports = { parseHttpOptions };

// The benchmarks' command-line options: whole-number settings by flag, and --no-build.

/**
 * Reads `argv` into a copy of `defaults` (`{ …, build: true }`): each flag of `flags` ({ '--members': 'members' }) takes a
 * positive whole number; `--no-build` sets build to false. Throws naming the flag, or the unknown option and `usage`.
 */
function benchOptions(argv, defaults, flags, usage) {
  const chosen = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') chosen.build = false;
    else if (flags[argv[i]]) {
      const value = Number(argv[++i]);
      if (!Number.isSafeInteger(value) || value <= 0)
        throw new Error(`${argv[i - 1]} takes a positive whole number, got "${argv[i]}"`);
      chosen[flags[argv[i - 1]]] = value;
    } else throw new Error(`unknown option "${argv[i]}"; see the usage at the top of ${usage}`);
  }
  return chosen;
}

module.exports = { benchOptions };

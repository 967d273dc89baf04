// One seeded random source for the scripts (benchmarks' data, the evaluation's random baseline, their tests).

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): `seed` (an integer, taken modulo 2^32) → a function answering the
 * next number in [0, 1) each call; the same seed, the same stream.
 */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { seeded };

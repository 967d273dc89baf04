// Percentiles and medians of measured durations, one convention for every benchmark (nearest rank, no interpolation).

/**
 * The p-th percentile of an ascending list, by nearest rank: the value at index floor(p/100 × length), capped at the
 * last one. `sorted` must already be sorted ascending (numbers, any unit); `p` runs from 0 to 100.
 * Returns NaN for an empty list.
 */
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The 50th percentile of `values` (any order, left unchanged), as `percentile` picks it; NaN for an empty list. */
function median(values) {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

module.exports = { percentile, median };

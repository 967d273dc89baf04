// Per-person ranking quality of scores against binary labels: AUC, precision at k and NDCG at k, ties counted at their
// expected value (as if broken at random), and the mean with its standard error over people.

/**
 * The probability that a random positive scores above a random negative, ties counting one half (the Mann–Whitney U
 * statistic over n₊·n₋; Hanley and McNeil, Radiology 143, 1982). `items`: { score, label } with label 0 or 1. Null
 * without at least one of each.
 */
function auc(items) {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  const positives = sorted.filter((item) => item.label).length;
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return null;
  let rankSum = 0;
  for (const { start, end } of tieGroups(sorted)) {
    const midRank = (start + end + 1) / 2; // 1-based ranks start+1 … end, averaged
    for (let i = start; i < end; i++) if (sorted[i].label) rankSum += midRank;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of positives among the best min(k, n), expected over random tie-breaking; null without a positive. */
function precisionAt(items, k) {
  const cut = Math.min(k, items.length);
  if (!items.some((item) => item.label) || cut === 0) return null;
  let hits = 0;
  forEachPosition(items, (label, weightAt) => {
    for (let position = 0; position < cut; position++) hits += label * weightAt(position);
  });
  return hits / cut;
}

/**
 * DCG at k over the ideal DCG at k, gains the labels, discount 1 / log2(position + 1) (Järvelin and Kekäläinen, ACM
 * TOIS 20(4), 2002), expected over random tie-breaking; null without a positive.
 */
function ndcgAt(items, k) {
  const positives = items.filter((item) => item.label).length;
  if (positives === 0) return null;
  const discount = (position) => (position < k ? 1 / Math.log2(position + 2) : 0);
  let dcg = 0;
  forEachPosition(items, (label, weightAt) => {
    for (let position = 0; position < Math.min(k, items.length); position++)
      dcg += label * weightAt(position) * discount(position);
  });
  let ideal = 0;
  for (let position = 0; position < Math.min(k, positives); position++) ideal += discount(position);
  return dcg / ideal;
}

/** Mean and standard error (sample sd / √n) of the non-null values; n the count. */
function meanWithError(values) {
  const kept = values.filter((value) => value !== null);
  const n = kept.length;
  const mean = kept.reduce((sum, value) => sum + value, 0) / n;
  const variance = kept.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n), n };
}

/** Runs of equal scores in a sorted list, as [start, end) index ranges. */
function* tieGroups(sorted) {
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i].score !== sorted[start].score) {
      yield { start, end: i };
      start = i;
    }
  }
}

/** For each item, best first: its label and the chance it stands at a position (1/size over its tie group's positions). */
function forEachPosition(items, visit) {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  for (const { start, end } of tieGroups(sorted)) {
    const weightAt = (position) => (position >= start && position < end ? 1 / (end - start) : 0);
    for (let i = start; i < end; i++) visit(sorted[i].label, weightAt);
  }
}

module.exports = { auc, precisionAt, ndcgAt, meanWithError };

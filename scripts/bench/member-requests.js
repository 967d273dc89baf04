// The request half of the HTTP benchmark: members:match against members:list with the same member's hard filters, on one
// served app, interleaved so that neither always meets the warmer cache.
const { percentile, median } = require('../lib/statistics');
const { query } = require('./http-client');
const { hardFilter } = require('./hard-filter');

/** The page size of the baseline's members:list, and the `limit` of members:match: both ask for 20 candidates. */
const CANDIDATES = 20;

/** Up to `count` ids spread over the `inService` members in service (every (inService / count)-th, by id); `inServiceList(page)` lists them one a page. */
async function spreadOut(inServiceList, inService, count) {
  const step = Math.max(1, Math.floor(inService / count));
  const ids = [];
  for (let page = 0; ids.length < count && page * step < inService; page++) {
    const { json } = await inServiceList(page * step + 1);
    ids.push(...json.data.map((row) => row.id));
  }
  return ids;
}

/**
 * Times members:match (body { limit: 20 }) and members:list (her hard filters, pageSize 20) for up to `count` members in
 * service, through `http` (a signed-in client of http-client.js). The first match is timed apart: it waits for the index
 * the plugin starts building when the app starts. Five members are asked once more beforehand as a warm-up, not counted.
 *
 * Resolves to { members, firstMatchMs, match: { p50, p95, serverP50, results }, list: { p50, p95, matching },
 * filtersUsed, failures }: times in ms (round trip; serverP50 is the median of the server's own meta.tookMs), results and
 * matching the median rows returned and list count, filtersUsed how many members had each criterion expressed as a list
 * filter, failures one line per failed request. Rejects when no match or no list request succeeded at all.
 */
async function benchRequests(http, count) {
  const inServiceList = (page) =>
    http.call(
      'GET',
      `members:list?${query({ filter: { status: 'inService' }, sort: ['id'], page, pageSize: 1, fields: ['id'] })}`,
    );
  const match = (id) => http.call('POST', `members:match?filterByTk=${id}`, { limit: CANDIDATES });
  const list = (plan) => http.call('GET', `members:list?${query({ filter: plan.filter, pageSize: CANDIDATES })}`);

  // The first call waits for the index the plugin starts building when the app starts (and builds it if it has not).
  const { json: listed } = await inServiceList(1);
  const first = await match(listed.data[0].id);
  const ids = await spreadOut(inServiceList, listed.meta.count, count);

  const plans = [];
  for (const id of ids) {
    const { json } = await http.call(
      'GET',
      `members:get?${query({ filterByTk: id, appends: ['partnerPreferences', 'partnerPreferences.preferredRegions'] })}`,
    );
    plans.push({ id, ...hardFilter(json.data) });
  }
  // warm-up, not counted
  for (const plan of plans.slice(0, 5)) {
    await match(plan.id);
    await list(plan);
  }

  const matchMs = [];
  const listMs = [];
  const serverMs = [];
  const found = { match: [], list: [] };
  const failures = [];
  const filtersUsed = {};
  for (const [i, plan] of plans.entries()) {
    plan.used.forEach((criterion) => (filtersUsed[criterion] = (filtersUsed[criterion] ?? 0) + 1));
    // Alternate which goes first, so neither always meets a warmer cache.
    const order = i % 2 ? ['list', 'match'] : ['match', 'list'];
    for (const kind of order) {
      try {
        if (kind === 'match') {
          const { ms, json } = await match(plan.id);
          matchMs.push(ms);
          serverMs.push(json.meta?.tookMs ?? NaN);
          found.match.push(json.data.length);
        } else {
          const { ms, json } = await list(plan);
          listMs.push(ms);
          found.list.push(json.meta?.count ?? json.data.length);
        }
      } catch (error) {
        failures.push(`${kind} for member ${plan.id}: ${error.message}`);
      }
    }
  }
  matchMs.sort((a, b) => a - b);
  listMs.sort((a, b) => a - b);
  if (!matchMs.length || !listMs.length) throw new Error(`no successful requests:\n${failures.slice(0, 5).join('\n')}`);
  return {
    members: plans.length,
    firstMatchMs: first.ms,
    match: {
      p50: percentile(matchMs, 50),
      p95: percentile(matchMs, 95),
      serverP50: median(serverMs.filter(Number.isFinite)),
      results: median(found.match),
    },
    list: { p50: percentile(listMs, 50), p95: percentile(listMs, 95), matching: median(found.list) },
    filtersUsed,
    failures,
  };
}

module.exports = { benchRequests };

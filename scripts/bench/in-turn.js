// Timing requests against each other in the same run: each named request once to warm caches, then all of them in turn
// (request, baseline, request, baseline…) `runs` times, so that a slow moment of the machine falls on both.
const { median } = require('../lib/statistics');

/**
 * `requests`: { name: { method = 'GET', action, body } } for the signed-in `http` client (./http-client). Resolves to
 * { ms: { name: median milliseconds }, json: { name: the last answer's body } }.
 */
async function timeInTurn(http, requests, runs) {
  const entries = Object.entries(requests);
  const call = ({ method = 'GET', action, body }) => http.call(method, action, body);
  for (const [, request] of entries) await call(request);
  const times = Object.fromEntries(entries.map(([name]) => [name, []]));
  const json = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, request] of entries) {
      const answer = await call(request);
      times[name].push(answer.ms);
      json[name] = answer.json;
    }
  }
  return { ms: Object.fromEntries(entries.map(([name]) => [name, median(times[name])])), json };
}

module.exports = { timeInTurn };

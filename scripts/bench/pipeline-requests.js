// The pipeline benchmark's requests: what the 牵线看板 kanban asks for each stage column's first page and what the 约会日历
// calendar asks for a month, each timed against a plain `list` of the same collection in the same run (interleaved:
// request, baseline, request, baseline…), as the signed-in user.
const { timeInTurn } = require('./in-turn');
const { query } = require('./http-client');

const STAGES = [
  'recommendedToA',
  'recommendedToB',
  'bothAgreed',
  'met',
  'dating',
  'committed',
  'engaged',
  'married',
  'ended',
];

/**
 * What NocoBase's kanban block sends for one column (plugin-kanban 2.2.15, read from its client): the column's value as a
 * filter on the group field, the card order (the group's sort field), page 1 of `pageSize`, the cards' associations.
 */
const kanbanColumn = (stage, pageSize) =>
  `introductions:list?${query({
    filter: { stage },
    sort: ['stageSort'],
    page: 1,
    pageSize,
    appends: ['memberA', 'memberB'],
  })}`;

/**
 * What NocoBase's calendar block sends for a month view (plugin-calendar 2.2.15): every date starting, ending or lasting
 * across the visible weeks, unpaginated. `from`/`to` are Date objects (the visible range).
 */
const calendarMonth = (from, to) => {
  const within = (field) => ({ [field]: { $gte: from.toISOString(), $lte: to.toISOString() } });
  return `dates:list?${query({
    paginate: false,
    filter: {
      $or: [
        within('startsAt'),
        within('endsAt'),
        { $and: [{ startsAt: { $lte: from.toISOString() } }, { endsAt: { $gte: to.toISOString() } }] },
      ],
    },
  })}`;
};

/** The weeks a month view shows around today's month: Monday of the week of the 1st to Sunday after the last day. */
function visibleMonth(now = new Date()) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, 23, 59, 59));
  const from = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000);
  const to = new Date(last.getTime() + ((7 - last.getUTCDay()) % 7) * 86_400_000);
  return { from, to };
}

/**
 * Times `request` against `baseline` (and `bare`, a list without appends, shown for reference), `runs` times each, in
 * turn; answers the medians (ms), the ratio request/baseline and the request's rows.
 */
async function pair(http, request, baseline, bare, runs) {
  const { ms, json } = await timeInTurn(
    http,
    { request: { action: request }, baseline: { action: baseline }, bare: { action: bare } },
    runs,
  );
  const rows = Array.isArray(json.request?.data) ? json.request.data.length : 0;
  return { requestMs: ms.request, baselineMs: ms.baseline, bareMs: ms.bare, ratio: ms.request / ms.baseline, rows };
}

/**
 * For the signed-in `http` client: each stage column's first page (`pageSize` cards) against `introductions:list` with
 * the same page size and the same appends (what a table of introductions showing both members asks: the baseline), and
 * this month's calendar against `dates:list` of as many rows; a bare list (no appends, no filter) is timed beside each.
 * Resolves to rows { what, rows, requestMs, baselineMs, bareMs, ratio }.
 */
async function benchPipeline(http, { runs, pageSize }) {
  const results = [];
  const listed = `introductions:list?${query({ page: 1, pageSize, appends: ['memberA', 'memberB'] })}`;
  const bare = `introductions:list?${query({ page: 1, pageSize })}`;
  for (const stage of STAGES)
    results.push({
      what: `kanban column ${stage}`,
      ...(await pair(http, kanbanColumn(stage, pageSize), listed, bare, runs)),
    });
  const { from, to } = visibleMonth();
  const month = calendarMonth(from, to);
  const { json } = await http.call('GET', month);
  const count = Math.max(1, json.data.length);
  const plainDates = `dates:list?${query({ page: 1, pageSize: count })}`;
  results.push({
    what: `calendar month ${from.toISOString().slice(0, 10)}…${to.toISOString().slice(0, 10)}`,
    ...(await pair(http, month, plainDates, plainDates, runs)),
  });
  return results;
}

module.exports = { benchPipeline, kanbanColumn, calendarMonth, visibleMonth };

// What a dashboard page of 报表 asks the server for when one of its tabs opens, read from the page's blueprint (the
// source of the installed page): each chart block's `charts:queryData` (as the chart block sends it: the blueprint's
// query with field paths as arrays and `sorting` as `orders`, which is how flowSurfaces stores it) and each table
// block's first page (`<collection>:list` with its page size, sort and fields). The baseline of a request is a plain
// count over the same collection through the same action (`charts:queryData`, one count measure, no dimension), of a
// field the block reads (its first measure, or the table's first column): a count of `id` is refused to roles that do
// not read `id` (members' is not among the fields the manager's charts may use).
const fs = require('fs');
const path = require('path');
const { query } = require('./http-client');

const BLUEPRINTS = path.join(__dirname, '..', '..', 'plugins', '@hongniang', 'plugin-reports', 'src', 'blueprints');

const asPath = (field) => (Array.isArray(field) ? field : [field]);

/**
 * A filter as the blueprint's chart query holds it ({ logic: '$and', items: [{ path, operator, value }] }, groups
 * nested) as the chart block sends it: NocoBase's filter ({ $and: [{ path: { operator: value } }] }).
 */
function filterOf(group) {
  if (!group?.items) return { [group.path]: { [group.operator]: group.value } };
  return { [group.logic || '$and']: group.items.map(filterOf) };
}

/** A chart asset's query ({ resource, measures, dimensions, sorting, filter }) as the body of charts:queryData. */
function chartBody(chartQuery) {
  return {
    mode: 'builder',
    variableResolution: 'legacy-schema',
    dataSource: chartQuery.resource.dataSourceKey,
    collection: chartQuery.resource.collectionName,
    measures: chartQuery.measures.map((measure) => ({ ...measure, field: asPath(measure.field) })),
    dimensions: (chartQuery.dimensions || []).map((dimension) => ({ ...dimension, field: asPath(dimension.field) })),
    orders: (chartQuery.sorting || []).map((sort) => ({ field: asPath(sort.field), order: sort.direction })),
    ...(chartQuery.filter ? { filter: filterOf(chartQuery.filter) } : {}),
  };
}

/** The plain count of `field` over `collection` that a request over it is compared with. */
function countBody(collection, field) {
  return {
    mode: 'builder',
    variableResolution: 'legacy-schema',
    dataSource: 'main',
    collection,
    measures: [{ field: asPath(field), aggregation: 'count', alias: 'n' }],
    dimensions: [],
  };
}

/**
 * The tabs of the page in blueprint `file` (e.g. 'reports-1-overview.json'): [{ title, requests }], each request
 * { what, collection, countField, method, action, body? } — `what` names the block ("chart 会员状态分布", "table
 * 机构月度经营…"), `countField` the field its baseline counts.
 */
function dashboardTabs(file) {
  const blueprint = JSON.parse(fs.readFileSync(path.join(BLUEPRINTS, file), 'utf8'));
  return blueprint.tabs.map((tab) => ({
    title: tab.title,
    requests: tab.blocks.flatMap((block) => {
      if (block.type === 'chart') {
        const body = chartBody(blueprint.assets.charts[block.chart].query);
        return [
          {
            what: `chart ${block.settings?.title || block.key}`,
            collection: body.collection,
            countField: body.measures[0].field,
            method: 'POST',
            action: 'charts:queryData',
            body,
          },
        ];
      }
      if (block.type === 'table') {
        const settings = block.settings || {};
        const params = {
          page: 1,
          pageSize: settings.pageSize || 20,
          sort: (settings.sorting || []).map((sort) => `${sort.direction === 'desc' ? '-' : ''}${sort.field}`),
          appends: block.fields.filter((field) => typeof field === 'object').map((field) => field.field),
        };
        return [
          {
            what: `table ${(settings.title || block.key).split('（')[0]}`,
            collection: block.collection,
            countField: block.fields.find((field) => typeof field === 'string'),
            method: 'GET',
            action: `${block.collection}:list?${query(params)}`,
          },
        ];
      }
      return [];
    }),
  }));
}

/**
 * Sends `request` through `http` (scripts/bench/http-client.js); resolves to { ms, rows }: its wall time in ms and how
 * many rows (chart rows, or records of a list) it answered.
 */
async function send(http, request) {
  const { ms, json } = await http.call(request.method, request.action, request.body);
  return { ms, rows: Array.isArray(json?.data) ? json.data.length : 0 };
}

/** The baseline request of `request`: a plain count over its collection. */
const baselineOf = (request) => ({
  what: `count ${request.collection}`,
  collection: request.collection,
  method: 'POST',
  action: 'charts:queryData',
  body: countBody(request.collection, request.countField),
});

/**
 * Opens `tab` once: all its requests at once, as the page sends them. Resolves to { wallMs, each: [{ ms, rows }] per
 * request }: `wallMs` from the first request sent to the last answer read (what the page waits for before every block
 * has its data).
 */
async function openTab(http, tab) {
  const started = performance.now();
  const each = await Promise.all(tab.requests.map((request) => send(http, request)));
  return { wallMs: performance.now() - started, each };
}

module.exports = { dashboardTabs, openTab, send, baselineOf };

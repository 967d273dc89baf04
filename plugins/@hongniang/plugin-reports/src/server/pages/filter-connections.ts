// The dashboards' filters over their charts. A blueprint connects each field of a filter form to one block (the tab's
// table); NocoBase keeps a tab's connections on its block grid (`filterManager`: one entry per filter field and block)
// and lets one field filter several blocks, as an admin sets it in the UI editor (the field's 连接数据区块). This step
// connects each filter field that filters a block (the tab's table, or a chart) to every chart of the same tab over the
// same collection, with the same field path: 推荐与转化's 月份 then narrows its eight charts with its table, 我的业绩's
// 月份 her six.
import { Application } from '@nocobase/server';
import { flowModelsUsing, patchFlowModel } from '@hongniang/plugin-core';

/** One connection: the filter field's model, the block it filters and the field path(s) it filters on. */
interface FilterConnection {
  filterId: string;
  targetId: string;
  filterPaths: string[];
}

/** The collection a chart queries (builder mode: ['main', 'agencyMonths']), or undefined (SQL mode, unset). */
function chartCollection(model: any): string | undefined {
  const path = model?.stepParams?.chartSettings?.configure?.query?.collectionPath;
  return Array.isArray(path) && path[0] === 'main' ? path[1] : undefined;
}

/** The collection a data block (table, list, details…) reads, or a chart queries; undefined when neither is known. */
function blockCollection(model: any): string | undefined {
  const init = model?.stepParams?.resourceSettings?.init;
  if (init) return (init.dataSourceKey ?? 'main') === 'main' ? init.collectionName : undefined;
  return chartCollection(model);
}

/**
 * Adds the connections described above to every block grid of the app that has filter connections, keeping every
 * existing one (an admin's included). Idempotent. Answers how many connections it added.
 */
export async function connectFiltersToCharts(app: Application): Promise<number> {
  const [grids, blocks] = await Promise.all([
    flowModelsUsing(app, ['BlockGridModel']),
    flowModelsUsing(app, ['ChartBlockModel', 'TableBlockModel']),
  ]);
  const read = new Map(blocks.map(({ uid, model }) => [uid, blockCollection(model)]));
  const charts = blocks.filter(({ model }) => model.use === 'ChartBlockModel');
  let added = 0;
  for (const grid of grids) {
    const current: FilterConnection[] = Array.isArray(grid.model.filterManager) ? grid.model.filterManager : [];
    if (!current.length) continue;
    const next = [...current];
    const inGrid = charts.filter(({ model }) => model.parentId === grid.uid);
    for (const connection of current) {
      const collection = read.get(connection.targetId);
      if (!collection) continue;
      for (const chart of inGrid) {
        if (chart.uid === connection.targetId || chartCollection(chart.model) !== collection) continue;
        if (next.some((one) => one.filterId === connection.filterId && one.targetId === chart.uid)) continue;
        next.push({ filterId: connection.filterId, targetId: chart.uid, filterPaths: [...connection.filterPaths] });
        added++;
      }
    }
    if (next.length > current.length) await patchFlowModel(app, grid.uid, { filterManager: next });
  }
  return added;
}

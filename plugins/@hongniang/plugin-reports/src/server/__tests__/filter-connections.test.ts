// A dashboard tab's filter field filters its charts beside its table (pages/filter-connections.ts). On a page made as
// the UI editor's blueprint mode makes one (a filter form whose 月份 field the blueprint connects to one block, here a
// chart; 经营概览's connects to its table), the step connects the field to the other chart over the same collection, not
// to a chart over another collection, keeps what an admin connected, and adds nothing the second time. The browser side
// (the charts asking with the filter) is test/e2e/reports.test.ts.
import { MockServer } from '@nocobase/test';
import { patchFlowModel } from '@hongniang/plugin-core';
import { appForSuite, signInStaff } from '@test/support/app';
import overview from '../../blueprints/reports-1-overview.json';
import { connectFiltersToCharts } from '../pages/filter-connections';

const chart = (collectionName: string, measure: string, aggregation: string, dimension: string) => ({
  query: {
    mode: 'builder',
    resource: { dataSourceKey: 'main', collectionName },
    measures: [{ field: measure, aggregation, alias: measure }],
    dimensions: [{ field: dimension }],
  },
  visual: { mode: 'basic', type: 'bar', mappings: { x: dimension, y: measure } },
});

const page = {
  version: '1',
  mode: 'create',
  navigation: {
    group: { title: '筛选测试', icon: 'BarChartOutlined' },
    item: { title: '月度筛选', icon: 'BarChartOutlined' },
  },
  page: { title: '月度筛选' },
  tabs: [
    {
      key: 'main',
      title: '转化',
      blocks: [
        {
          key: 'monthFilter',
          type: 'filterForm',
          collection: 'agencyMonths',
          actions: ['submit', 'reset'],
          fields: [{ key: 'monthFilter_month', field: 'month', target: 'suggestions' }],
        },
        { key: 'suggestions', type: 'chart', settings: { title: '每月推荐' }, chart: 'suggestions' },
        { key: 'introductions', type: 'chart', settings: { title: '每月发起牵线' }, chart: 'introductions' },
        { key: 'byStatus', type: 'chart', settings: { title: '会员状态' }, chart: 'byStatus' },
      ],
    },
  ],
  // Required of any block over agencyMonths: the field groups of its generated popups, as 经营概览 gives them.
  defaults: { collections: { agencyMonths: overview.defaults.collections.agencyMonths } },
  assets: {
    charts: {
      suggestions: chart('agencyMonths', 'suggestionsMade', 'sum', 'month'),
      introductions: chart('agencyMonths', 'introductionsStarted', 'sum', 'month'),
      byStatus: chart('members', 'memberNo', 'count', 'status'),
    },
  },
};

describe("a dashboard tab's filter field over its charts", () => {
  let app: MockServer;
  let nodes: Record<string, any>;

  appForSuite(async (booted) => {
    app = booted;
    const { as } = await signInStaff(app);
    const made = await as.manager.post('/flowSurfaces:applyBlueprint').send(page);
    expect([made.status, made.status === 200 ? '' : JSON.stringify(made.body)]).toEqual([200, '']);
    nodes = made.body.data.surface.nodeMap;
  });

  const uidOf = (use: string, title?: string) =>
    Object.values(nodes).find(
      (node: any) => node.use === use && (!title || JSON.stringify(node).includes(title)),
    ) as any;

  /** The tab's grid: the one whose connections name the table. */
  async function grid() {
    const rows: any[] = await app.db.getModel('flowModels').findAll({ attributes: ['uid', 'options'], raw: true });
    const grids = rows
      .map((row) => ({
        uid: row.uid,
        options: typeof row.options === 'string' ? JSON.parse(row.options) : row.options,
      }))
      .filter(({ options }) => options.use === 'BlockGridModel' && Array.isArray(options.filterManager));
    expect(grids).toHaveLength(1);
    return grids[0];
  }

  it('connects 月份 to the other chart over agencyMonths, not to the chart over members; a second run adds nothing', async () => {
    const before = (await grid()).options.filterManager;
    // As the blueprint stores it: the month field filters one block (as 经营概览's filters its table).
    expect(before).toHaveLength(1);
    const [first] = before;
    expect(first.filterPaths).toEqual(['month']);

    expect(await connectFiltersToCharts(app)).toBe(1);
    const after = (await grid()).options.filterManager;
    const titleOf = new Map(
      ['每月推荐', '每月发起牵线', '会员状态'].map((title) => [uidOf('ChartBlockModel', title)?.uid, title]),
    );
    const targets = after
      .filter((connection: any) => connection.filterId === first.filterId)
      .map((connection: any) => [titleOf.get(connection.targetId), connection.filterPaths]);
    expect(targets).toEqual([
      ['每月推荐', ['month']],
      ['每月发起牵线', ['month']],
    ]);

    expect(await connectFiltersToCharts(app)).toBe(0);
    expect((await grid()).options.filterManager).toEqual(after);
  });

  it("keeps what an admin connected herself (the members' chart to another path)", async () => {
    const { uid, options } = await grid();
    const members = uidOf('ChartBlockModel', '会员状态');
    const admins = { filterId: options.filterManager[0].filterId, targetId: members.uid, filterPaths: ['joinDate'] };
    await patchFlowModel(app, uid, { filterManager: [...options.filterManager, admins] });
    expect(await connectFiltersToCharts(app)).toBe(0);
    expect((await grid()).options.filterManager).toContainEqual(admins);
  });
});

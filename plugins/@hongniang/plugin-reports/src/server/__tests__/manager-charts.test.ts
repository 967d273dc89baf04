// A manager builds her own chart (issue 16 item 5): 主管 may author a page with a chart block over our collections (her
// role's ui.* snippet), a matchmaker may not; the chart as stored answers her the whole agency and, shown to a
// matchmaker, only that matchmaker's members. The chart is authored through flowSurfaces:applyBlueprint, the API the
// UI editor's blueprint mode uses; the browser's drag and drop is not driven here.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';

describe('a chart the manager makes herself', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;

  appForSuite(async (booted) => {
    app = booted;
    ({ as, users } = await signInStaff(app));
    // 李静: two by 转介绍 (referral), one 线上 (online); 王芳: one online, one from an 活动 (event).
    const members: [number, string][] = [
      [users.lijing, 'referral'],
      [users.lijing, 'referral'],
      [users.lijing, 'online'],
      [users.wangfang, 'online'],
      [users.wangfang, 'event'],
    ];
    for (const [index, [matchmakerId, sourceChannel]] of members.entries())
      await addMember(app, { ...SUITED.her, name: `来源${index}`, matchmakerId, sourceChannel });
  });

  /** A page with one chart of members by source channel, as the UI editor's blueprint mode sends it. */
  const page = (title: string) => ({
    version: '1',
    mode: 'create',
    navigation: {
      group: { title: '主管自建', icon: 'BarChartOutlined' },
      item: { title, icon: 'PieChartOutlined' },
    },
    page: { title },
    tabs: [
      {
        key: 'main',
        title: '统计',
        blocks: [{ key: 'bySource', type: 'chart', settings: { title: '会员来源渠道' }, chart: 'bySource' }],
      },
    ],
    assets: {
      charts: {
        bySource: {
          query: {
            mode: 'builder',
            resource: { dataSourceKey: 'main', collectionName: 'members' },
            measures: [{ field: 'memberNo', aggregation: 'count', alias: '会员数' }],
            dimensions: [{ field: 'sourceChannel' }],
          },
          visual: { mode: 'basic', type: 'bar', mappings: { x: 'sourceChannel', y: '会员数' } },
        },
      },
    },
  });

  /** The query of the chart block stored on the page the manager made, read back from its flow model. */
  async function storedQuery(answer: any) {
    const chart = Object.values(answer.body.data.surface.nodeMap as Record<string, any>).find(
      (node) => node.use === 'ChartBlockModel',
    );
    expect(chart).toBeTruthy();
    const stored = await app.db.getRepository('flowModels').findOne({ filter: { uid: chart.uid } });
    const query = (stored?.get('options') as any)?.stepParams?.chartSettings?.configure?.query;
    expect(query?.collectionPath).toEqual(['main', 'members']);
    return query;
  }

  /** The chart's figures as `agent` asks for them ({ category: count }), in zh-CN. */
  async function figures(agent: any, query: any) {
    const answer = await agent
      .post('/charts:queryData')
      .set('X-Locale', 'zh-CN')
      .send({
        mode: 'builder',
        variableResolution: 'legacy-schema',
        dataSource: query.collectionPath[0],
        collection: query.collectionPath[1],
        measures: query.measures.map((measure: any) => ({ ...measure, field: [measure.field] })),
        dimensions: query.dimensions.map((dimension: any) => ({ ...dimension, field: [dimension.field] })),
      });
    expect(answer.status).toBe(200);
    return Object.fromEntries(answer.body.data.map((row: any) => [row.sourceChannel, Number(row['会员数'])]));
  }

  it('the manager adds the page and its chart; it counts the whole agency for her, and her own for a matchmaker', async () => {
    const made = await as.manager.post('/flowSurfaces:applyBlueprint').send(page('来源渠道统计'));
    expect(made.status).toBe(200);
    const query = await storedQuery(made);
    // Every member of the agency, by the options' Chinese labels as the chart shows them.
    expect(await figures(as.manager, query)).toEqual({ 转介绍: 2, 线上: 2, 活动: 1 });
    // The same chart for a matchmaker: her own members only.
    expect(await figures(as.lijing, query)).toEqual({ 转介绍: 2, 线上: 1 });
    expect(await figures(as.wangfang, query)).toEqual({ 线上: 1, 活动: 1 });
  });

  it('a matchmaker and the front desk may not add a page with a chart', async () => {
    for (const agent of [as.lijing, as.intake]) {
      const refused = await agent.post('/flowSurfaces:applyBlueprint').send(page('不该有的页面'));
      expect(refused.status).toBe(403);
    }
    expect(await app.db.getRepository('desktopRoutes').count({ filter: { title: '不该有的页面' } })).toBe(0);
  });
});

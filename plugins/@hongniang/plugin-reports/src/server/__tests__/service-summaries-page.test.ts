// The 月度服务总结 page (src/blueprints/reports-3-summaries.json) applied by plugin-core's seeding, as at an installation
// with pages, but alone (seeding every plugin's pages takes many minutes on a small machine): flowSurfaces accepts it (a
// field missing from its field groups, or a filter form out of the first row, would have it refused), the page sits
// under 报表 with its table, filter form and 打印 action carrying its code, and a second seeding leaves it alone.
import path from 'path';
import { MockServer } from '@nocobase/test';
import { readBlueprints, seedPages } from '@hongniang/plugin-core';
import { appForSuite } from '@test/support/app';
import { SUMMARIES_PAGE } from '../roles';

describe('月度服务总结: the page', () => {
  let app: MockServer;
  let created = 0;
  const blueprint = () =>
    readBlueprints(path.resolve(__dirname, '../../blueprints')).filter(({ name }) => name === SUMMARIES_PAGE);
  appForSuite(async (booted) => {
    app = booted;
    created = await seedPages(app, blueprint());
  });
  const routeOfPage = async () =>
    Number(
      (await app.db.getRepository('seededPages').findOne({ filter: { blueprint: SUMMARIES_PAGE } }))?.get('routeId'),
    );

  it('is created from its blueprint, under 报表', async () => {
    expect(created).toBe(1);
    const routeId = await routeOfPage();
    expect(routeId).toBeGreaterThan(0);
    const route = await app.db.getRepository('desktopRoutes').findOne({ filterByTk: routeId, appends: ['parent'] });
    expect(route.get('title')).toBe('月度服务总结');
    expect(route.get('parent')?.get('title')).toBe('报表');
  });

  it('has the table of summaries, its filter form, and 打印 with its code', async () => {
    const models = (await app.db.getModel('flowModels').findAll({ attributes: ['options'], raw: true })).map(
      (row: any) => (typeof row.options === 'string' ? row.options : JSON.stringify(row.options)),
    );
    const about = (text: string) => models.filter((options: string) => options.includes(text));
    expect(about('TableBlockModel').some((options: string) => options.includes('serviceSummaries'))).toBe(true);
    expect(about('FilterFormBlockModel').some((options: string) => options.includes('serviceSummaries'))).toBe(true);
    expect(about('serviceSummaries:print')).toHaveLength(1);
    expect(about('serviceSummaries:print')[0]).toContain('JSRecordActionModel');
  });

  it('is applied once: a second seeding leaves it as it is', async () => {
    expect(await seedPages(app, blueprint())).toBe(0);
  });
});

import { Plugin } from '@nocobase/server';
import fs from 'fs';
import path from 'path';
import { pagesSeeded, readBlueprints, seedPages } from './blueprints/seed-pages';
import { keepTablesWholeOnSqliteColumnChange } from './database/sqlite-column-change';
import { rememberSqliteColumnTypes } from './database/sqlite-column-types';
import { waitForSqliteLocks } from './database/sqlite-locking';
import { demoMembersWanted, seedDemoAgency } from './demo/demo-agency';
import { useAppI18n } from './refusals/language';
import { addPluginLocales } from './refusals/plugin-locales';

/** Our plugins are the packages of this scope; each may keep page blueprints in its `blueprints` folder. */
const OUR_SCOPE = '@hongniang/';

/**
 * The core of every Hongniang plugin (collections in ./collections: which blueprints were applied). It applies every
 * enabled plugin's page blueprints, found by convention in its `blueprints` folder beside `server` (where NocoBase finds
 * its collections and migrations), once each: at installation, at upgrade, and when a plugin of ours is enabled later.
 * Then it tells whoever asked (`afterPagesSeeded`: access grants the menus), whatever order the plugins loaded in.
 * Test apps may go without pages (app option `seedPages: false`). It also owns the demo agency (./demo) that every
 * plugin adds its demo records to, and the declarations each plugin makes to the access plugin (./access). On SQLite,
 * writers wait for each other instead of failing (./database/sqlite-locking), a column change keeps the rows of a
 * table and its indexes (./database/sqlite-column-change), and a table's column types are asked once, not before every
 * read (./database/sqlite-column-types).
 */
export class PluginCoreServer extends Plugin {
  async beforeLoad() {
    waitForSqliteLocks(this.db);
    keepTablesWholeOnSqliteColumnChange(this.db);
    rememberSqliteColumnTypes(this.db);
  }

  async load() {
    useAppI18n(this.app.i18n);
    await this.addEveryPluginsLocales();
    this.app.on('afterEnablePlugin', () => this.addEveryPluginsLocales());
    this.app.on('afterInstall', () => this.seedEveryPlugin());
    // A new installation with HONGNIANG_DEMO_MEMBERS gets the demo agency: staff, then every plugin's records (./demo).
    this.app.on(
      'afterInstall',
      () => demoMembersWanted() > 0 && seedDemoAgency(this.app, { members: demoMembersWanted() }),
    );
    this.app.on('afterUpgrade', () => this.seedEveryPlugin());
    this.app.on('afterEnablePlugin', () => this.seedEveryPlugin());
    // `npm start` on an existing database upgrades without the afterUpgrade event: pages a plugin added since (or a
    // blueprint refused before) are applied as the app starts; nothing else happens when every page exists.
    this.app.on('afterStart', () => this.seedEveryPlugin({ onlyWhenNew: true }));
  }

  /** Every plugin of ours' `locale/*.json` in the app's i18n, under its package name (the namespace of its messages). */
  private async addEveryPluginsLocales() {
    for (const plugin of this.app.pm.getPlugins().values()) {
      const packageName = String(plugin.options?.packageName);
      const basePath: string | undefined = packageName.startsWith(OUR_SCOPE)
        ? await (plugin as any).getPluginBasePath()
        : undefined;
      if (basePath) addPluginLocales(this.app.i18n, packageName, basePath);
    }
  }

  /**
   * The pages of every enabled plugin of ours, in load order (a plugin's blueprints before those of plugins after it),
   * then the afterPagesSeeded listeners — with `onlyWhenNew`, only when a page was created.
   */
  private async seedEveryPlugin({ onlyWhenNew = false } = {}) {
    if ((this.app.options as any).seedPages === false) return;
    let created = 0;
    const ours = [...this.app.pm.getPlugins().values()].filter((plugin) =>
      String(plugin.options?.packageName).startsWith(OUR_SCOPE),
    );
    for (const plugin of ours) {
      // NocoBase's own lookup of a plugin's folder (src in development and tests, dist once built), as for collections;
      // declared internal in its types, so called through the instance.
      const basePath: string | undefined = await (plugin as any).getPluginBasePath();
      if (!basePath) continue;
      const directory = path.resolve(basePath, 'blueprints');
      if (fs.existsSync(directory)) created += await seedPages(this.app, readBlueprints(directory));
    }
    if (created || !onlyWhenNew) await pagesSeeded(this.app);
  }
}

export default PluginCoreServer;

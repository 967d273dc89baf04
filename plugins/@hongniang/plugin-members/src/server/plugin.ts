import { Plugin } from '@nocobase/server';
import { registerInCollectionManager } from './collection-manager';
import { seedDemoAgency } from './demo/seed-demo';
import path from 'path';
import { readBlueprints, seedPages } from './seed-pages';
import { reportImportRows } from './import-rows';
import { validateMember, validateMembersInBulk, validatePartnerPreferences } from './validate-member';

/** The member archive: members and their partner preferences (collections in ./collections, loaded by NocoBase). */
export class PluginMembersServer extends Plugin {
  async load() {
    this.db.on('members.beforeSave', validateMember);
    this.db.on('members.beforeBulkCreate', validateMembersInBulk);
    this.db.on('partnerPreferences.beforeSave', validatePartnerPreferences);
    this.app.resourceManager.use(reportImportRows, { tag: 'hongniang-import-rows', after: 'acl' });
    this.app.on('afterInstall', () => this.seedNewInstallation());
    this.app.on('afterInstall', () => this.seedPages());
    this.app.on('afterUpgrade', () => this.seedPages());
  }

  async install() {
    await registerInCollectionManager(this.app, ['members', 'partnerPreferences']);
  }

  /** The 会员管理 pages, from ../blueprints; applied once, then left to the admins. */
  private async seedPages() {
    await seedPages(this.app, readBlueprints(path.resolve(__dirname, '../blueprints')));
  }

  /** A new installation starts with a demo agency of HONGNIANG_DEMO_MEMBERS members (none when unset or 0). */
  private async seedNewInstallation() {
    const members = Number(process.env.HONGNIANG_DEMO_MEMBERS || 0);
    if (members > 0) await seedDemoAgency(this.app, { members });
  }
}

export default PluginMembersServer;

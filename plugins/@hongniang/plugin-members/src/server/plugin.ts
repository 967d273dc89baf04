import { Plugin } from '@nocobase/server';
import { registerInCollectionManager } from './collection-manager';
import { validateMember, validatePartnerPreferences } from './validate-member';

/** The member archive: members and their partner preferences (collections in ./collections, loaded by NocoBase). */
export class PluginMembersServer extends Plugin {
  async load() {
    this.db.on('members.beforeSave', validateMember);
    this.db.on('partnerPreferences.beforeSave', validatePartnerPreferences);
  }

  async install() {
    await registerInCollectionManager(this.app, ['members', 'partnerPreferences']);
  }
}

export default PluginMembersServer;

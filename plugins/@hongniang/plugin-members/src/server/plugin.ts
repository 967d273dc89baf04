import { Plugin } from '@nocobase/server';

/** The member archive: collections, validation, import and seeded pages arrive with their own issue. */
export class PluginMembersServer extends Plugin {
  async load() {}
}

export default PluginMembersServer;

/// <amd-module name="@hongniang/plugin-members" />
import { Plugin } from '@nocobase/client';

/** Pages and blocks come from blueprints (server side); the client entry exists so the web client loads the plugin cleanly. */
export class PluginMembersClient extends Plugin {}

export default PluginMembersClient;

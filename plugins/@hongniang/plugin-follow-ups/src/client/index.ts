/// <amd-module name="@hongniang/plugin-follow-ups" />
import { Plugin } from '@nocobase/client';

/** Pages and blocks come from blueprints (server side); the client entry exists so the web client loads the plugin cleanly. */
export class PluginFollowUpsClient extends Plugin {}

export default PluginFollowUpsClient;

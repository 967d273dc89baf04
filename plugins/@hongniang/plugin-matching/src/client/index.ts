/// <amd-module name="@hongniang/plugin-matching" />
import { Plugin } from '@nocobase/client';

/** Pages and blocks come from blueprints (server side); the client entry exists so the web client loads the plugin cleanly. */
export class PluginMatchingClient extends Plugin {}

export default PluginMatchingClient;

/// <amd-module name="@hongniang/plugin-introductions" />
import { Plugin } from '@nocobase/client';

/** Pages and blocks come from blueprints (server side); the client entry exists so the web client loads the plugin cleanly. */
export class PluginIntroductionsClient extends Plugin {}

export default PluginIntroductionsClient;

/// <amd-module name="@hongniang/plugin-reports" />
import { Plugin } from '@nocobase/client';

/** Charts and pages come from blueprints (server side); the client entry exists so the web client loads the plugin cleanly. */
export class PluginReportsClient extends Plugin {}

export default PluginReportsClient;

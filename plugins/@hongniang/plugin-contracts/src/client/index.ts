/// <amd-module name="@hongniang/plugin-contracts" />
import { Plugin } from '@nocobase/client';

/** No client code: the pages are blueprints (src/blueprints); the client entry exists so the web client loads the plugin cleanly. */
export class PluginContractsClient extends Plugin {}

export default PluginContractsClient;

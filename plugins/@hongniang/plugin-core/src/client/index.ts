/// <amd-module name="@hongniang/plugin-core" />
import { Plugin } from '@nocobase/client';

/** The core has nothing of its own in the web client; the entry exists so the web client loads the plugin cleanly. */
export class PluginCoreClient extends Plugin {}

export default PluginCoreClient;

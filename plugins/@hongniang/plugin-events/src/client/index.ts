/// <amd-module name="@hongniang/plugin-events" />
import { Plugin } from '@nocobase/client';

/** No pages yet (the server's collections and actions only); the client entry exists so the web client loads the plugin cleanly. */
export class PluginEventsClient extends Plugin {}

export default PluginEventsClient;

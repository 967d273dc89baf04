/// <amd-module name="@hongniang/plugin-access" />
import { Plugin } from '@nocobase/client';

/** A request refused because no one has signed in yet (no token at all), as NocoBase's auth answers it. */
const noSessionYet = (error: any) =>
  error?.response?.status === 401 &&
  (error.response.data?.errors || []).some((reason: any) => reason?.code === 'EMPTY_TOKEN');

/**
 * Pages and blocks come from blueprints (server side). On the client: a visitor on the sign-in page has no session to
 * lose, yet plugins loaded with the app (AI employees) ask for signed-in data at once; their refusals greeted every
 * visitor with red 未认证 toasts. Those refusals stay quiet; every other error is shown as before.
 */
export class PluginAccessClient extends Plugin {
  // On adding, before any plugin loads and sends its first request.
  async afterAdd() {
    this.app.apiClient.axios.interceptors.request.use((config: any) => {
      const own = config.skipNotify;
      config.skipNotify = (error: any) =>
        noSessionYet(error) || (typeof own === 'function' ? own(error) : own === true);
      return config;
    });
  }
}

export default PluginAccessClient;

import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';
import PluginMembersServer from '../plugin';

describe('plugin-members in a real NocoBase app with the ACL on', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  it('is loaded and enabled', () => {
    const plugin = app.pm.get(PluginMembersServer);
    expect(plugin).toBeInstanceOf(PluginMembersServer);
    expect(plugin.enabled).toBe(true);
  });

  it('refuses an anonymous request to a protected resource, so the ACL is really on', async () => {
    const response = await app.agent().resource('users').list();
    expect([401, 403]).toContain(response.status);
  });
});

// Every action NocoBase registers, sent as one role to routes of ours: the probe the access suites share (plugin-access's
// every-path, test/integration's every-action). Its checks fail the calling test through expect.
import { MockServer } from '@nocobase/test';

/** Every action the app's resourcer holds for any collection (its names without a resource, e.g. list, get, move). */
export const globalActions = (app: MockServer): string[] =>
  [...(app.resourceManager as any).actionHandlers.keys()].filter((name: string) => !name.includes(':'));

export interface ActionProbe {
  /** Routes with `{action}` where the action goes, e.g. `/contracts:{action}?filterByTk=3`. */
  routes: string[];
  /** Added to every route's query (after `?` or `&`), e.g. `sourceId=1&targetId=2&filterKeys[]=id`. */
  query: string;
  /** The request body; every action shape reads some of it (values, filterByTk, ids). */
  body: Record<string, unknown>;
  /** Strings that must appear in no answer (values hidden from this role). */
  secrets?: string[];
  /** What must read the same after each action as before the first (rows as plain JSON); checked after each action. */
  unchanged: () => Promise<unknown>;
}

/**
 * Sends each of globalActions(app) to each of `probe.routes` through `agent` (a signed-in supertest agent), and checks:
 * no answer is a 5xx, none holds one of `probe.secrets`, and `probe.unchanged()` reads after each action what it read
 * before. A failure names the route (or the action) at fault.
 */
export async function probeEveryAction(app: MockServer, agent: any, probe: ActionProbe) {
  const before = await probe.unchanged();
  for (const action of globalActions(app)) {
    for (const route of probe.routes) {
      const url = route.replace('{action}', action);
      const response = await agent.post(`${url}${url.includes('?') ? '&' : '?'}${probe.query}`).send(probe.body);
      const answer = `${JSON.stringify(response.body ?? '')}${response.text ?? ''}`;
      const serverError = response.status >= 500 ? (response.body ?? response.text) : false;
      expect({ url, serverError }).toEqual({ url, serverError: false });
      const leaked = (probe.secrets ?? []).filter((secret) => answer.includes(secret));
      expect({ url, leaked }).toEqual({ url, leaked: [] });
    }
    expect({ action, after: await probe.unchanged() }).toEqual({ action, after: before });
  }
}

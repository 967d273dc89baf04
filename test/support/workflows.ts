import { MockServer } from '@nocobase/test';

/**
 * Waits until NocoBase's workflow dispatcher has nothing queued nor running, and stays so for a few checks (an event
 * is queued after the transaction that caused it commits). On SQLite a workflow still writing would make the suite's
 * next write fail (SQLITE_BUSY). Throws after `timeoutMs`.
 */
export async function workflowsIdle(app: MockServer, timeoutMs = 30_000) {
  const dispatcher = (app.pm.get<any>('@nocobase/plugin-workflow') ?? app.pm.get<any>('workflow'))?.dispatcher;
  if (!dispatcher) throw new Error('the workflow plugin is not enabled in this app');
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 3) {
    if (Date.now() > deadline) throw new Error(`workflows still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    quiet = dispatcher.idle ? quiet + 1 : 0;
  }
}

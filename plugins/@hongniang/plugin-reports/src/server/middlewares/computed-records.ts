// Records the server writes are refused to every other writer before they run, root included:
// - monthly records (matchmakerMonths, agencyMonths): every role may at most read them (list, get, chart query, export)
//   and a manager recompute a month; a create, update, delete or import is refused;
// - service summaries (serviceSummaries): drafted by the server; people read, export, print, and update their plan and
//   status (which fields, on every write path: hooks/summary-writes.ts); a create, delete or import is refused.
import { Refusal } from '@hongniang/plugin-core';
import { reportsLanguage } from '../language/reports-language';

const READS = ['list', 'get', 'query', 'export', 'listMeta'];

/** The collections whose records only the server writes. */
export const COMPUTED_COLLECTIONS = ['matchmakerMonths', 'agencyMonths'];

/** Per collection the server writes: the actions open on it, and the refusal of any other (an English key). */
const SERVER_WRITTEN: Record<string, { open: Set<string>; refusal: string }> = {
  ...Object.fromEntries(
    COMPUTED_COLLECTIONS.map((collection) => [
      collection,
      {
        open: new Set([...READS, 'recompute']),
        refusal:
          "Monthly figures (matchmakers' and the agency's) are computed by the system and cannot be changed; a manager may recompute a month (recompute)",
      },
    ]),
  ),
  serviceSummaries: {
    open: new Set([...READS, 'update', 'print']),
    refusal:
      'Service summaries are drafted by the system at the end of each month: they cannot be added, deleted or imported; edit a summary’s plan or status instead',
  },
};

export async function refuseWritesToServerRecords(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName } = ctx.action || {};
  const written = SERVER_WRITTEN[resourceName];
  if (written && !written.open.has(actionName))
    throw new Refusal(reportsLanguage({ context: ctx }).t(written.refusal), { field: resourceName, status: 403 });
  await next();
}

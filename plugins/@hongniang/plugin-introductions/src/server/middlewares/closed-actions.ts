// Actions closed on introductions, for every role (root included), before they run:
// - the history and the contact releases answer reads only (the server writes them);
// - introductions and consents are not imported from spreadsheets: an import links the two members only after each row
//   is created, past the checks of the pair, and an imported stage would skip the consents it stands for.
import { Refusal } from '@hongniang/plugin-core';
import { isServerRecord, serverRecordIsReadOnly } from '../hooks/server-records';
import { introductionsLanguage } from '../language/introductions-language';

const READS = new Set(['list', 'get', 'query', 'export']);
const NOT_IMPORTED = new Set(['introductions', 'introductionConsents']);

export async function closedActions(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName } = ctx.action || {};
  const collection = associationTarget(ctx, String(resourceName || ''));
  if (isServerRecord(collection) && !READS.has(actionName)) throw serverRecordIsReadOnly(collection, { context: ctx });
  if (NOT_IMPORTED.has(collection) && ['importXlsx', 'downloadXlsxTemplate'].includes(actionName)) {
    const { t } = introductionsLanguage({ context: ctx });
    throw new Refusal(
      t(
        'Introductions and consents are not imported from spreadsheets: start each introduction so both sides are asked',
      ),
      { field: actionName },
    );
  }
  await next();
}

/** The collection a resource name serves: itself, or an association's target (`introductions.memberA`). */
function associationTarget(ctx: any, resourceName: string) {
  const [source, association] = resourceName.split('.');
  if (!association) return source;
  return (ctx.db || ctx.database).getCollection(source)?.getField(association)?.target ?? association;
}

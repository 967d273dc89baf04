// Actions closed on introductions, for every role (root included), before they run:
// - the history and the contact releases answer reads only (the server writes them);
// - introductions and consents are not imported from spreadsheets: an import links the two members only after each row
//   is created, past the checks of the pair, and an imported stage would skip the consents it stands for;
// - nor are dates and their feedback: an import links the introduction, the date and the member after each row is
//   created, past the checks that need them (whose members, which side, overlaps).
import { Refusal } from '@hongniang/plugin-core';
import { isServerRecord, serverRecordIsReadOnly } from '../hooks/server-records';
import { introductionsLanguage } from '../language/introductions-language';

const READS = new Set(['list', 'get', 'query', 'export']);
const IMPORTS = ['importXlsx', 'downloadXlsxTemplate'];
/** Collections not imported, and the sentence that says why. */
const INTRODUCTIONS_NOT_IMPORTED =
  'Introductions and consents are not imported from spreadsheets: start each introduction so both sides are asked';
const DATES_NOT_IMPORTED =
  'Dates and date feedback are not imported from spreadsheets: record each one so that its rules are checked';
const NOT_IMPORTED = new Map([
  ['introductions', INTRODUCTIONS_NOT_IMPORTED],
  ['introductionConsents', INTRODUCTIONS_NOT_IMPORTED],
  ['dates', DATES_NOT_IMPORTED],
  ['dateFeedback', DATES_NOT_IMPORTED],
]);

export async function closedActions(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName } = ctx.action || {};
  const collection = associationTarget(ctx, String(resourceName || ''));
  if (isServerRecord(collection) && !READS.has(actionName)) throw serverRecordIsReadOnly(collection, { context: ctx });
  const notImported = NOT_IMPORTED.get(collection);
  if (notImported && IMPORTS.includes(actionName)) {
    const { t } = introductionsLanguage({ context: ctx });
    throw new Refusal(t(notImported), { field: actionName });
  }
  await next();
}

/** The collection a resource name serves: itself, or an association's target (`introductions.memberA`). */
function associationTarget(ctx: any, resourceName: string) {
  const [source, association] = resourceName.split('.');
  if (!association) return source;
  return (ctx.db || ctx.database).getCollection(source)?.getField(association)?.target ?? association;
}

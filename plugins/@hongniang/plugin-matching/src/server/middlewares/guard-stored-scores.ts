// A caller with withheld criteria reads stored scores only as shaped for her (shape-suggestions.ts). Searching, sorting,
// charting or exporting by the stored ones (which count every criterion) would tell what the shaping hides: refused,
// on any path that reaches match suggestions (their own routes, a member's suggestions, a chart).
import { fieldTitle, Refusal, spreadsheetColumns } from '@hongniang/plugin-core';
import { FieldsSeenOnEveryMember, callerView } from '../matching/caller-view';
import { matchingLanguage } from '../language/matching-language';

/** The stored evaluation: the scores and reasons as matching computed them on every criterion. */
const STORED_EVALUATION = new Set(['score', 'forwardScore', 'backwardScore', 'breakdown']);
const CHART_ACTIONS = new Set(['query', 'queryData']);

type Reference = [collection: any, field: string];

export function guardStoredScores(seenOnEveryMember: () => FieldsSeenOnEveryMember) {
  return async function refuseSearchesByStoredScores(ctx: any, next: () => Promise<void>) {
    const hit = storedScoreReference(ctx);
    if (hit && (await callerView(ctx, seenOnEveryMember())).withheld.size) {
      const [collection, field] = hit;
      const language = matchingLanguage({ context: ctx });
      const message = language.t(
        'You may not search, sort, chart or export by “{{field}}”: the scores you see leave out criteria you may not view',
        { field: fieldTitle(collection, field, language) },
      );
      throw new Refusal(message, { field, status: 403 });
    }
    await next();
  };
}

/** The first reference a request makes to a stored evaluation field of a match suggestion, if any. */
function storedScoreReference(ctx: any): Reference | undefined {
  const db = ctx.db || ctx.database;
  const params = ctx.action?.params;
  if (!params || !db) return undefined;
  const chart = CHART_ACTIONS.has(ctx.action.actionName);
  const query = chart ? params.values || {} : params;
  const collection =
    chart && query.collection
      ? db.getCollection(query.collection)
      : requestedCollection(db, String(ctx.action.resourceName));
  if (!collection) return undefined;
  const references: Reference[] = [];
  inFilter(db, query.filter, collection, references);
  for (const sort of [params.sort || []].flat())
    inPath(db, String(sort).replace(/^-/, '').split('.'), collection, references);
  for (const item of [...(query.measures || []), ...(query.dimensions || []), ...(query.orders || [])]) {
    if (item?.field) inPath(db, [item.field].flat().join('.').split('.'), collection, references);
  }
  for (const column of spreadsheetColumns(params))
    if (column?.dataIndex) inPath(db, [column.dataIndex].flat().map(String), collection, references);
  return references.find(([at, field]) => at.name === 'matchSuggestions' && STORED_EVALUATION.has(field));
}

/** The collection a route reads: `matchSuggestions`, or an association's target (`members.matchSuggestions`). */
function requestedCollection(db: any, resourceName: string) {
  const [source, association] = resourceName.split('.');
  const collection = db.getCollection(source);
  if (!association) return collection;
  const target = collection?.getField(association)?.target;
  return target ? db.getCollection(target) : undefined;
}

/** Every field a filter names: `$and`/`$or`/`$not` lists, dotted paths and nested objects through associations. */
function inFilter(db: any, filter: any, collection: any, found: Reference[]) {
  if (!filter || typeof filter !== 'object') return;
  if (Array.isArray(filter)) return filter.forEach((item) => inFilter(db, item, collection, found));
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      inFilter(db, value, collection, found);
      continue;
    }
    const reached = inPath(db, key.split('.'), collection, found);
    if (reached && value && typeof value === 'object') inFilter(db, value, reached, found);
  }
}

/** Notes each step of a field path; answers the collection the path ends in when its last step is an association. */
function inPath(db: any, path: string[], collection: any, found: Reference[]) {
  let at = collection;
  for (const step of path) {
    if (!at) return undefined;
    found.push([at, step]);
    const target = at.getField(step)?.target;
    at = target ? db.getCollection(target) : undefined;
  }
  return at;
}

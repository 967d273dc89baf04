// A chart's categories in words: NocoBase's chart query answers an option field's stored value (`inService`), which an
// axis or a legend would show as it is. After the query (and its access checks), each dimension that is an option field
// (select, radio, multiple select; ours or one an admin added) gets its option's label in the caller's language: the
// English label in English (`labelEn`, which our field builders add), else the label people see in the forms.
import { localeOf } from '@hongniang/plugin-core';

type Option = { value: unknown; label?: string; labelEn?: string };

/** An admin's label may be a `{{t("…")}}` template: its text. */
const TEMPLATE = /^\{\{\s*t\(\s*"((?:[^"\\]|\\.)*)"/;
const plain = (label: string) => label.match(TEMPLATE)?.[1] ?? label;

/** The options of the field a dimension names (`status`, `member.status`, `['member', 'status']`), or null. */
function optionsOf(db: any, collectionName: string, field: string | string[]): Option[] | null {
  const path = [field].flat().flatMap((part) => String(part).split('.'));
  let collection = db.getCollection(collectionName);
  for (const [index, name] of path.entries()) {
    const found = collection?.getField(name);
    if (!found) return null;
    if (index === path.length - 1) {
      const options = found.options?.uiSchema?.enum;
      return Array.isArray(options) && options.length ? options : null;
    }
    collection = found.options?.target ? db.getCollection(found.options.target) : null;
  }
  return null;
}

/** The words of a stored value: one option, or several (a multiple select, stored as an array). */
function wordsOf(value: unknown, labels: Map<string, string>, separator: string): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => labels.get(String(item)) ?? item).join(separator);
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      return wordsOf(JSON.parse(value), labels, separator);
    } catch {
      // a plain string that starts with a bracket
    }
  }
  return labels.get(String(value)) ?? value;
}

/** Middleware on every action (after the ACL): only `charts:queryData`'s answer is changed. */
export async function labelChartCategories(ctx: any, next: () => Promise<void>) {
  await next();
  const { resourceName, actionName, params } = ctx.action || {};
  if (resourceName !== 'charts' || actionName !== 'queryData' || !Array.isArray(ctx.body)) return;
  const values = params?.values || {};
  const collectionName = values.collection;
  if (!collectionName || !ctx.db.getCollection(collectionName)) return;
  const english = localeOf({ context: ctx }).startsWith('en');
  const relabel: [string, Map<string, string>][] = [];
  for (const dimension of values.dimensions || []) {
    if (!dimension?.field) continue;
    const options = optionsOf(ctx.db, collectionName, dimension.field);
    if (!options) continue;
    const key = dimension.alias || [dimension.field].flat().join('.');
    const labels = new Map(
      options.map((option) => [
        String(option.value),
        plain(String((english && option.labelEn) || option.label || option.value)),
      ]),
    );
    relabel.push([key, labels]);
  }
  if (!relabel.length) return;
  const separator = english ? ', ' : '、';
  // New rows: the chart plugin may keep its answer in its cache.
  ctx.body = ctx.body.map((row: Record<string, unknown>) => {
    const labelled = { ...row };
    for (const [key, labels] of relabel) if (key in labelled) labelled[key] = wordsOf(labelled[key], labels, separator);
    return labelled;
  });
}

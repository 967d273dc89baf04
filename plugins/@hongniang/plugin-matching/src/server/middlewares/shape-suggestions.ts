// Stored suggestions hold the agency's full evaluation. A caller with withheld criteria reads each one as her own search
// would show it — those lines withheld, the scores from the lines she sees — whatever the route: list, get, a member's
// appended suggestions, the association route, the answer to a write. Every caller reads the criteria named in her language.
import { Model } from '@nocobase/database';
import { localeOf } from '@hongniang/plugin-core';
import { FieldsSeenOnEveryMember, callerView, withheldList } from '../matching/caller-view';
import { readSettings } from '../hooks/match-settings';
import { ReasonLine, storedForCaller } from '../matching/reasons';
import { criterionLabel } from '../language/vocabulary';

const MAX_DEPTH = 6;
const SCORES = ['score', 'forwardScore', 'backwardScore'] as const;

export function shapeStoredSuggestions(seenOnEveryMember: () => FieldsSeenOnEveryMember) {
  return async function shapeSuggestionsForCaller(ctx: any, next: () => Promise<void>) {
    await next();
    if (ctx.body == null || typeof ctx.body !== 'object') return;
    const suggestions: Model[] = [];
    collect(ctx.body, 0, suggestions);
    const shown = suggestions.filter(
      (record) => SCORES.some((key) => key in record.dataValues) || 'breakdown' in record.dataValues,
    );
    if (!shown.length) return;
    const view = await callerView(ctx, seenOnEveryMember());
    const locale = localeOf({ context: ctx });
    if (!view.withheld.size) {
      // Nothing to withhold: the reasons as stored, each criterion named in the reader's language (not the saver's).
      for (const record of shown) {
        const values = record.dataValues as Record<string, any>;
        if (Array.isArray(values.breakdown))
          values.breakdown = values.breakdown.map((line: ReasonLine) =>
            line?.criterion ? { ...line, title: criterionLabel(line.criterion, locale) } : line,
          );
      }
      return;
    }
    const { engine } = await readSettings(ctx.db);
    const breakdowns = await storedBreakdowns(ctx.db, shown);
    for (const record of shown) {
      const values = record.dataValues as Record<string, any>;
      const shaped = storedForCaller(
        { ...values, breakdown: breakdowns.get(Number(values.id)) ?? null } as any,
        view.withheld,
        engine.combination,
        locale,
      );
      for (const key of SCORES) if (key in values) values[key] = shaped[key];
      if ('breakdown' in values) values.breakdown = shaped.breakdown;
      values.withheldCriteria = withheldList(view);
    }
  };
}

/** Match-suggestion records anywhere in an answer: the records themselves, in lists, or appended to other records. */
function collect(value: any, depth: number, found: Model[]) {
  if (value == null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) return value.forEach((item) => collect(item, depth + 1, found));
  const values = value instanceof Model ? value.dataValues : value;
  if (value instanceof Model && (value.constructor as typeof Model).collection?.name === 'matchSuggestions')
    found.push(value);
  for (const item of Object.values(values)) if (item && typeof item === 'object') collect(item, depth + 1, found);
}

/** The stored reasons of these suggestions, read by id (the answer may carry only some fields). */
async function storedBreakdowns(db: any, records: Model[]): Promise<Map<number, ReasonLine[]>> {
  const ids = records.map((record) => Number(record.get('id'))).filter((id) => Number.isSafeInteger(id));
  if (!ids.length) return new Map();
  const rows: any[] = await db
    .getModel('matchSuggestions')
    .findAll({ attributes: ['id', 'breakdown'], where: { id: ids } });
  return new Map(rows.map((row) => [Number(row.get('id')), row.get('breakdown')]));
}

// What a caller may search, sort and chart by. NocoBase checks none of the fields named in `filter` or `sort` (nor a
// chart's filter), so a field she may not see could still be read by guessing values. Here, before the ACL:
// - every field a request names (filter keys at any depth, sort, fields, appends, except, a chart's measures, dimensions
//   and orders, a compound action's filterKeys, a move's sort field and scope) must be exactly a field (400 otherwise);
// - a field she may not view (in that collection, at that place) is refused with a 403 naming it;
// - a member field she sees only on her own members narrows the query to her own members (a lookup that cannot be
//   narrowed, such as firstOrCreate's, is refused instead).
import { fieldTitle, Language, namesIn, Refusal, spreadsheetColumns } from '@hongniang/plugin-core';
import { accessLanguage, forbidden } from '../privacy/access-refusal';
import { holdsJson, knownFieldName, pathOf, unknownField } from '../privacy/field-paths';
import { FieldLevels, FieldPrivacy } from '../privacy/privacy-levels';
import { isAgencyCollection, requestedCollection, viewableFields } from '../privacy/request-fields';
import { Viewer, viewerOf } from '../privacy/viewer';

/** Chart queries: NocoBase's `<collection>:query` and the data-visualization plugin's `charts:queryData`. */
const CHART_ACTIONS = new Set(['query', 'queryData']);
/** NocoBase's compound actions look a record up by `filterKeys` (values as the filter) before the ACL applies a scope. */
const COMPOUND_ACTIONS = new Set(['firstOrCreate', 'updateOrCreate']);

/** Spreadsheet actions whose `columns` name fields (`dataIndex`). */
const SPREADSHEET_ACTIONS = new Set(['downloadXlsxTemplate', 'importXlsx', 'export']);

const noColumns = (language: Language) =>
  new Refusal(language.t('Choose the columns of the import template (columns)'), { field: 'columns' });

export function guardQueries(privacy: FieldPrivacy) {
  return async function guardQueryFields(ctx: any, next: () => Promise<void>) {
    const viewer = viewerOf(ctx);
    const params = ctx.action?.params;
    if (viewer && params) {
      const actionName = ctx.action.actionName;
      const chart = CHART_ACTIONS.has(actionName);
      const query = chart ? params.values || {} : params;
      const collection = requestedCollection(ctx, chart ? query.collection : undefined);
      if (collection) {
        const guard = new QueryGuard(
          ctx,
          viewer,
          await privacy.current(),
          accessLanguage({ context: ctx }),
          collection,
        );
        guard.checkFilter(query.filter, collection);
        for (const sort of namesIn(params.sort)) guard.checkPath(pathOf(sort.replace(/^-/, '')), collection);
        for (const name of [...namesIn(params.fields), ...namesIn(params.appends), ...namesIn(params.except)])
          guard.resolvePath(pathOf(name), collection);
        if (chart) {
          const measuresAndDimensions = [...(query.measures || []), ...(query.dimensions || [])];
          for (const item of measuresAndDimensions) {
            if (item?.field) guard.checkPath(pathOf([item.field].flat().join('.')), collection);
          }
          // An order may name a measure's or dimension's alias (a month made from a date: `joinDate` as 'YYYY-MM',
          // alias `month`): that alias's own field was checked just above.
          const aliases = new Set(measuresAndDimensions.map((item) => item?.alias).filter(Boolean));
          for (const item of query.orders || []) {
            const name = [item?.field ?? ''].flat().join('.');
            if (item?.field && !aliases.has(name)) guard.checkPath(pathOf(name), collection);
          }
        }
        if (COMPOUND_ACTIONS.has(actionName))
          for (const key of namesIn(params.filterKeys)) guard.checkPath(pathOf(key), collection, 0, false);
        if (SPREADSHEET_ACTIONS.has(actionName)) {
          const columns = spreadsheetColumns(params);
          if (actionName === 'downloadXlsxTemplate' && !columns.length)
            throw noColumns(accessLanguage({ context: ctx }));
          for (const column of columns)
            guard.resolvePath(pathOf([column?.dataIndex ?? ''].flat().join('.')), collection);
        }
        if (actionName === 'move') {
          for (const name of [...namesIn(params.sortField), ...Object.keys(params.targetScope || {})])
            guard.resolvePath(pathOf(name), collection);
        }
        if (guard.narrowToOwn) query.filter = guard.ownOnly(query.filter, collection);
      }
    }
    await next();
  };
}

class QueryGuard {
  narrowToOwn = false;
  private readonly viewable = new Map<string, Set<string> | null>();

  /** Whether unknown names are refused: on our collections and on those her roles let her view (not routes open to all). */
  private readonly strict: boolean;

  constructor(
    private readonly ctx: any,
    private readonly viewer: Viewer,
    private readonly levels: FieldLevels,
    private readonly locale: Language,
    asked: any,
  ) {
    this.strict =
      isAgencyCollection(asked) ||
      Boolean(ctx.app.acl.can({ roles: viewer.roles, resource: asked.name, action: 'view' }));
  }

  /** Walks a NocoBase filter: `$and`/`$or` lists, field paths ("a.b" or nested objects), operators and their values. */
  checkFilter(filter: any, collection: any, depth = 0) {
    if (!filter || typeof filter !== 'object') return;
    if (Array.isArray(filter)) return filter.forEach((item) => this.checkFilter(item, collection, depth));
    for (const [key, value] of Object.entries(filter)) {
      if (key.startsWith('$')) {
        if (['$and', '$or', '$not'].includes(key)) this.checkFilter(value, collection, depth);
        continue;
      }
      const path = key.split('.');
      const reached = this.checkPath(path, collection, depth);
      if (reached && value && typeof value === 'object' && !Array.isArray(value))
        this.checkFilter(value, reached, depth + path.length);
    }
  }

  /**
   * Checks each step of a field path from `collection` (`depth` associations away from the records asked for) as a search:
   * each step must be a field she may search by. Answers the collection it ends in when that is an association's.
   * `narrowing`: whether a field she sees on her own members only may narrow the query (false: refused).
   */
  checkPath(path: string[], collection: any, depth = 0, narrowing = true): any {
    return this.walk(path, collection, depth, (at, fieldName, atDepth) =>
      this.checkField(at, fieldName, atDepth, narrowing),
    );
  }

  /** Checks that each step of a path names a field (fields, appends, except): what is shown is shaped afterwards. */
  resolvePath(path: string[], collection: any) {
    this.walk(path, collection, 0, () => undefined);
  }

  private walk(
    path: string[],
    collection: any,
    depth: number,
    check: (collection: any, fieldName: string, depth: number) => void,
  ): any {
    const [name, ...rest] = path;
    if (name === undefined || name.startsWith('$')) return undefined;
    const fieldName = this.fieldNamed(collection, name);
    if (!fieldName) return undefined;
    check(collection, fieldName, depth);
    const field = collection.getField(fieldName);
    const target = field?.target && (this.ctx.db || this.ctx.database).getCollection(field.target);
    if (!target) {
      // Past a plain field only operators follow (`name.$includes`); past a JSON field, a path inside its value.
      if (this.strict && rest.length && !rest[0].startsWith('$') && !holdsJson(collection, fieldName)) {
        throw unknownField(collection, `${fieldName}.${rest[0]}`, this.locale);
      }
      return undefined;
    }
    return rest.length ? this.walk(rest, target, depth + 1, check) : target;
  }

  /** The field a name refers to, spelled exactly; refused (400) when it is none and names are checked here. */
  private fieldNamed(collection: any, name: string): string | undefined {
    if (this.strict) return knownFieldName(collection, name, this.locale);
    try {
      return knownFieldName(collection, name, this.locale);
    } catch {
      return undefined;
    }
  }

  private checkField(collection: any, fieldName: string, depth: number, narrowing: boolean) {
    // The records asked for, on a route open to every signed-in user (menus, tasks): NocoBase's own rules apply there.
    if (depth === 0 && !this.ctx.app.acl.can({ roles: this.viewer.roles, resource: collection.name, action: 'view' }))
      return;
    const allowed = this.viewableFields(collection);
    if (allowed && !allowed.has(fieldName)) this.refuse(collection, fieldName);
    if (this.levels.governs(collection.name)) {
      const reach = this.viewer.reach(this.levels.levelOf(collection.name, fieldName));
      if (reach === 'every') return;
      // On the members asked for, a field she sees on her own members narrows the search to them; through an association it cannot.
      if (reach === 'own' && depth === 0 && narrowing) {
        this.narrowToOwn = true;
        return;
      }
      this.refuse(collection, fieldName);
    }
  }

  /** The filter, and "the member is hers". */
  ownOnly(filter: any, collection: any) {
    const own = { [this.levels.ownerKey(collection.name)!]: { $eq: this.viewer.userId ?? -1 } };
    return filter && Object.keys(filter).length ? { $and: [filter, own] } : own;
  }

  private viewableFields(collection: any): Set<string> | null {
    if (!this.viewable.has(collection.name))
      this.viewable.set(collection.name, viewableFields(this.ctx, this.viewer.roles, collection));
    return this.viewable.get(collection.name)!;
  }

  private refuse(collection: any, fieldName: string): never {
    throw forbidden(
      fieldName,
      this.locale.t('You may not filter, sort or chart by “{{field}}”', {
        field: fieldTitle(collection, fieldName, this.locale),
      }),
    );
  }
}

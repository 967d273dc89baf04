// What a caller may search, sort and chart by. NocoBase checks none of the fields named in `filter` or `sort` (nor a
// chart's filter), so a field she may not see could still be read by guessing values. Here, before the ACL:
// - a field she may not view (in that collection, at that place) is refused with a 403 naming it;
// - a member field she sees only on her own members narrows the query to her own members.
import { fieldTitle, localeOf } from '@hongniang/plugin-members';
import { AccessRefusal } from './access-refusal';
import { FieldLevels, FieldPrivacy, OWNER_FIELD } from './privacy-levels';
import { fieldOfKey } from './shape-records';
import { Viewer, viewerOf } from './viewer';

/** Chart queries: NocoBase's `<collection>:query` and the data-visualization plugin's `charts:queryData`. */
const CHART_ACTIONS = new Set(['query', 'queryData']);

export function guardQueries(privacy: FieldPrivacy) {
  return async function guardQueryFields(ctx: any, next: () => Promise<void>) {
    const viewer = viewerOf(ctx);
    const params = ctx.action?.params;
    if (viewer && params) {
      const chart = CHART_ACTIONS.has(ctx.action.actionName);
      const query = chart ? params.values || {} : params;
      const collection = rootCollection(ctx, chart ? query.collection : undefined);
      if (collection) {
        const guard = new QueryGuard(ctx, viewer, await privacy.current(), localeOf({ context: ctx }));
        guard.checkFilter(query.filter, collection);
        for (const sort of [params.sort || []].flat()) guard.checkPath(String(sort).replace(/^-/, '').split('.'), collection);
        if (chart) {
          for (const item of [...(query.measures || []), ...(query.dimensions || []), ...(query.orders || [])]) {
            if (item?.field) guard.checkPath([item.field].flat().join('.').split('.'), collection);
          }
        }
        if (guard.narrowToOwn) query.filter = guard.ownOnly(query.filter, collection);
      }
    }
    await next();
  };
}

/** The collection a request reads: its resource's (`members`), an association's target (`members.partnerPreferences`), or a chart's. */
function rootCollection(ctx: any, chartCollection?: string) {
  const db = ctx.db || ctx.database;
  if (chartCollection) return db.getCollection(chartCollection);
  const [source, association] = String(ctx.action.resourceName).split('.');
  const collection = db.getCollection(source);
  if (!association) return collection;
  const target = collection?.getField(association)?.target;
  return target ? db.getCollection(target) : undefined;
}

class QueryGuard {
  narrowToOwn = false;
  private readonly viewable = new Map<string, Set<string> | null>();

  constructor(private readonly ctx: any, private readonly viewer: Viewer, private readonly levels: FieldLevels, private readonly locale: string) {}

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
      if (reached && value && typeof value === 'object' && !Array.isArray(value)) this.checkFilter(value, reached, depth + path.length);
    }
  }

  /** Checks each step of a field path from `collection` (`depth` associations away from the records asked for); answers the collection it ends in when that is an association's. */
  checkPath(path: string[], collection: any, depth = 0): any {
    const [name, ...rest] = path;
    if (name.startsWith('$')) return undefined;
    const field = collection.getField(fieldOfKey(collection, name));
    if (!field) return undefined;
    this.checkField(collection, field.name, depth);
    const target = field.target && (this.ctx.db || this.ctx.database).getCollection(field.target);
    if (!target) return undefined;
    return rest.length ? this.checkPath(rest, target, depth + 1) : target;
  }

  private checkField(collection: any, fieldName: string, depth: number) {
    if (this.levels.governs(collection.name)) {
      const reach = this.viewer.reach(this.levels.levelOf(collection.name, fieldName));
      if (reach === 'every') return;
      // On the members asked for, a field she sees on her own members narrows the search to them; through an association it cannot.
      if (reach === 'own' && depth === 0) {
        this.narrowToOwn = true;
        return;
      }
      return this.refuse(collection, fieldName);
    }
    const allowed = this.viewableFields(collection);
    if (allowed && !allowed.has(fieldName)) this.refuse(collection, fieldName);
  }

  /** The filter, and "the member is hers". */
  ownOnly(filter: any, collection: any) {
    const own = { [OWNER_FIELD[collection.name]]: { $eq: this.viewer.userId ?? -1 } };
    return filter && Object.keys(filter).length ? { $and: [filter, own] } : own;
  }

  private viewableFields(collection: any): Set<string> | null {
    if (this.viewable.has(collection.name)) return this.viewable.get(collection.name)!;
    const can = this.ctx.app.acl.can({ roles: this.viewer.roles, resource: collection.name, action: 'view' });
    const { fields, appends } = can?.params || {};
    const allowed = !can ? new Set<string>() : fields || appends ? new Set<string>(['id', ...(fields || []), ...(appends || [])]) : null;
    this.viewable.set(collection.name, allowed);
    return allowed;
  }

  private refuse(collection: any, fieldName: string): never {
    const zh = fieldTitle(collection, fieldName, 'zh-CN');
    const en = fieldTitle(collection, fieldName, 'en-US');
    throw new AccessRefusal(
      fieldName,
      { 'zh-CN': `您无权按「${zh}」筛选、排序或统计`, 'en-US': `You may not filter, sort or chart by “${en}”` },
      this.locale,
    );
  }
}

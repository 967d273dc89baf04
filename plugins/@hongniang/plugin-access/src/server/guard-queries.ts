// What a caller may search, sort and chart by. NocoBase checks none of the fields named in `filter` or `sort` (nor a
// chart's filter), so a field she may not see could still be read by guessing values. Here, before the ACL:
// - a field she may not view (in that collection, at that place) is refused with a 403 naming it;
// - a member field she sees only on her own members narrows the query to her own members.
import { fieldTitle, localeOf } from '@hongniang/plugin-members';
import { AccessRefusal } from './access-refusal';
import { FieldLevels, FieldPrivacy, OWNER_FIELD } from './privacy-levels';
import { fieldOfKey, requestedCollection, viewableFields } from './request-fields';
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
      const collection = requestedCollection(ctx, chart ? query.collection : undefined);
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
    // The records asked for, on a route open to every signed-in user (menus, tasks): NocoBase's own rules apply there.
    if (depth === 0 && !this.ctx.app.acl.can({ roles: this.viewer.roles, resource: collection.name, action: 'view' })) return;
    const allowed = this.viewableFields(collection);
    if (allowed && !allowed.has(fieldName)) this.refuse(collection, fieldName);
    if (this.levels.governs(collection.name)) {
      const reach = this.viewer.reach(this.levels.levelOf(collection.name, fieldName));
      if (reach === 'every') return;
      // On the members asked for, a field she sees on her own members narrows the search to them; through an association it cannot.
      if (reach === 'own' && depth === 0) {
        this.narrowToOwn = true;
        return;
      }
      this.refuse(collection, fieldName);
    }
  }

  /** The filter, and "the member is hers". */
  ownOnly(filter: any, collection: any) {
    const own = { [OWNER_FIELD[collection.name]]: { $eq: this.viewer.userId ?? -1 } };
    return filter && Object.keys(filter).length ? { $and: [filter, own] } : own;
  }

  private viewableFields(collection: any): Set<string> | null {
    if (!this.viewable.has(collection.name)) this.viewable.set(collection.name, viewableFields(this.ctx, this.viewer.roles, collection));
    return this.viewable.get(collection.name)!;
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

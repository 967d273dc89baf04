// What the privacy checks need to know of a request's collections and of a role's view permission on them.

/** The field a stored attribute belongs to: a belongsTo's foreign key (matchmakerId) follows its association (matchmaker). */
export function fieldOfKey(collection: any, key: string): string {
  for (const field of collection.fields.values())
    if (field.type === 'belongsTo' && field.foreignKey === key) return field.name;
  return key;
}

/** The collection a request reads: its resource's (`members`), an association's target (`members.partnerPreferences`), or a chart's. */
export function requestedCollection(ctx: any, chartCollection?: string) {
  const db = ctx.db || ctx.database;
  if (chartCollection) return db.getCollection(chartCollection);
  const { source, association } = associationRoute(ctx);
  if (!association) return source;
  const target = source?.getField(association)?.target;
  return target ? db.getCollection(target) : undefined;
}

/**
 * A request's source collection and association name, from its resource: `members.partnerPreferences` (the route
 * `/members/<id>/partnerPreferences:<action>`) → { source: members' collection, association: 'partnerPreferences' };
 * `members` → { source: members' collection }. The source is undefined when no collection has that name.
 */
export function associationRoute(ctx: any): { source: any; association?: string } {
  const [sourceName, association] = String(ctx.action?.resourceName).split('.');
  return { source: (ctx.db || ctx.database).getCollection(sourceName), association };
}

/** Whether the roles reach this action of the collection through their permissions (not through a route open to everyone). */
export function grantedByRole(ctx: any, roles: string[], collection: any, actionName: string) {
  const acl = ctx.app.acl;
  return Boolean(
    collection && acl.can({ roles, resource: collection.name, action: acl.resolveActionAlias(actionName) }),
  );
}

/**
 * The fields the roles may view in a collection: null for every field; its key and title field when they may not view it
 * at all (what an association field shows as its label).
 */
export function viewableFields(ctx: any, roles: string[], collection: any): Set<string> | null {
  const can = ctx.app.acl.can({ roles, resource: collection.name, action: 'view' });
  const key = collection.filterTargetKey || 'id';
  if (!can) return new Set<string>([key, collection.titleField].filter(Boolean));
  const { fields, appends } = can.params || {};
  return fields || appends ? new Set<string>([key, ...(fields || []), ...(appends || [])]) : null;
}

/** Whether a collection is one of ours (defined by a Hongniang plugin): the agency's records, under the strictest rules. */
export const isAgencyCollection = (collection: any) =>
  String(collection?.options?.origin || '').startsWith('@hongniang/');

// What a caller may write. NocoBase silently drops the fields outside a role's list and links records named by id in a
// hasOne/hasMany value without asking whose they are; here, before the ACL, such a request is refused (403, naming the
// field), and a member a matchmaker creates without naming a matchmaker becomes hers.
import { fieldTitle, Language, namesIn, sameValue, scopeOf } from '@hongniang/plugin-core';
import { accessLanguage, forbidden } from '../privacy/access-refusal';
import { roleNamed } from '../agency/agency-roles';
import { AccessRegistry } from '../agency/registry';
import { HIDDEN_FIELDS } from './shape-records';
import { knownFieldName } from '../privacy/field-paths';
import { fieldOfKey, requestedCollection, viewableFields } from '../privacy/request-fields';
import { viewerOf } from '../privacy/viewer';

/** Fields NocoBase maintains itself and ignores in a request's values (forms may send them back). */
const IGNORED_ON_WRITE = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'sequence']);
/**
 * The permissions a write action needs, by the list each value is checked against: a compound action may end as either
 * (its lookup decides), so its values must be allowed by both; a move writes its sort field and target scope as an update.
 */
const WRITTEN_AS: Record<string, string[]> = {
  create: ['create'],
  update: ['update'],
  firstOrCreate: ['create'],
  updateOrCreate: ['create', 'update'],
};

export function guardWrites(registry: AccessRegistry) {
  return async function guardWrittenValues(ctx: any, next: () => Promise<void>) {
    const viewer = viewerOf(ctx);
    const { actionName } = ctx.action || {};
    // The collection written: the resource's, or an association's target (`members/8/partnerPreferences:update`).
    const collection = requestedCollection(ctx);
    if (viewer && collection) {
      const locale = accessLanguage({ context: ctx });
      const params = ctx.action.params;
      const associated = String(ctx.action.resourceName).includes('.');
      if (
        WRITTEN_AS[actionName] &&
        params.values &&
        typeof params.values === 'object' &&
        !Array.isArray(params.values)
      ) {
        if (actionName === 'create' && !associated)
          assignOwnRecord(ctx.app, viewer, collection, registry.ownerKey(collection.name), params.values);
        // The primary key is in every field list (it names the record): an update may re-send it, never change it; a
        // compound action may carry it only to look up by it.
        const primaryKey = collection.model.primaryKeyAttribute;
        const key = params.values[primaryKey];
        const changesKey =
          actionName === 'update'
            ? String(key) !== String(params.filterByTk)
            : actionName !== 'create' && !namesIn(params.filterKeys).includes(primaryKey);
        if (!associated && key != null && changesKey) refuse(collection, primaryKey, locale);
        // An edit form sends the record back whole: on an update of one record of an ordinary collection, a field
        // she may read but not write passes when its value is the stored one (unchangedOnRecord).
        const record =
          actionName === 'update' && !associated && params.filterByTk != null && !registry.ownerKey(collection.name)
            ? { filterByTk: params.filterByTk }
            : undefined;
        for (const action of WRITTEN_AS[actionName]) {
          await checkValues(
            ctx,
            viewer.roles,
            collection,
            action,
            params.values,
            actionName === 'update' && !associated ? params.filterByTk : undefined,
            locale,
            record,
          );
        }
      }
      if (actionName === 'move') {
        const written = Object.fromEntries(
          [...namesIn(params.sortField), ...Object.keys(params.targetScope || {})].map((name) => [name, true]),
        );
        await checkValues(ctx, viewer.roles, collection, 'update', written, undefined, locale);
      }
      if (actionName === 'importXlsx' && params.rowDefaultValues && typeof params.rowDefaultValues === 'object') {
        await checkValues(ctx, viewer.roles, collection, 'importXlsx', params.rowDefaultValues, undefined, locale);
      }
    }
    await next();
  };
}

/** A record of a private collection (a member) a matchmaker creates is hers unless she names another owner. */
function assignOwnRecord(
  app: any,
  viewer: { roles: string[]; userId: number | null },
  collection: any,
  owner: string | undefined,
  values: Record<string, any>,
) {
  if (!owner || viewer.userId === null || !viewer.roles.some((name) => roleNamed(app, name)?.ownsWhatSheCreates))
    return;
  const association = fieldOfKey(collection, owner);
  if (values[owner] == null && values[association] == null) values[association] = viewer.userId;
}

async function checkValues(
  ctx: any,
  roles: string[],
  collection: any,
  action: string,
  values: Record<string, any>,
  filterByTk: any,
  locale: Language,
  record?: { filterByTk: any },
) {
  const can = ctx.app.acl.can({ roles, resource: collection.name, action });
  // No permission at all: the ACL itself answers 403 right after.
  if (!can) return;
  const allowed: string[] | undefined = can.params?.whitelist || can.params?.fields;
  // A record sent back as it was read carries our note of what was withheld from her (shape-records.ts): not a field.
  delete values[HIDDEN_FIELDS];
  const unwritable: string[] = [];
  for (const key of Object.keys(values)) {
    // A name that is not exactly a field would be dropped, or matched case-insensitively by the database: 400.
    const field = knownFieldName(collection, key, locale);
    if (field !== key && values[field] === undefined && collection.getField(field)) {
      // A foreign key written directly (matchmakerId) is written as its association, which the field lists name.
      values[field] = values[key];
      delete values[key];
    }
    const definition = collection.getField(field);
    if (allowed && definition && !allowed.includes(field) && !IGNORED_ON_WRITE.has(definition.options.interface)) {
      unwritable.push(field);
      continue;
    }
    if (definition && ['hasOne', 'hasMany'].includes(definition.type) && values[field] != null) {
      await checkLinkedRecords(
        ctx,
        collection,
        definition,
        values[field],
        action === 'update' ? filterByTk : undefined,
        locale,
      );
    }
  }
  if (!unwritable.length) return;
  const unchanged = record
    ? await unchangedOnRecord(ctx, roles, collection, record.filterByTk, values, unwritable)
    : [];
  const changed = unwritable.find((field) => !unchanged.includes(field));
  if (changed) refuse(collection, changed, locale);
  // Sent back as stored: nothing to write, so left out (NocoBase's ACL would drop them silently).
  for (const field of unchanged) delete values[field];
}

/**
 * Of `fields` (names in `values` outside her write list), those whose sent value is the one stored on the record
 * `filterByTk`, as she reads it: only fields her roles may view, on a record within both her view and her update scope
 * (plugin-core's scopeOf), so the answer tells her nothing she could not read. A belongsTo is compared by its foreign key
 * (a value `3` or `{ id: 3 }`); other associations never pass. Returns [] when the record is not hers to reach.
 */
async function unchangedOnRecord(
  ctx: any,
  roles: string[],
  collection: any,
  filterByTk: any,
  values: Record<string, any>,
  fields: string[],
): Promise<string[]> {
  const viewable = viewableFields(ctx, roles, collection);
  const comparable = fields.filter((name) => {
    const definition = collection.getField(name);
    if (viewable && !viewable.has(name)) return false;
    return definition && !['hasOne', 'hasMany', 'belongsToMany', 'belongsToArray'].includes(definition.type);
  });
  if (!comparable.length) return [];
  const [viewScope, updateScope] = await Promise.all([
    scopeOf(ctx, collection.name, 'view'),
    scopeOf(ctx, collection.name, 'update'),
  ]);
  if (!viewScope || !updateScope) return [];
  const key = collection.filterTargetKey || collection.model.primaryKeyAttribute;
  const stored = await (ctx.db || ctx.database)
    .getRepository(collection.name)
    .findOne({ filter: { $and: [{ [key]: filterByTk }, viewScope, updateScope] } });
  if (!stored) return [];
  return comparable.filter((name) => {
    const definition = collection.getField(name);
    if (definition.type !== 'belongsTo') return sameValue(values[name], stored.get(name));
    const sent =
      values[name] && typeof values[name] === 'object' ? values[name][definition.targetKey || 'id'] : values[name];
    return sameValue(sent, stored.get(definition.foreignKey));
  });
}

/**
 * A hasOne/hasMany value naming existing records by id would move them under this record: allowed only for records
 * that already belong to it (an edit form re-sending its own sub-records), never another member's.
 */
async function checkLinkedRecords(
  ctx: any,
  collection: any,
  association: any,
  value: any,
  ownerKey: any,
  locale: Language,
) {
  const db = ctx.db || ctx.database;
  const targetKey = association.targetKey || 'id';
  const ids = [value]
    .flat()
    .map((item) => (item && typeof item === 'object' ? item[targetKey] : item))
    .filter((id) => id != null);
  if (!ids.length) return;
  const linked = await db
    .getRepository(association.target)
    .find({ filter: { [`${targetKey}.$in`]: ids }, fields: [targetKey, association.foreignKey] });
  const foreign = linked.filter(
    (record: any) => ownerKey == null || String(record.get(association.foreignKey)) !== String(ownerKey),
  );
  if (foreign.length || linked.length < new Set(ids.map(String)).size) refuse(collection, association.name, locale);
}

function refuse(collection: any, fieldName: string, locale: Language): never {
  throw forbidden(
    fieldName,
    locale.t('You may not write “{{field}}”; nothing was saved', { field: fieldTitle(collection, fieldName, locale) }),
  );
}

// The per-row rule on every read path: after an action, each record in the answer keeps only what this caller may see.
// - a member keeps a field when its privacy level reaches her on that member (every member, or her own);
// - in answers to what her roles grant her (not routes open to every signed-in user, which NocoBase shapes itself), any
//   other record reached through an association (appends) keeps only the fields her roles may view in its collection
//   (its key and title when she may not view it): NocoBase does not narrow appended records by itself.
import { Model } from '@nocobase/database';
import { FieldLevels, FieldPrivacy } from '../privacy/privacy-levels';
import { AccessRegistry } from '../agency/registry';
import { fieldOfKey, grantedByRole, requestedCollection, viewableFields } from '../privacy/request-fields';
import { Viewer, viewerOf } from '../privacy/viewer';

const MAX_DEPTH = 6;
/** The key a shaped member record names, when any, the fields withheld from the caller on it (field names, form order). */
export const HIDDEN_FIELDS = 'hiddenFields';
/** NocoBase's own bookkeeping of a record (who created or changed it, when): not the member's data, never named as withheld. */
const BOOKKEEPING = new Set(['createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'id']);

export function shapeRecords(privacy: FieldPrivacy) {
  return async function shapeRecordsForViewer(ctx: any, next: () => Promise<void>) {
    const keyAdded = askForKey(ctx, privacy.registry);
    await next();
    const viewer = viewerOf(ctx);
    if (!viewer || ctx.body == null || typeof ctx.body !== 'object') return;
    const narrowAppended = grantedByRole(ctx, viewer.roles, requestedCollection(ctx), ctx.action?.actionName);
    const levels = await privacy.current();
    const records = recordsIn(ctx.body);
    const shaper = new RecordShaper(ctx, viewer, levels, narrowAppended, await ownersNotAnswered(ctx, records, levels));
    for (const { record, appended } of records) shaper.shape(record, appended);
    if (keyAdded)
      for (const { record, appended } of records)
        if (!appended && record.constructor === keyAdded.model) delete record.dataValues[keyAdded.key];
  };
}

/**
 * A request that names `fields` of a member collection without its key gets the key too (whose member each record is
 * is read by it, see ownersNotAnswered); returns the collection's model and key when it was added, to take out again.
 */
function askForKey(ctx: any, registry: AccessRegistry): { model: any; key: string } | null {
  const params = ctx.action?.params;
  const collection = requestedCollection(ctx);
  if (!collection || !Array.isArray(params?.fields) || !params.fields.length || !registry.ownerKey(collection.name))
    return null;
  const key = collection.model.primaryKeyAttribute;
  if (params.fields.includes(key)) return null;
  params.fields = [...params.fields, key];
  return { model: collection.model, key };
}

/**
 * Every record (a database Model) an answer holds, up to MAX_DEPTH, parents before what they hold, each with whether it
 * was reached through another record (appends). A list's { rows, count }, or a custom action's plain answer: its
 * records are root records.
 */
function recordsIn(value: any, found: { record: Model; appended: boolean }[] = [], depth = 0, appended = false) {
  if (value == null || typeof value !== 'object' || depth > MAX_DEPTH) return found;
  const inside = value instanceof Model ? value.dataValues : value;
  if (value instanceof Model) found.push({ record: value, appended });
  for (const item of Array.isArray(inside) ? inside : Object.values(inside)) {
    if (item && typeof item === 'object') recordsIn(item, found, depth + 1, appended || value instanceof Model);
  }
  return found;
}

/**
 * Whose member each governed record is when the answer left its owner field out (a request naming `fields`): per
 * collection, primary key → owner id (or null), read in one query per collection with bound keys. Empty when every
 * record carries its owner.
 */
async function ownersNotAnswered(
  ctx: any,
  records: { record: Model }[],
  levels: FieldLevels,
): Promise<Map<string, Map<string, unknown>>> {
  const missing = new Map<string, { collection: any; keys: Set<unknown> }>();
  for (const { record } of records) {
    const collection = (record.constructor as typeof Model).collection;
    if (!collection || !levels.governs(collection.name) || levels.ownerKey(collection.name)! in record.dataValues)
      continue;
    const key = record.get(collection.model.primaryKeyAttribute);
    if (key == null) continue;
    if (!missing.has(collection.name)) missing.set(collection.name, { collection, keys: new Set() });
    missing.get(collection.name)!.keys.add(key);
  }
  const owners = new Map<string, Map<string, unknown>>();
  for (const [name, { collection, keys }] of missing) {
    const primaryKey = collection.model.primaryKeyAttribute;
    const rows = await collection.model.findAll({
      attributes: [primaryKey, levels.ownerKey(name)!],
      where: { [primaryKey]: [...keys] },
      raw: true,
      transaction: ctx.transaction,
    });
    owners.set(name, new Map(rows.map((row: any) => [String(row[primaryKey]), row[levels.ownerKey(name)!]])));
  }
  return owners;
}

class RecordShaper {
  private readonly viewable = new Map<string, Set<string> | null>();
  /** Per collection and owner kind, the fields withheld (see keepVisibleOfMember). */
  private readonly hidden = new Map<string, string[]>();

  constructor(
    private readonly ctx: any,
    private readonly viewer: Viewer,
    private readonly levels: FieldLevels,
    private readonly narrowAppended: boolean,
    /** See ownersNotAnswered. */
    private readonly owners: Map<string, Map<string, unknown>>,
  ) {}

  /** One record of the answer: a member by her fields' levels, any other reached through appends by the roles' lists. */
  shape(record: Model, appended: boolean) {
    const collection = (record.constructor as typeof Model).collection;
    const values = record.dataValues as Record<string, any>;
    if (collection && this.levels.governs(collection.name)) this.keepVisibleOfMember(collection, values);
    else if (collection && appended && this.narrowAppended) this.keepViewable(collection, values);
  }

  /**
   * A member's fields, each kept when her roles may view it and its level reaches her on this member. The record then
   * names, in HIDDEN_FIELDS, the fields of the member form she may not see on it (so a page can tell hidden from unfilled):
   * which ones depends on her roles and on whose member it is, never on the values.
   */
  private keepVisibleOfMember(collection: any, values: Record<string, any>) {
    const ownerField = this.levels.ownerKey(collection.name)!;
    const owner =
      ownerField in values
        ? values[ownerField]
        : this.owners.get(collection.name)?.get(String(values[collection.model.primaryKeyAttribute]));
    const own = this.viewer.userId !== null && owner != null && Number(owner) === this.viewer.userId;
    const allowed = this.viewableFields(collection);
    const visible = (field: string, key = field) => {
      const reach = this.viewer.reach(this.levels.levelOf(collection.name, field));
      return (!allowed || allowed.has(field) || allowed.has(key)) && (reach === 'every' || (reach === 'own' && own));
    };
    for (const key of Object.keys(values)) if (!visible(fieldOfKey(collection, key), key)) delete values[key];
    // The same for every member of one owner kind (hers, or another's): worked out once per answer.
    const kind = `${collection.name}:${own}`;
    if (!this.hidden.has(kind)) {
      this.hidden.set(
        kind,
        [...collection.fields.values()]
          .filter(
            (field: any) =>
              field.options.interface &&
              !BOOKKEEPING.has(field.options.interface) &&
              field.type !== 'virtual' &&
              !visible(field.name),
          )
          .map((field: any) => field.name),
      );
    }
    const hidden = this.hidden.get(kind)!;
    if (hidden.length) values[HIDDEN_FIELDS] = [...hidden];
  }

  /** A record reached through an association: only what the viewer's roles may view in its collection. */
  private keepViewable(collection: any, values: Record<string, any>) {
    const allowed = this.viewableFields(collection);
    if (!allowed) return;
    for (const key of Object.keys(values)) if (!allowed.has(fieldOfKey(collection, key))) delete values[key];
  }

  private viewableFields(collection: any): Set<string> | null {
    if (!this.viewable.has(collection.name))
      this.viewable.set(collection.name, viewableFields(this.ctx, this.viewer.roles, collection));
    return this.viewable.get(collection.name)!;
  }
}

// The per-row rule on every read path: after an action, each record in the answer keeps only what this caller may see.
// - a member keeps a field when its privacy level reaches her on that member (every member, or her own, or a member
//   whose level a feature disclosed to her through plugin-core's discloseToViewer: one query per answer);
// - in answers to what her roles grant her (not routes open to every signed-in user, which NocoBase shapes itself), any
//   other record reached through an association (appends) keeps only the fields her roles may view in its collection
//   (its key and title when she may not view it): NocoBase does not narrow appended records by itself.
import { Disclosures, disclosuresOf, hasDisclosures, PrivacyLevel } from '@hongniang/plugin-core';
import { Model } from '@nocobase/database';
import { FieldLevels, FieldPrivacy, PRIVACY_LEVELS } from '../privacy/privacy-levels';
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
    const owners = new Owners(levels, await ownersNotAnswered(ctx, records, levels));
    const disclosed = await disclosedTo(ctx, viewer, records, owners);
    const shaper = new RecordShaper(ctx, viewer, levels, narrowAppended, owners, disclosed);
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

/** Whose each governed record is: its owner field, or what ownersNotAnswered read when the answer left it out. */
class Owners {
  constructor(
    readonly levels: FieldLevels,
    private readonly read: Map<string, Map<string, unknown>>,
  ) {}

  of(collection: any, values: Record<string, any>): unknown {
    const ownerField = this.levels.ownerKey(collection.name)!;
    return ownerField in values
      ? values[ownerField]
      : this.read.get(collection.name)?.get(String(values[collection.model.primaryKeyAttribute]));
  }
}

/**
 * The levels features disclosed to the viewer (plugin-core's disclosuresOf) on the governed records of the answer that
 * are not hers, per collection: one call per collection, and only where it can change something (a provider is
 * registered, and some level reaches her on her own records only: a disclosure never widens a level she sees on none).
 */
async function disclosedTo(
  ctx: any,
  viewer: Viewer,
  records: { record: Model }[],
  owners: Owners,
): Promise<Map<string, Disclosures>> {
  const disclosed = new Map<string, Disclosures>();
  if (viewer.userId === null || !PRIVACY_LEVELS.some(({ value }) => viewer.reach(value) === 'own')) return disclosed;
  const others = new Map<string, number[]>();
  for (const { record } of records) {
    const collection = (record.constructor as typeof Model).collection;
    if (!collection || !owners.levels.governs(collection.name) || !hasDisclosures(ctx.app, collection.name)) continue;
    const values = record.dataValues as Record<string, any>;
    const key = values[collection.model.primaryKeyAttribute];
    const owner = owners.of(collection, values);
    if (key == null || (owner != null && Number(owner) === viewer.userId)) continue;
    if (!others.has(collection.name)) others.set(collection.name, []);
    others.get(collection.name)!.push(Number(key));
  }
  for (const [name, ids] of others)
    disclosed.set(name, await disclosuresOf(ctx.app, ctx.db, name, viewer.userId, ids, ctx.transaction));
  return disclosed;
}

const NOTHING_DISCLOSED = new Set<PrivacyLevel>();

class RecordShaper {
  private readonly viewable = new Map<string, Set<string> | null>();
  /** Per collection and owner kind, the fields withheld (see keepVisibleOfMember). */
  private readonly hidden = new Map<string, string[]>();

  constructor(
    private readonly ctx: any,
    private readonly viewer: Viewer,
    private readonly levels: FieldLevels,
    private readonly narrowAppended: boolean,
    private readonly owners: Owners,
    /** See disclosedTo. */
    private readonly disclosed: Map<string, Disclosures>,
  ) {}

  /** One record of the answer: a member by her fields' levels, any other reached through appends by the roles' lists. */
  shape(record: Model, appended: boolean) {
    const collection = (record.constructor as typeof Model).collection;
    const values = record.dataValues as Record<string, any>;
    if (collection && this.levels.governs(collection.name)) this.keepVisibleOfMember(collection, values);
    else if (collection && appended && this.narrowAppended) this.keepViewable(collection, values);
  }

  /**
   * A member's fields, each kept when her roles may view it and its level reaches her on this member: on every member, or
   * on her own and on those where a feature disclosed that level to her. The record then names, in HIDDEN_FIELDS, the
   * fields of the member form she may not see on it (so a page can tell hidden from unfilled): which ones depends on her
   * roles, on whose member it is and on what was disclosed to her, never on the values.
   */
  private keepVisibleOfMember(collection: any, values: Record<string, any>) {
    const owner = this.owners.of(collection, values);
    const own = this.viewer.userId !== null && owner != null && Number(owner) === this.viewer.userId;
    const disclosed =
      (!own && this.disclosed.get(collection.name)?.get(Number(values[collection.model.primaryKeyAttribute]))) ||
      NOTHING_DISCLOSED;
    const allowed = this.viewableFields(collection);
    const visible = (field: string, key = field) => {
      const level = this.levels.levelOf(collection.name, field);
      const reach = this.viewer.reach(level);
      return (
        (!allowed || allowed.has(field) || allowed.has(key)) &&
        (reach === 'every' || (reach === 'own' && (own || disclosed.has(level))))
      );
    };
    for (const key of Object.keys(values)) if (!visible(fieldOfKey(collection, key), key)) delete values[key];
    // The same for every member of one kind (hers, or another's with the same levels disclosed): worked out once per answer.
    const kind = `${collection.name}:${own}:${[...disclosed].sort().join(',')}`;
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

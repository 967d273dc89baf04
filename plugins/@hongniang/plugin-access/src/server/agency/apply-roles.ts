// Writes the agency's roles (agency-roles.ts, with every plugin's declared grants: registry.ts) into NocoBase's ACL
// tables, through the repositories so that the ACL in memory follows; and keeps the field lists by privacy level of
// those roles in step with 字段隐私.
import { ActionGrant, AGENCY_ROLES, AgencyRole } from './agency-roles';
import { FieldLevels, FieldPrivacy } from '../privacy/privacy-levels';
import { AccessRegistry } from './registry';
import { grantLaterMenus, recordGrants } from './later-grants';

/** Creates each agency role that does not exist yet; an existing role (perhaps edited in the Roles page) is left as it is. */
export async function applyAgencyRoles(db: any, privacy: FieldPrivacy, transaction?: any) {
  const levels = await privacy.current({ transaction });
  const roles = db.getRepository('roles');
  for (const role of privacy.registry.roles()) {
    if (await roles.findOne({ filterByTk: role.name, transaction })) continue;
    await roles.create({
      values: {
        name: role.name,
        title: role.title,
        // A manager configures pages: the menus she adds are hers; the others get theirs from `menus`.
        allowNewMenu: role.menus === '*',
        strategy: { actions: role.strategy },
        snippets: role.snippets,
        resources: await resourcesOf(db, privacy.registry, role, levels, transaction),
      },
      transaction,
    });
  }
}

/** The role's per-collection grants as NocoBase resources (one after another: SQLite takes one transaction at a time). */
async function resourcesOf(
  db: any,
  registry: AccessRegistry,
  role: AgencyRole,
  levels: FieldLevels,
  transaction?: any,
) {
  const resources: any[] = [];
  for (const collectionName of Object.keys(role.resources)) {
    if (!db.hasCollection(collectionName)) continue;
    resources.push(await resourceOf(db, registry, role, collectionName, levels, transaction));
  }
  return resources;
}

/** One collection's grants of a role as a NocoBase resource: each action with its field list and data scope. */
export async function resourceOf(
  db: any,
  registry: AccessRegistry,
  role: AgencyRole,
  collectionName: string,
  levels: FieldLevels,
  transaction?: any,
) {
  const actions: any[] = [];
  for (const [action, grant] of Object.entries(role.resources[collectionName])) {
    actions.push({
      name: action,
      fields: fieldsOf(db, collectionName, grant, levels),
      scopeId: grant.scope ? await ownScopeId(db, registry, collectionName, transaction) : null,
    });
  }
  return { name: collectionName, usingActionsConfig: true, actions };
}

/** The field list of a grant: never empty (an empty list means "no fields" to NocoBase's view and "all" to its writes). */
export function fieldsOf(db: any, collectionName: string, grant: ActionGrant, levels: FieldLevels): string[] {
  const collection = db.getCollection(collectionName);
  const all: string[] = [...collection.fields.keys()];
  const chosen = grant.fields
    ? grant.fields.filter((field) => all.includes(field))
    : !grant.levels || !levels.governs(collectionName)
      ? all
      : all.filter((field) => grant.levels!.includes(levels.levelOf(collectionName, field)));
  // A belongsTo brings its key (matchmaker → matchmakerId): whose a member is decides what else of her shows.
  const keys = chosen
    .map((name) => collection.getField(name))
    .filter((field: any) => field?.type === 'belongsTo')
    .map((field: any) => field.foreignKey);
  // The primary key names the record, it tells nothing about her: without it in the target's list, NocoBase's ACL strips
  // it from a nested value (the member form re-sending her preference set) and the save creates a second record.
  // An update may not change it (guard-writes.ts).
  const primaryKey = collection.model.primaryKeyAttribute;
  return [
    ...new Set(
      [...chosen, ...keys, ...(primaryKey ? [primaryKey] : [])].filter(
        (key: string) => collection.model.getAttributes()[key] || chosen.includes(key),
      ),
    ),
  ];
}

/** The "own" data scope of a collection, created once and shared by every role that uses it. */
async function ownScopeId(db: any, registry: AccessRegistry, collectionName: string, transaction?: any) {
  const own = registry.ownScope(collectionName);
  if (!own) throw new Error(`no plugin declares what "own" ${collectionName} are (declareAccess ownScopes)`);
  const scopes = db.getRepository('dataSourcesRolesResourcesScopes');
  const key = `hongniang-own-${collectionName}`;
  const existing = await scopes.findOne({ filter: { key }, transaction });
  if (existing) return existing.get('id');
  const created = await scopes.create({
    values: { key, name: own.title, resourceName: collectionName, scope: own.filter },
    transaction,
  });
  return created.get('id');
}

/**
 * After 字段隐私 changed, or a field was added to a governed collection: rewrites the field lists of the agency roles'
 * level-based grants (a new field is archive-level until the agency says otherwise).
 */
export async function syncFieldLists(db: any, privacy: FieldPrivacy, transaction?: any) {
  // Before this plugin's install (other plugins registering their fields) there are no agency roles to follow.
  if (
    !(await db.getRepository('roles').count({ filter: { name: AGENCY_ROLES.map((role) => role.name) }, transaction }))
  )
    return;
  // Read inside the saving transaction (other connections see the old levels until it commits), forgotten after it.
  privacy.invalidate();
  transaction?.afterCommit?.(() => privacy.invalidate());
  const levels = await privacy.current({ transaction });
  const actions = db.getRepository('dataSourcesRolesResourcesActions');
  for (const role of privacy.registry.roles()) {
    for (const [collectionName, grants] of Object.entries(role.resources)) {
      if (!db.hasCollection(collectionName) || !levels.governs(collectionName)) continue;
      const resource = await db.getRepository('dataSourcesRolesResources').findOne({
        filter: { roleName: role.name, name: collectionName, dataSourceKey: 'main' },
        transaction,
      });
      if (!resource) continue;
      for (const [action, grant] of Object.entries(grants)) {
        if (!grant.levels) continue;
        const record = await actions.findOne({
          filter: { rolesResourceId: resource.get('id'), name: action },
          transaction,
        });
        if (record)
          await actions.update({
            filterByTk: record.get('id'),
            values: { fields: fieldsOf(db, collectionName, grant, levels) },
            transaction,
          });
      }
    }
  }
}

/**
 * At an upgrade: each existing agency role gets the named-field grants the plugins now declare (users' roles, roles'
 * names, for the 红娘 picker of issue 12): fields added to a list, a missing resource or action created. Nothing an admin
 * granted is taken away; grants by privacy level follow 字段隐私 instead (syncFieldLists).
 */
export async function grantStaffLabels(db: any, registry: AccessRegistry, transaction?: any) {
  const resources = db.getRepository('dataSourcesRolesResources');
  const actions = db.getRepository('dataSourcesRolesResourcesActions');
  for (const role of registry.roles()) {
    if (!(await db.getRepository('roles').findOne({ filterByTk: role.name, transaction }))) continue;
    for (const [collectionName, grants] of Object.entries(role.resources)) {
      const named = Object.entries(grants).filter(([, grant]) => grant.fields);
      if (!named.length || !db.hasCollection(collectionName)) continue;
      const filter = { roleName: role.name, name: collectionName, dataSourceKey: 'main' };
      const resource = await resources.findOne({ filter, transaction });
      if (!resource) {
        const granted = named.map(([action, grant]) => ({ name: action, fields: grant.fields }));
        await resources.create({ values: { ...filter, usingActionsConfig: true, actions: granted }, transaction });
        continue;
      }
      for (const [action, grant] of named) {
        const record = await actions.findOne({
          filter: { rolesResourceId: resource.get('id'), name: action },
          transaction,
        });
        const fields = [...new Set([...(record?.get('fields') || []), ...grant.fields!])];
        if (record) await actions.update({ filterByTk: record.get('id'), values: { fields }, transaction });
        else
          await actions.create({ values: { rolesResourceId: resource.get('id'), name: action, fields }, transaction });
      }
    }
  }
}

/**
 * Gives each agency role without any menu yet its menu pages (by blueprint name, as the plugins declare them), with
 * their groups and tabs, once the pages are seeded: at installation, or at the upgrade that adds this plugin to an
 * existing agency. A role with menus is the admin's; it gets only pages a plugin declares later, once each
 * (later-grants.ts).
 */
export async function grantMenus(db: any, registry: AccessRegistry, transaction?: any) {
  if (!db.hasCollection('desktopRoutes') || !db.hasCollection('seededPages')) return;
  const routes: { id: number; parentId: number | null }[] = await db
    .getModel('desktopRoutes')
    .findAll({ attributes: ['id', 'parentId'], raw: true, transaction });
  const seeded: { blueprint: string; routeId: string }[] = await db
    .getModel('seededPages')
    .findAll({ attributes: ['blueprint', 'routeId'], raw: true, transaction });
  const routeOf = new Map(seeded.map((page) => [page.blueprint, Number(page.routeId)]));
  const byId = new Map(routes.map((route) => [route.id, route]));
  /** The routes that show these pages: each page, its groups up the tree, its tabs down it. */
  const showing = (chosen: { id: number; parentId: number | null }[]) => {
    const granted = new Set<number>();
    const withAncestors = (route: any) => {
      for (let at = route; at && !granted.has(at.id); at = byId.get(at.parentId)) granted.add(at.id);
    };
    const withDescendants = (id: number) =>
      routes
        .filter((route) => route.parentId === id && !granted.has(route.id))
        .forEach((child) => (granted.add(child.id), withDescendants(child.id)));
    chosen.forEach((route) => (withAncestors(route), withDescendants(route.id)));
    return [...granted];
  };
  const pages = (names: string[]) => names.map((name) => byId.get(routeOf.get(name)!)!).filter((route) => route);
  for (const role of registry.roles()) {
    const granted = showing(role.menus === '*' ? routes : pages(role.menus));
    if (!granted.length || !(await db.getRepository('roles').count({ filter: { name: role.name }, transaction })))
      continue;
    const menus = db.getRepository('roles.desktopRoutes', role.name);
    if (await menus.count({ transaction })) continue;
    await menus.add(granted, { transaction });
    if (role.menus !== '*')
      await recordGrants(
        db,
        role.menus.map((name) => `menu:${role.name}:${name}`),
        transaction,
      );
  }
  await grantLaterMenus(db, registry, (blueprint) => showing(pages([blueprint])), transaction);
}

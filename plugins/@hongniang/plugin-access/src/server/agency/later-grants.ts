// Grants a feature brings to an agency installed before it (its collections and its pages): each agency role that
// exists gets, once, what the plugins now declare for it and it lacks — never again after that, so what an admin takes
// away in the Roles page stays away. Each grant applied is recorded in appliedDefaults (`grant:<role>:<collection>`,
// `menu:<role>:<blueprint>`); a new installation records them as it writes its roles and menus.
import { FieldPrivacy } from '../privacy/privacy-levels';
import { AccessRegistry } from './registry';
import { resourceOf } from './apply-roles';

const marker = {
  grant: (role: string, collection: string) => `grant:${role}:${collection}`,
  menu: (role: string, blueprint: string) => `menu:${role}:${blueprint}`,
};

/** Records `names` as applied (appliedDefaults); answers those that were not recorded before. */
export async function recordGrants(db: any, names: string[], transaction?: any): Promise<Set<string>> {
  const applied = db.getRepository('appliedDefaults');
  const known = new Set(
    (await applied.find({ filter: { name: names }, transaction })).map((row: any) => row.get('name') as string),
  );
  const fresh = names.filter((name) => !known.has(name));
  if (fresh.length) await applied.createMany({ records: fresh.map((name) => ({ name })), transaction });
  return new Set(fresh);
}

/**
 * Each existing agency role gets each collection a plugin declares for it, once: when the role has no resource for that
 * collection yet, the declared one is created (actions, field lists by 字段隐私, own-records scope); a resource the role
 * already has (an admin's, or written at installation) is left as it is. Answers the "role:collection" pairs granted.
 */
export async function grantLaterCollections(db: any, privacy: FieldPrivacy, transaction?: any): Promise<string[]> {
  const granted: string[] = [];
  const levels = await privacy.current({ transaction });
  const resources = db.getRepository('dataSourcesRolesResources');
  for (const role of privacy.registry.roles()) {
    if (!(await db.getRepository('roles').findOne({ filterByTk: role.name, transaction }))) continue;
    const collections = Object.keys(role.resources).filter((name) => db.hasCollection(name));
    const fresh = await recordGrants(
      db,
      collections.map((name) => marker.grant(role.name, name)),
      transaction,
    );
    for (const collectionName of collections) {
      if (!fresh.has(marker.grant(role.name, collectionName))) continue;
      const filter = { roleName: role.name, name: collectionName, dataSourceKey: 'main' };
      if (await resources.findOne({ filter, transaction })) continue;
      const resource = await resourceOf(db, privacy.registry, role, collectionName, levels, transaction);
      await resources.create({ values: { ...resource, roleName: role.name, dataSourceKey: 'main' }, transaction });
      granted.push(`${role.name}:${collectionName}`);
    }
  }
  return granted;
}

/**
 * Each agency role that already has menus (an installed agency's) gets, once, the pages plugins declare for it that it
 * lacks, with their group and tabs. `routesOf(blueprint)` answers the route ids to add (the page, its ancestors, its
 * tabs). Answers the "role:blueprint" pairs granted.
 */
export async function grantLaterMenus(
  db: any,
  registry: AccessRegistry,
  routesOf: (blueprint: string) => number[],
  transaction?: any,
): Promise<string[]> {
  const granted: string[] = [];
  for (const role of registry.roles()) {
    if (role.menus === '*') continue;
    if (!(await db.getRepository('roles').findOne({ filterByTk: role.name, transaction }))) continue;
    const fresh = await recordGrants(
      db,
      role.menus.map((blueprint) => marker.menu(role.name, blueprint)),
      transaction,
    );
    const menus = db.getRepository('roles.desktopRoutes', role.name);
    const has = new Set((await menus.find({ transaction })).map((route: any) => Number(route.get('id'))));
    for (const blueprint of role.menus) {
      if (!fresh.has(marker.menu(role.name, blueprint))) continue;
      const missing = routesOf(blueprint).filter((id) => !has.has(id));
      if (!missing.length) continue;
      await menus.add(missing, { transaction });
      missing.forEach((id) => has.add(id));
      granted.push(`${role.name}:${blueprint}`);
    }
  }
  return granted;
}

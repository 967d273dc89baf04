// The agency's roles (主管 / 红娘 / 前台, and those a feature adds through plugin-core's declareAccess `agencyRoles`, as
// contracts adds 财务), as data: who they are and how far each privacy level reaches for them. What each may do with a
// feature's collections, its snippets and menus, the feature declares (its roles.ts); registry.ts merges both. Applied to NocoBase's ACL once (install, or an upgrade that
// finds one missing); afterwards the Roles page owns them, except the field lists by privacy level, which follow 字段隐私.
import { accessDeclarations, ActionGrant, PrivacyLevel, Reach } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';

export type { ActionGrant, Reach };

export interface AgencyRole {
  name: string;
  title: string;
  /** Per privacy level: on which records the role sees those fields (the per-row rule of every read path). */
  sees: Record<PrivacyLevel, Reach>;
  /** Actions on every collection (NocoBase's role strategy), for roles that work on the whole agency. */
  strategy: string[];
  snippets: string[];
  /** Per collection, per action: filled from the plugins' declarations (registry.ts). */
  resources: Record<string, Record<string, ActionGrant>>;
  /** The menu pages she gets at installation, by blueprint name ('*': every page), with their groups and tabs. */
  menus: string[] | '*';
  /** Whether the records she creates are hers: a member she creates without naming a matchmaker is assigned to her. */
  ownsWhatSheCreates?: boolean;
}

const EVERYTHING: Record<PrivacyLevel, Reach> = {
  introduction: 'every',
  archive: 'every',
  contact: 'every',
  sensitive: 'every',
};
const NO_CONFIGURATION = ['!ui.*', '!pm', '!pm.*'];

export const AGENCY_ROLES: AgencyRole[] = [
  // Configures pages and charts (ui.*); plugins add their settings snippets.
  {
    name: 'manager',
    title: '主管',
    sees: EVERYTHING,
    strategy: ['view', 'create', 'update', 'destroy', 'export', 'importXlsx'],
    snippets: ['ui.*', '!pm'],
    menus: '*',
    resources: {},
  },
  {
    name: 'matchmaker',
    title: '红娘',
    sees: { introduction: 'every', archive: 'own', contact: 'own', sensitive: 'none' },
    strategy: [],
    snippets: NO_CONFIGURATION,
    menus: [],
    resources: {},
    ownsWhatSheCreates: true,
  },
  {
    name: 'intake',
    title: '前台',
    sees: { introduction: 'every', archive: 'every', contact: 'none', sensitive: 'none' },
    strategy: [],
    snippets: NO_CONFIGURATION,
    menus: [],
    resources: {},
  },
];

/**
 * The agency roles of this app: the three above, then each role a loaded plugin declares (`agencyRoles`), in load order,
 * with no configuration rights and no grants of its own yet (the declarations' `roles` give them). A declared name that
 * is already an agency role changes nothing.
 */
export function agencyRoles(app: Application): AgencyRole[] {
  const roles = [...AGENCY_ROLES];
  for (const declaration of accessDeclarations(app))
    for (const [name, { title, sees }] of Object.entries(declaration.agencyRoles || {}))
      if (!roles.some((role) => role.name === name))
        roles.push({ name, title, sees, strategy: [], snippets: NO_CONFIGURATION, menus: [], resources: {} });
  return roles;
}

export const roleNamed = (app: Application, name: string) => agencyRoles(app).find((role) => role.name === name);

// What each feature plugin declares about access, as data: its grants per agency role, its private collections and
// their owners, its "own records" scopes, its menus. The access plugin reads the declarations of the plugins loaded in
// the same app and applies them; it names no feature, and a feature runs the same with access disabled (nothing then
// reads its declaration).
import { Application } from '@nocobase/server';
import { appState } from '../app/app-state';

/**
 * How private a field is (字段隐私):
 * - introduction 介绍可见: what an introduction needs; every role that may view the records sees it on every record;
 * - archive 档案 (a field not listed): the working archive; a matchmaker sees it on her own records;
 * - contact 联系方式: how to reach the person; her own matchmaker and managers;
 * - sensitive 敏感: managers only.
 */
export type PrivacyLevel = 'introduction' | 'archive' | 'contact' | 'sensitive';

/** On which records a role sees the fields of a privacy level: every record, her own (`ownerKey`), or none. */
export type Reach = 'every' | 'own' | 'none';

/**
 * An agency role a feature adds beside 主管, 红娘 and 前台 (财务, added by contracts): her title and how far each privacy
 * level of the private collections reaches for her. What she may do is declared in `roles` under her name, as for the
 * others; she starts without configuration rights (no ui.*, no plugin settings).
 */
export interface AgencyRoleDeclaration {
  title: string;
  sees: Record<PrivacyLevel, Reach>;
}

/** A role's permission on one action of a collection: its fields (all, or those at some privacy levels, or named) and rows. */
export interface ActionGrant {
  /** Field list by privacy level (a private collection only); every field when neither this nor `fields` is given. */
  levels?: PrivacyLevel[];
  /** Field list by name: kept when an upgrade finds the role edited (names are added, never taken away). */
  fields?: string[];
  /** Rows: every row when absent; `own`: the collection's own-records scope (`ownScopes`). */
  scope?: 'own';
}

/** What one agency role (by name: manager, matchmaker, intake, or one a plugin adds) gets from one plugin. */
export interface RoleGrants {
  /** Per collection, per action name (view, create, update, destroy, export, importXlsx, or the plugin's own). */
  resources?: Record<string, Record<string, ActionGrant>>;
  /** Actions the role holds on every collection (NocoBase's role strategy); for roles that work on the whole agency. */
  strategy?: string[];
  /** ACL snippets the role holds (`acl.registerSnippet` names, e.g. `pm.<plugin name>`). */
  snippets?: string[];
  /** Menu pages the role gets at installation, by blueprint name (the file name in `src/blueprints`, no extension). */
  menus?: string[];
}

/** A collection whose fields have privacy levels, and whose records belong to a member's matchmaker. */
export interface PrivateCollection {
  /** The stored attribute holding the owner's user id (members: `matchmakerId`). */
  ownerKey: string;
  /** The levels a new installation starts with: field names per level (unlisted fields are `archive`). */
  defaultLevels: Partial<Record<PrivacyLevel, string[]>>;
  /** Each field's group on the plugin's forms ({ fieldName: groupTitle }), shown beside it on the 字段隐私 page. */
  fieldGroups?: () => Record<string, string>;
}

/** "Her own" records of a collection, as a NocoBase data scope (`{{$user.id}}` is the signed-in user), with its title. */
export interface OwnScope {
  title: string;
  filter: Record<string, unknown>;
}

export interface AccessDeclaration {
  /** Agency roles the plugin adds, by name (a role access already has keeps its own definition). */
  agencyRoles?: Record<string, AgencyRoleDeclaration>;
  /** By agency role name. */
  roles?: Record<string, RoleGrants>;
  /** By collection name. */
  privateCollections?: Record<string, PrivateCollection>;
  /** By collection name: what `scope: 'own'` means there. */
  ownScopes?: Record<string, OwnScope>;
}

const declared = (app: Application) => appState(app, 'accessDeclarations', () => new Map<string, AccessDeclaration>());

/**
 * Declares, from a plugin's `load()`, what access should grant on its collections (see AccessDeclaration). `source` names
 * the declaring plugin (its package name); declaring again replaces that plugin's declaration.
 */
export function declareAccess(app: Application, source: string, declaration: AccessDeclaration) {
  declared(app).set(source, declaration);
}

/** Every declaration made in this app, in the order the plugins loaded. */
export function accessDeclarations(app: Application): AccessDeclaration[] {
  return [...declared(app).values()];
}

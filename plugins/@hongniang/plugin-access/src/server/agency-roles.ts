// The agency's roles (主管 / 红娘 / 前台), as data. Applied to NocoBase's ACL once (install, or an upgrade that finds one
// missing); afterwards the Roles page owns them, except the member field lists, which follow 字段隐私.
import { PrivacyLevel } from './privacy-levels';

/** On which members a role sees the fields of a privacy level. */
export type Reach = 'every' | 'own' | 'none';

/** A role's permission on one action of a collection: its fields (all, or those at some privacy levels) and its rows. */
export interface ActionGrant {
  /** Field list: privacy levels of a governed collection, named fields, or every field when absent. */
  levels?: PrivacyLevel[];
  fields?: string[];
  /** Rows: every row when absent; `own` = members assigned to the user (or records of such members). */
  scope?: 'own';
}

export interface AgencyRole {
  name: string;
  title: string;
  /** Per privacy level of member fields: on which members the role sees them (the per-row rule of every read path). */
  sees: Record<PrivacyLevel, Reach>;
  /** Actions on every collection (NocoBase's role strategy), for roles that work on the whole agency. */
  strategy: string[];
  snippets: string[];
  /** Per collection, per action (view, create, update, destroy, export, importXlsx, match…). */
  resources: Record<string, Record<string, ActionGrant>>;
  /** The menu pages she gets at installation, by title ('*': every page), with their groups and tabs. */
  menus: string[] | '*';
  /** Whether the user's new records are hers: a member she creates without naming a matchmaker is assigned to her. */
  ownsWhatSheCreates?: boolean;
}

const EVERYTHING: Record<PrivacyLevel, Reach> = { introduction: 'every', archive: 'every', contact: 'every', sensitive: 'every' };
/**
 * A user's label in association fields (the matchmaker column), nothing more of the staff's accounts; and her roles by
 * name, so the 红娘 picker can list the matchmakers (owner-pickers.ts).
 */
const STAFF_LABEL: ActionGrant = { fields: ['id', 'nickname', 'username', 'roles'] };
const ROLE_NAMES: ActionGrant = { fields: ['name', 'title'] };

export const AGENCY_ROLES: AgencyRole[] = [
  {
    name: 'manager',
    title: '主管',
    sees: EVERYTHING,
    strategy: ['view', 'create', 'update', 'destroy', 'export', 'importXlsx', 'match'],
    // Pages and charts: configures the UI (ui.*); the matching settings and batch run (the matching plugin's snippet).
    snippets: ['ui.*', '!pm', 'pm.@hongniang/plugin-matching', 'pm.async-task-manager'],
    menus: '*',
    resources: { users: { view: STAFF_LABEL }, roles: { view: ROLE_NAMES } },
  },
  {
    name: 'matchmaker',
    title: '红娘',
    sees: { introduction: 'every', archive: 'own', contact: 'own', sensitive: 'none' },
    strategy: [],
    snippets: ['!ui.*', '!pm', '!pm.*'],
    menus: ['会员列表', '推荐记录'],
    ownsWhatSheCreates: true,
    resources: {
      members: {
        view: { levels: ['introduction', 'archive', 'contact'] },
        create: { levels: ['introduction', 'archive', 'contact'] },
        update: { levels: ['introduction', 'archive', 'contact'], scope: 'own' },
        match: { scope: 'own' },
      },
      partnerPreferences: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
      matchSuggestions: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
      ageGroupBands: { view: {} },
      users: { view: STAFF_LABEL },
      roles: { view: ROLE_NAMES },
    },
  },
  {
    name: 'intake',
    title: '前台',
    sees: { introduction: 'every', archive: 'every', contact: 'none', sensitive: 'none' },
    strategy: [],
    snippets: ['!ui.*', '!pm', '!pm.*'],
    menus: ['会员列表'],
    resources: {
      members: {
        view: { levels: ['introduction', 'archive'] },
        // Takes down how to reach a new client at the desk, but does not read it back afterwards.
        create: { levels: ['introduction', 'archive', 'contact'] },
        update: { levels: ['introduction', 'archive'] },
      },
      partnerPreferences: { view: {}, create: {}, update: {} },
      ageGroupBands: { view: {} },
      users: { view: STAFF_LABEL },
      roles: { view: ROLE_NAMES },
    },
  },
];

/** "Her own" records per collection, as a NocoBase data scope (the member's assigned matchmaker is the current user). */
export const OWN_SCOPES: Record<string, object> = {
  members: { matchmakerId: { $eq: '{{$user.id}}' } },
  partnerPreferences: { member: { matchmakerId: { $eq: '{{$user.id}}' } } },
  matchSuggestions: { $or: [{ member: { matchmakerId: { $eq: '{{$user.id}}' } } }, { candidate: { matchmakerId: { $eq: '{{$user.id}}' } } }] },
};

export const roleNamed = (name: string) => AGENCY_ROLES.find((role) => role.name === name);

import { createMockServer, MockServer } from '@nocobase/test';
import { copyTemplate, ensureTemplate, Target, templateName, templatesEnabled } from './installed-template';
import { freshSqliteFile, removeSqliteFile } from './sqlite-file';

import { listPlugins, requiredNocoBasePlugins } from '../../scripts/lib/workspace';

/** NocoBase plugins every Hongniang app stands on (users, sign-in, roles and permissions, the main data source). */
export const FOUNDATION_PLUGINS = [
  'error-handler',
  'field-sort',
  'users',
  'auth',
  'acl',
  'data-source-manager',
  'data-source-main',
  // Before system-settings, whose install stores the logo through the file manager's default storage.
  'file-manager',
  'system-settings',
  'field-sequence',
  'flow-engine',
  'ui-schema-storage',
  'client',
  'ui-templates',
  'block-markdown',
  'action-import',
  'action-export',
  'async-task-manager',
];

/** Every plugin of ours, by package name, as `npm start` enables them. */
export const HONGNIANG_PLUGINS: string[] = listPlugins().map((plugin: { name: string }) => plugin.name);

/** Plugins of ours that speak for all the others (roles over every collection, pages of every plugin): their suites boot all. */
const OVER_EVERY_PLUGIN = ['@hongniang/plugin-access', '@hongniang/plugin-core'];

/**
 * The plugins of ours a suite boots when it names none: a suite inside a plugin's folder boots that plugin, the plugins
 * it depends on (package.json) and access (the agency roles its tests sign in with); access's and core's suites, and those
 * outside the plugins (test/integration), boot all of them. Booting fewer keeps a suite's app quick as plugins are added.
 */
export function pluginsForSuite(testPath: string = expect.getState().testPath || ''): string[] {
  const folder = /plugins\/@hongniang\/(plugin-[a-z-]+)\//.exec(testPath)?.[1];
  const own = folder && `@hongniang/${folder}`;
  if (!own || OVER_EVERY_PLUGIN.includes(own) || !HONGNIANG_PLUGINS.includes(own)) return HONGNIANG_PLUGINS;
  const plugins: { name: string; needs: string[] }[] = listPlugins();
  const wanted = new Set<string>();
  const add = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    plugins.find((plugin) => plugin.name === name)?.needs.forEach(add);
  };
  add(own);
  add('@hongniang/plugin-access');
  return HONGNIANG_PLUGINS.filter((name) => wanted.has(name));
}

export interface AppOptions {
  /** Extra NocoBase plugins the suite needs beside the foundation. */
  plugins?: string[];
  /** Create the seeded pages (menus, blocks) at install; slow (about a minute), so only suites about pages ask. */
  pages?: boolean;
  /** Our plugins to enable (package names; in dependency order whatever the order given): `pluginsForSuite()` when absent. */
  ours?: string[];
}

/**
 * Boots a real NocoBase app with our plugins and the ACL switched on. Create one per test file (it takes seconds).
 * The app starts from a copy of the same installation made earlier in the run (./installed-template), as `npm start`
 * meets an existing database; `fresh: true`, or HONGNIANG_TEST_TEMPLATES=0, installs it instead.
 */
export async function createHongniangApp(options: AppOptions & { fresh?: boolean } = {}): Promise<MockServer> {
  const ours = HONGNIANG_PLUGINS.filter((name) => (options.ours || pluginsForSuite()).includes(name));
  const plugins = [
    ...FOUNDATION_PLUGINS,
    // What ours need beside the foundation (workflows and in-app messages for the reminders, charts, regions).
    ...requiredNocoBasePlugins(ours),
    ...(options.plugins || []),
    ...ours,
  ];
  const seedPages = options.pages === true;
  if (options.fresh || !templatesEnabled()) return bootApp({ plugins, seedPages, install: true });
  const name = templateName({ plugins, seedPages });
  await ensureTemplate(name, async (target) => {
    const app = await bootApp({ plugins, seedPages, install: true, target, keep: true });
    await app.destroy();
  });
  const target = suiteTarget();
  await copyTemplate(name, target);
  return bootApp({ plugins, seedPages, install: false, target });
}

/** The suite's own database: a fresh SQLite file, or the worker's server database (test/setup/server-env.js). */
function suiteTarget(): Target {
  const storage = freshSqliteFile();
  if (storage) return { dialect: 'sqlite', storage };
  return { dialect: process.env.DB_DIALECT as 'postgres' | 'mariadb', database: process.env.DB_DATABASE as string };
}

/**
 * Boots the app on its database (`target`; by default a fresh SQLite file, or the worker's server database), installing
 * it first when `install` says so, and waits for its start-up work. A SQLite file is removed when the app is destroyed.
 */
async function bootApp(boot: {
  plugins: string[];
  seedPages: boolean;
  install: boolean;
  target?: Target;
  /** Keep the SQLite file when the app is destroyed (a template). */
  keep?: boolean;
}) {
  const target = boot.target || suiteTarget();
  const database = target.dialect === 'sqlite' ? { storage: target.storage } : { database: target.database };
  // seedPages is read by plugin-core from the app options (a mock server passes unknown options through).
  const app = await createMockServer({
    acl: true,
    plugins: boot.plugins,
    seedPages: boot.seedPages,
    database,
    skipInstall: !boot.install,
    // Registered before our plugins' own afterInstall work (page blueprints), which asks which plugins are enabled.
    beforeInstall: async (app: MockServer) => {
      app.on('afterInstall', () => recordEnabledPlugins(app));
    },
  } as Parameters<typeof createMockServer>[0]);
  if (target.dialect === 'sqlite' && !boot.keep) app.on('afterDestroy', () => removeSqliteFile(target.storage));
  await startupWorkDone(app);
  return app;
}

/**
 * Waits for the work our plugins start beside the app (the matching index warm-up, which also prunes the change journal,
 * and the learned signals' history):
 * on SQLite its write would race a suite's first transaction, and SQLite fails the one that read first (SQLITE_BUSY).
 */
export async function startupWorkDone(app: MockServer) {
  await app.pm.get<any>('@hongniang/plugin-matching')?.pool?.current();
  // Matching's learned signals, read from the history as the app starts.
  await app.pm.get<any>('@hongniang/plugin-matching')?.learned?.current();
  // The reminders' first sweep, started with the app (plugin-follow-ups).
  await app.pm.get<any>('@hongniang/plugin-follow-ups')?.sweeper?.idle();
}

/**
 * A mock server keeps its plugins in memory only; a real app lists them in applicationPlugins, where NocoBase's
 * flowSurfaces looks before it creates an import or export button.
 */
async function recordEnabledPlugins(app: MockServer) {
  const records = [...app.pm.getPlugins().values()]
    .map((plugin: any) => ({ name: plugin.name, packageName: plugin.options?.packageName }))
    .filter((plugin) => plugin.packageName);
  await app.db.getRepository('applicationPlugins').createMany({
    records: records.map((plugin) => ({ ...plugin, enabled: true, installed: true, builtIn: true })),
  });
}

/**
 * The app a suite's tests share: booted before them, then handed to the suite's own set-up (which keeps it and adds the
 * members and staff its tests need), and destroyed after them. `timeout` is the set-up's limit when it does much.
 */
export function appForSuite(
  setUp: (app: MockServer) => Promise<unknown>,
  options: AppOptions & { timeout?: number } = {},
) {
  let app: MockServer | undefined;
  beforeAll(async () => {
    app = await createHongniangApp(options);
    await setUp(app);
  }, options.timeout);
  afterAll(async () => {
    await app?.destroy();
  });
}

/** Creates a user holding the given roles (the first is her default). */
export async function createUser(app: MockServer, values: { nickname: string; roles: string[]; email?: string }) {
  const users = app.db.getRepository('users');
  return users.create({
    values: {
      nickname: values.nickname,
      email: values.email || `${values.nickname.replace(/\W+/g, '.').toLowerCase()}@example.test`,
      roles: values.roles.map((name) => ({ name })),
    },
  });
}

/** An HTTP agent signed in as the user, acting in the given role. */
export async function signInAs(app: MockServer, user: { id: number } | number, roleName: string) {
  return app.agent().login(user as any, roleName);
}

/** The administrator created at installation (root role). */
export async function rootUser(app: MockServer) {
  return app.db.getRepository('users').findOne({ filter: { 'roles.name': 'root' } });
}

/** An HTTP agent signed in as the administrator created at installation, in the root role. */
export async function signInAsRoot(app: MockServer) {
  return signInAs(app, await rootUser(app), 'root');
}

/** The staff of a test agency: one account per agency role, two matchmakers (李静's and 王芳's members differ). */
export const AGENCY_STAFF = {
  manager: 'manager',
  lijing: 'matchmaker',
  wangfang: 'matchmaker',
  intake: 'intake',
} as const;
export type StaffName = keyof typeof AGENCY_STAFF;

/**
 * Creates staff accounts and signs each in, in her role: `as.lijing` is an agent, `users.lijing` her id. By default the
 * whole agency (AGENCY_STAFF); a suite that needs fewer, or other names, gives its own { nickname: role } table.
 */
export async function signInStaff<Name extends string = StaffName>(
  app: MockServer,
  staff: Record<Name, string> = AGENCY_STAFF as Record<string, string> as Record<Name, string>,
) {
  const as = {} as Record<Name, any>;
  const users = {} as Record<Name, number>;
  for (const [nickname, role] of Object.entries(staff) as [Name, string][]) {
    const user = await createUser(app, { nickname, roles: [role] });
    users[nickname] = user.get('id');
    as[nickname] = await signInAs(app, user, role);
  }
  return { as, users };
}

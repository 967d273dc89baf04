import { Application } from '@nocobase/server';
import fs from 'fs';
import path from 'path';
import { appState } from '../app/app-state';
import { readCodeFile } from './code-includes';

/**
 * A plugin's page blueprints: the JSON files in its blueprints directory (src/blueprints, dist/blueprints once built).
 * A JS action or block may name its code by `"codeFile"` (relative to that directory) instead of inlining it.
 */
export function readBlueprints(directory: string) {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const document = JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8'));
      for (const { settings } of codeSettings(document)) settings.codeFile = path.resolve(directory, settings.codeFile);
      return { name: path.basename(file, '.json'), document };
    });
}

/** Every `settings` object that names its code by file, and whether that code renders UI (a JS field or block) or acts. */
function codeSettings(node: any, found: { settings: any; renders: boolean }[] = []) {
  if (Array.isArray(node)) node.forEach((item) => codeSettings(item, found));
  else if (node && typeof node === 'object') {
    if (typeof node.settings?.codeFile === 'string') {
      found.push({
        settings: node.settings,
        renders: node.renderer === 'js' || (typeof node.type === 'string' && /^js./.test(node.type)),
      });
    }
    Object.values(node).forEach((value) => codeSettings(value, found));
  }
  return found;
}

export class BlueprintError extends Error {}

export type BlueprintExtension = (document: any) => void;
/** Finishes a page just created from a blueprint, on its flow models: what a blueprint cannot say (rules inside a popup). */
export type PageFinish = (app: Application) => Promise<void>;

/** What the plugins of one app asked of its pages: extensions and finishing steps by blueprint, listeners after seeding. */
interface PageRequests {
  extensions: Map<string, BlueprintExtension[]>;
  finishes: Map<string, PageFinish[]>;
  seeded: PageFinish[];
}

// On the app, not in this module: each plugin may hold its own copy of plugin-core's modules (../app/app-state.ts).
const requestsOf = (app: Application) =>
  appState<PageRequests>(app, 'pageRequests', () => ({ extensions: new Map(), finishes: new Map(), seeded: [] }));

const register = <T>(registry: Map<string, T[]>, name: string, item: T) => {
  const known = registry.get(name) || [];
  if (!known.includes(item)) registry.set(name, [...known, item]);
};

/** The name that extends every blueprint: a field a plugin adds to another's collection, in each popup showing it. */
export const EVERY_BLUEPRINT = '*';

/**
 * Lets another plugin add to one of ours before it is applied (e.g. matching adds 找对象 to the member popup), and
 * finish the page once created (matching gives 找对象 its linkage rules). Called in a plugin's load(). `name`
 * `EVERY_BLUEPRINT` ('*') extends every blueprint, after the blueprint's own extensions.
 */
export function extendBlueprint(
  app: Application,
  name: string,
  extension: BlueprintExtension | null,
  finish?: PageFinish,
) {
  const requests = requestsOf(app);
  if (extension) register(requests.extensions, name, extension);
  if (finish) register(requests.finishes, name, finish);
}

/** Runs `listener` each time the pages of every plugin have been applied (at installation, upgrade, enabling a plugin). */
export function afterPagesSeeded(app: Application, listener: PageFinish) {
  const { seeded } = requestsOf(app);
  if (!seeded.includes(listener)) seeded.push(listener);
}

/** Calls the afterPagesSeeded listeners in turn; plugin-core's own step after applying every plugin's blueprints. */
export async function pagesSeeded(app: Application) {
  for (const listener of requestsOf(app).seeded) await listener(app);
}

/**
 * Applies each blueprint once through flowSurfaces:applyBlueprint (the same handler the HTTP API runs, as root).
 * A blueprint already applied is skipped for good: what an admin rearranged, renamed or removed afterwards stays so.
 * A refused blueprint is logged and retried at the next start; it never keeps the app from starting. Answers how many
 * pages were created.
 */
export async function seedPages(app: Application, blueprints: { name: string; document: any }[]): Promise<number> {
  const seeded = app.db.getRepository('seededPages');
  let created = 0;
  for (const { name, document } of blueprints) {
    if (await seeded.findOne({ filter: { blueprint: name } })) continue;
    try {
      const { extensions } = requestsOf(app);
      for (const extend of [...(extensions.get(name) || []), ...(extensions.get(EVERY_BLUEPRINT) || [])])
        extend(document);
      const codes = stubCodeFiles(name, document);
      const result = await applyBlueprint(app, document);
      await installCode(app, codes);
      await seeded.create({
        values: {
          blueprint: name,
          pageSchemaUid: result.target?.pageSchemaUid,
          routeId: String(result.surface?.pageRoute?.id ?? ''),
        },
      });
      created++;
      app.log.info(`[hongniang] page "${document.page?.title}" created from blueprint ${name}`);
    } catch (error) {
      app.log.error(`[hongniang] page blueprint ${name} not applied: ${(error as Error).message}`);
      continue;
    }
    // After the page is recorded as seeded: a finishing step that fails must not make the next start create it twice.
    for (const finish of requestsOf(app).finishes.get(name) || []) {
      await finish(app).catch((error) =>
        app.log.error(`[hongniang] page from blueprint ${name} not finished: ${error.message}`),
      );
    }
  }
  return created;
}

/**
 * flowSurfaces' authoring check only lets RunJS call a collection's standard actions, not a plugin's own (members:match).
 * So JS code from files goes in as a marked stub, then is saved into its flow model the way the UI's code editor saves it.
 */
function stubCodeFiles(blueprint: string, document: any): Map<string, string> {
  const codes = new Map<string, string>();
  codeSettings(document).forEach(({ settings, renders }, i) => {
    const marker = `hongniang-code:${blueprint}:${i};`;
    codes.set(marker, readCodeFile(settings.codeFile));
    delete settings.codeFile;
    // The authoring check wants code that renders to call ctx.render at its top level.
    settings.code = `// ${marker}\n${renders ? "ctx.render('…');" : "ctx.message.info('…');"}`;
  });
  return codes;
}

async function installCode(app: Application, codes: Map<string, string>) {
  if (!codes.size) return;
  const repository: any = app.db.getRepository('flowModels');
  const rows: any[] = await app.db.getModel('flowModels').findAll({ attributes: ['uid', 'options'], raw: true });
  const installed = new Set<string>();
  for (const row of rows) {
    const text = typeof row.options === 'string' ? row.options : JSON.stringify(row.options);
    const marker = [...codes.keys()].find((key) => text.includes(key));
    if (!marker) continue;
    const model = await repository.findModelById(row.uid);
    const runJs = Object.values(model.stepParams || {}).find((step: any) => step?.runJs?.code?.includes(marker)) as any;
    if (!runJs) continue;
    runJs.runJs.code = codes.get(marker);
    await repository.upsertModel(model);
    installed.add(marker);
  }
  const missing = [...codes.keys()].filter((marker) => !installed.has(marker));
  if (missing.length)
    throw new BlueprintError(
      `JS code not installed for ${missing.join(', ')}: its action was not found after the page was created`,
    );
}

function applyBlueprint(app: Application, document: any) {
  return callFlowSurfaces(app, 'applyBlueprint', document).catch((error) => {
    throw new BlueprintError(`blueprint "${document.page?.title}": ${error.message}`);
  });
}

/** Runs one flowSurfaces action (applyBlueprint, setActionLinkageRules, configure…) as root, through its HTTP handler. */
export async function callFlowSurfaces(app: Application, actionName: string, values: any) {
  const handler = app.resourceManager.getResource('flowSurfaces')?.getAction(actionName)?.getHandler();
  if (!handler)
    throw new BlueprintError(`flowSurfaces:${actionName} is not available (is plugin-flow-engine enabled?)`);
  const ctx: any = {
    app,
    db: app.db,
    action: { resourceName: 'flowSurfaces', actionName, params: { values } },
    request: { method: 'POST', path: `/api/flowSurfaces:${actionName}` },
    state: { currentRoles: ['root'], currentRole: 'root' },
    i18n: app.i18n,
    getCurrentLocale: () => process.env.INIT_APP_LANG || 'zh-CN',
    status: 200,
    body: undefined,
  };
  await handler(ctx, async () => {});
  if (ctx.status >= 400 || !ctx.body)
    throw new BlueprintError(`flowSurfaces:${actionName} was refused (${ctx.status}): ${JSON.stringify(ctx.body)}`);
  return ctx.body;
}

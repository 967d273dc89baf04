import { Application } from '@nocobase/server';
import fs from 'fs';
import path from 'path';

/** A plugin's page blueprints: the JSON files in its blueprints directory (src/blueprints, dist/blueprints once built). */
export function readBlueprints(directory: string) {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: path.basename(file, '.json'), document: JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) }));
}

export class BlueprintError extends Error {}

/**
 * Applies each blueprint once through flowSurfaces:applyBlueprint (the same handler the HTTP API runs, as root).
 * A blueprint already applied is skipped for good: what an admin rearranged, renamed or removed afterwards stays so.
 * A refused blueprint is logged and retried at the next start; it never keeps the app from starting.
 */
export async function seedPages(app: Application, blueprints: { name: string; document: any }[]) {
  const seeded = app.db.getRepository('seededPages');
  for (const { name, document } of blueprints) {
    if (await seeded.findOne({ filter: { blueprint: name } })) continue;
    try {
      const result = await applyBlueprint(app, document);
      await seeded.create({ values: { blueprint: name, pageSchemaUid: result.target?.pageSchemaUid, routeId: String(result.surface?.pageRoute?.id ?? '') } });
      app.log.info(`[hongniang] page "${document.page?.title}" created from blueprint ${name}`);
    } catch (error) {
      app.log.error(`[hongniang] page blueprint ${name} not applied: ${(error as Error).message}`);
    }
  }
}

async function applyBlueprint(app: Application, document: any) {
  const handler = app.resourceManager.getResource('flowSurfaces')?.getAction('applyBlueprint')?.getHandler();
  if (!handler) throw new BlueprintError('flowSurfaces:applyBlueprint is not available (is plugin-flow-engine enabled?)');
  const ctx: any = {
    app,
    db: app.db,
    action: { resourceName: 'flowSurfaces', actionName: 'applyBlueprint', params: { values: document } },
    request: { method: 'POST', path: '/api/flowSurfaces:applyBlueprint' },
    state: { currentRoles: ['root'], currentRole: 'root' },
    i18n: app.i18n,
    getCurrentLocale: () => process.env.INIT_APP_LANG || 'zh-CN',
    status: 200,
    body: undefined,
  };
  await handler(ctx, async () => {});
  if (ctx.status >= 400 || !ctx.body) {
    throw new BlueprintError(`blueprint "${document.page?.title}" was refused (${ctx.status}): ${JSON.stringify(ctx.body)}`);
  }
  return ctx.body;
}

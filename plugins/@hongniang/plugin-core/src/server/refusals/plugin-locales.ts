import fs from 'fs';
import path from 'path';

/**
 * Adds a plugin's `locale/<lang>.json` files (beside its `server` folder: src in development and tests, dist once built)
 * to the app's i18n under the plugin's package name. NocoBase loads them itself only for a request's language, on the
 * first request in it; a database operation without a request (a script, a workflow) needs them before.
 */
export function addPluginLocales(i18n: any, packageName: string, basePath: string) {
  const directory = path.resolve(basePath, 'locale');
  if (!fs.existsSync(directory)) return;
  for (const file of fs.readdirSync(directory).filter((name) => name.endsWith('.json'))) {
    const texts = JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8'));
    i18n.addResourceBundle(path.basename(file, '.json'), packageName, texts, true, true);
  }
}

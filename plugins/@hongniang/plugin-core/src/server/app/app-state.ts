import { Application } from '@nocobase/server';

/**
 * State of ours kept on the app object, under a global symbol: each plugin may hold its own copy of plugin-core's
 * modules (NocoBase and jest load plugins through separate module registries), so a module-level map would not be
 * shared between the plugin that registers and the one that reads. Answers the app's value, created by `init` once.
 */
export function appState<T>(app: Application, key: string, init: () => T): T {
  const slot = Symbol.for(`hongniang.${key}`);
  const holder = app as unknown as Record<symbol, T>;
  if (!(slot in holder)) holder[slot] = init();
  return holder[slot];
}

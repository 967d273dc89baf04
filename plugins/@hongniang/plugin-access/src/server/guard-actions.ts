// Refuses, on our collections and for every role but root, an action that action-kinds.ts does not list.
import { localeOf } from '@hongniang/plugin-members';
import { AccessRefusal } from './access-refusal';
import { GUARDED_ACTIONS } from './action-kinds';
import { isAgencyCollection, requestedCollection } from './request-fields';
import { viewerOf } from './viewer';

export async function guardActions(ctx: any, next: () => Promise<void>) {
  const { actionName, resourceName } = ctx.action || {};
  const collection = viewerOf(ctx) && !GUARDED_ACTIONS[actionName] ? requestedCollection(ctx) : undefined;
  // A plugin of ours that registers `<collection>:<action>` (members:match) guards that action itself.
  const custom = (name: string) => ctx.app.resourceManager.getRegisteredHandler(`${name}:${actionName}`);
  if (collection && isAgencyCollection(collection) && !custom(resourceName) && !custom(collection.name)) {
    throw new AccessRefusal(
      actionName,
      {
        'zh-CN': `操作「${actionName}」未对红娘的数据开放（未经权限审查），请联系管理员`,
        'en-US': `The action “${actionName}” is not open on the agency’s records (not reviewed for permissions); ask an administrator`,
      },
      localeOf({ context: ctx }),
    );
  }
  await next();
}

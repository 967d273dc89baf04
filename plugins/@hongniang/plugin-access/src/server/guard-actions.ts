// Which actions run on our collections at all:
// - for every role but root, an action that action-kinds.ts does not list is refused (403);
// - for everyone, an action a one-to-one association route cannot serve (`members/1/partnerPreferences:list`, where
//   NocoBase's has-one repository has no list and answers 500) is refused with 400 naming what it offers.
import { collectionTitle, localeOf, MemberInputError } from '@hongniang/plugin-core';
import { AccessRefusal } from './access-refusal';
import { GUARDED_ACTIONS, SINGLE_ASSOCIATION_ACTIONS } from './action-kinds';
import { isAgencyCollection, requestedCollection } from './request-fields';
import { viewerOf } from './viewer';

export async function guardActions(ctx: any, next: () => Promise<void>) {
  const { actionName, resourceName } = ctx.action || {};
  const collection = requestedCollection(ctx);
  if (collection && isAgencyCollection(collection)) {
    const locale = localeOf({ context: ctx });
    // A plugin of ours that registers `<collection>:<action>` (members:match) guards that action itself.
    const custom = (name: string) => ctx.app.resourceManager.getRegisteredHandler(`${name}:${actionName}`);
    if (viewerOf(ctx) && !GUARDED_ACTIONS[actionName] && !custom(resourceName) && !custom(collection.name)) throw unreviewed(actionName, locale);
    if (singleAssociation(ctx) && !SINGLE_ASSOCIATION_ACTIONS.includes(actionName)) throw notOnOne(collection, actionName, locale);
  }
  await next();
}

/** Whether the request goes through a has-one or belongs-to association (`<source>/<id>/<association>:<action>`). */
function singleAssociation(ctx: any) {
  const [source, association] = String(ctx.action?.resourceName).split('.');
  if (!association) return false;
  const type = (ctx.db || ctx.database).getCollection(source)?.getField(association)?.type;
  return type === 'hasOne' || type === 'belongsTo';
}

const unreviewed = (actionName: string, locale: string) =>
  new AccessRefusal(
    actionName,
    {
      'zh-CN': `操作「${actionName}」未对红娘的数据开放（未经权限审查），请联系管理员`,
      'en-US': `The action “${actionName}” is not open on the agency’s records (not reviewed for permissions); ask an administrator`,
    },
    locale,
  );

const notOnOne = (collection: any, actionName: string, locale: string) =>
  new MemberInputError(
    actionName,
    {
      'zh-CN': `每位会员只有一份「${collectionTitle(collection, 'zh-CN')}」，不支持操作「${actionName}」；可用：${SINGLE_ASSOCIATION_ACTIONS.join('、')}`,
      'en-US': `There is one ${collectionTitle(collection, 'en-US')} per record here, so “${actionName}” does not apply; use one of: ${SINGLE_ASSOCIATION_ACTIONS.join(', ')}`,
    },
    locale,
  );

// Which actions run on our collections at all:
// - for every role but root, an action that action-kinds.ts does not list is refused (403);
// - for everyone, an action a one-to-one association route cannot serve (`members/1/partnerPreferences:list`, where
//   NocoBase's has-one repository has no list and answers 500) is refused with 400 naming what it offers.
import { collectionTitle, Language, Refusal } from '@hongniang/plugin-core';
import { accessLanguage, forbidden } from '../privacy/access-refusal';
import { GUARDED_ACTIONS, SINGLE_ASSOCIATION_ACTIONS } from '../privacy/action-kinds';
import { isAgencyCollection, requestedCollection } from '../privacy/request-fields';
import { viewerOf } from '../privacy/viewer';

export async function guardActions(ctx: any, next: () => Promise<void>) {
  const { actionName, resourceName } = ctx.action || {};
  const collection = requestedCollection(ctx);
  if (collection && isAgencyCollection(collection)) {
    const locale = accessLanguage({ context: ctx });
    // A plugin of ours that registers `<collection>:<action>` (members:match) guards that action itself.
    const custom = (name: string) => ctx.app.resourceManager.getRegisteredHandler(`${name}:${actionName}`);
    if (viewerOf(ctx) && !GUARDED_ACTIONS[actionName] && !custom(resourceName) && !custom(collection.name))
      throw unreviewed(actionName, locale);
    if (singleAssociation(ctx) && !SINGLE_ASSOCIATION_ACTIONS.includes(actionName))
      throw notOnOne(collection, actionName, locale);
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

const unreviewed = (actionName: string, language: Language) =>
  forbidden(
    actionName,
    language.t(
      'The action “{{action}}” is not open on the agency’s records (not reviewed for permissions); ask an administrator',
      { action: actionName },
    ),
  );

const notOnOne = (collection: any, actionName: string, language: Language) =>
  new Refusal(
    language.t('There is one {{collection}} per record here, so “{{action}}” does not apply; use one of: {{actions}}', {
      collection: collectionTitle(collection, language),
      action: actionName,
      actions: language.list(SINGLE_ASSOCIATION_ACTIONS),
    }),
    { field: actionName },
  );

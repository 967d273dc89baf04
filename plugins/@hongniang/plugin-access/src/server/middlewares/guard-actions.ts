// Which actions run on our collections at all:
// - for every role but root, an action that action-kinds.ts does not list is refused (403);
// - for everyone, an action a one-to-one association route cannot serve (`members/1/partnerPreferences:list`, where
//   NocoBase's has-one repository has no list and answers 500) is refused with 400 naming what it offers;
// - for everyone, a route through an association one of our collections does not have (`members/1/contracts:get`,
//   where NocoBase's handlers find no repository and answer 500) is refused with 404 naming the association;
// - for everyone, a write through an association route whose source record does not exist (`dates/99999/feedback:create`,
//   where NocoBase's repository reads a property of null and answers 500) is refused with 404 naming the record.
import { collectionTitle, Language, Refusal } from '@hongniang/plugin-core';
import { accessLanguage, forbidden } from '../privacy/access-refusal';
import { GUARDED_ACTIONS, SINGLE_ASSOCIATION_ACTIONS } from '../privacy/action-kinds';
import { associationRoute, isAgencyCollection, requestedCollection } from '../privacy/request-fields';
import { viewerOf } from '../privacy/viewer';

export async function guardActions(ctx: any, next: () => Promise<void>) {
  const { actionName, resourceName } = ctx.action || {};
  refuseUnknownAssociation(ctx);
  const collection = requestedCollection(ctx);
  if (collection && isAgencyCollection(collection)) {
    const locale = accessLanguage({ context: ctx });
    // A plugin of ours that registers `<collection>:<action>` (members:match) guards that action itself.
    const custom = (name: string) => ctx.app.resourceManager.getRegisteredHandler(`${name}:${actionName}`);
    if (viewerOf(ctx) && !GUARDED_ACTIONS[actionName] && !custom(resourceName) && !custom(collection.name))
      throw unreviewed(actionName, locale);
    if (singleAssociation(ctx) && !SINGLE_ASSOCIATION_ACTIONS.includes(actionName))
      throw notOnOne(collection, actionName, locale);
    await refuseMissingSource(ctx, locale);
  }
  await next();
}

/** `<source>/<id>/<association>:<action>` names an association field of one of our collections, or is refused (404). */
function refuseUnknownAssociation(ctx: any) {
  const { source, association } = associationRoute(ctx);
  if (!association) return;
  if (!source || !isAgencyCollection(source) || source.getField(association)?.target) return;
  const language = accessLanguage({ context: ctx });
  throw new Refusal(
    language.t('{{collection}} has no association “{{association}}”', {
      collection: collectionTitle(source, language),
      association,
    }),
    { field: association, status: 404, code: 'HONGNIANG_NOT_FOUND' },
  );
}

/** Reads that answer nothing for a missing source; every other action through an association needs its source. */
const READS = ['list', 'get', 'count', 'listMeta'];

/** A write through `<source>/<id>/<association>` names a source record that exists (in any scope: the ACL judges that). */
async function refuseMissingSource(ctx: any, language: Language) {
  const { actionName, sourceId } = ctx.action || {};
  const { source, association } = associationRoute(ctx);
  if (!association || sourceId == null || READS.includes(actionName)) return;
  if (!source) return;
  const key = source.getField(association)?.options?.sourceKey || source.model.primaryKeyAttribute;
  if (await source.repository.count({ filter: { [key]: sourceId } })) return;
  throw new Refusal(
    language.t('There is no {{collection}} no. {{id}}: nothing was saved', {
      collection: collectionTitle(source, language),
      id: String(sourceId),
    }),
    { field: key, status: 404, code: 'HONGNIANG_NOT_FOUND' },
  );
}

/** Whether the request goes through a has-one or belongs-to association (`<source>/<id>/<association>:<action>`). */
function singleAssociation(ctx: any) {
  const { source, association } = associationRoute(ctx);
  const type = association && source?.getField(association)?.type;
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

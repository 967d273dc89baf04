export { default } from './plugin';
// What every Hongniang plugin builds on: page blueprints, refusals and titles in the caller's language, database helpers.
export { afterPagesSeeded, callFlowSurfaces, extendBlueprint, readBlueprints, seedPages } from './blueprints/seed-pages';
export type { BlueprintExtension, PageFinish } from './blueprints/seed-pages';
export { flowModelsUsing, flowModelTree, patchFlowModel } from './blueprints/flow-models';
export { collectionTitle, fieldTitle, languageOf, localeOf } from './refusals/language';
export type { Language, MessageValues } from './refusals/language';
export { MemberInputError, Refusal, refuseField, refuseFieldIn } from './refusals/refusal';
export type { RefusalOptions, RefusalStatus } from './refusals/refusal';
export { namesIn, spreadsheetColumns } from './requests/request-params';
export { onDatabaseEvent } from './database/database-events';
export { ensureIndexes } from './database/ensure-indexes';
export { registerInCollectionManager } from './database/collection-manager';

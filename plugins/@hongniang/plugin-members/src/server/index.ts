export { default } from './plugin';
// What the other Hongniang plugins build on: the agency's vocabulary, ages, and refusals in the caller's language.
export { vocabulary, isChoice } from './vocabulary';
export type { Choice, ChoiceList } from './vocabulary';
export { ageOn } from './age';
export { MemberInputError, localeOf } from './member-input-error';
export { namesIn, spreadsheetColumns } from './request-params';
export { MemberDeletionRefused } from './member-deletion';
export type { DeletionCheck } from './member-deletion';
export { onDatabaseEvent } from './database-events';
export { collectionTitle, fieldTitle, registerTranslations, translate } from './translations';
export { registerInCollectionManager } from './collection-manager';
export { callFlowSurfaces, extendBlueprint, readBlueprints, seedPages } from './seed-pages';
export { flowModelsUsing, flowModelTree, patchFlowModel } from './flow-models';
export { memberPopupDefaults, withMemberPopupDefaults } from './member-blueprint';
export { DEMO_STAFF, demoPassword } from './demo/seed-demo';
export { default as seedDemoCommand } from './commands/seed-demo';

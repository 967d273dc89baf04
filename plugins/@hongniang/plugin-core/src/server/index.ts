export { default } from './plugin';
// What every Hongniang plugin builds on: page blueprints, refusals and titles in the caller's language, database helpers.
export {
  afterPagesSeeded,
  callFlowSurfaces,
  extendBlueprint,
  readBlueprints,
  seedPages,
} from './blueprints/seed-pages';
export type { BlueprintExtension, PageFinish } from './blueprints/seed-pages';
export { flowModelsUsing, flowModelTree, patchFlowModel } from './blueprints/flow-models';
export { Interval, SerialJobs } from './app/periodic-jobs';
export { collectionTitle, fieldTitle, languageOf, localeOf } from './refusals/language';
export type { Language, MessageValues } from './refusals/language';
export { Refusal, refuseField } from './refusals/refusal';
export { labelsOf } from './refusals/labels';
export type { Labelled } from './refusals/labels';
export type { RefusalOptions, RefusalStatus } from './refusals/refusal';
export { namesIn, spreadsheetColumns } from './requests/request-params';
export { sameValue } from './requests/same-value';
export { fieldKinds } from './fields/field-kinds';
export { callerIdOf, callerRolesOf, reachesEveryRecord, scopeOf } from './requests/caller';
export { onDatabaseEvent } from './database/database-events';
export { ensureIndexes } from './database/ensure-indexes';
export { rowByRow } from './database/row-by-row';
export { registerInCollectionManager } from './database/collection-manager';
export { accessDeclarations, declareAccess } from './access/declarations';
export type {
  AccessDeclaration,
  ActionGrant,
  AgencyRoleDeclaration,
  OwnScope,
  PrivacyLevel,
  PrivateCollection,
  Reach,
  RoleGrants,
} from './access/declarations';
export { privacyOf, providePrivacy } from './access/privacy-service';
export { disclosuresOf, discloseToViewer, hasDisclosures } from './access/disclosures';
export type { DisclosureProvider, Disclosures } from './access/disclosures';
export type { PrivacyService } from './access/privacy-service';
export { excludePairs, pairExclusionsOf } from './matching/pair-exclusions';
export { decisionsChanged, decisionsOf, onDecisionsChanged, provideDecisions } from './matching/decisions';
export type { DecisionListener, DecisionProvider, DecisionReason, MemberDecision } from './matching/decisions';
export {
  ANSWER_STEPS,
  answerProviders,
  answersChanged,
  onAnswersChanged,
  provideAnswers,
  standingAnswer,
  standingAnswerBetween,
} from './matching/answers';
export type { AnswerListener, AnswerProvider, AnswerStep, AnsweredPair, MemberAnswer } from './matching/answers';
export type { PairExclusionProvider, PairExclusions } from './matching/pair-exclusions';
export {
  DEMO_STAFF,
  demoMembersWanted,
  demoPassword,
  ensureDemoStaff,
  extendDemoAgency,
  seedDemoAgency,
  DemoSettingsError,
} from './demo/demo-agency';
export type { DemoAccount, DemoSettings, DemoStep } from './demo/demo-agency';
export { seedDemoCommand } from './demo/seed-demo-command';

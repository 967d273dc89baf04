export { default } from './plugin';
// What the other Hongniang plugins build on: the privacy levels in force (the matching plugin's candidate cards).
export { FieldPrivacy } from './privacy/privacy-levels';
export type { FieldLevels, PrivacyLevel } from './privacy/privacy-levels';
// The actions NocoBase registers that the guards were reviewed for (tests check every other one is refused).
export { GUARDED_ACTIONS } from './privacy/action-kinds';

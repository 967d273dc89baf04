export { default } from './plugin';
// What the other Hongniang plugins use of the member archive: the agency's vocabulary, ages, deletion checks, the member popup.
export { vocabulary, isChoice } from './vocabulary';
export type { Choice, ChoiceList } from './vocabulary';
export { ageOn } from './age';
export { MemberDeletionRefused } from './member-deletion';
export type { DeletionCheck } from './member-deletion';
export { memberPopupDefaults, withMemberPopupDefaults } from './member-blueprint';
export { DEFAULT_MEMBER_PRIVACY } from './roles';

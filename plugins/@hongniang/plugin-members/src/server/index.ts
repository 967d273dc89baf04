export { default } from './plugin';
// What the other Hongniang plugins use of the member archive: the agency's vocabulary, ages, deletion checks, the member popup.
export { vocabulary, isChoice } from './fields/vocabulary';
export type { Choice, ChoiceList } from './fields/vocabulary';
export { ageOn } from './ages/age';
export { MemberDeletionRefused } from './hooks/member-deletion';
export type { DeletionCheck } from './hooks/member-deletion';
export {
  MEMBER_BLUEPRINT,
  memberPopupDefaults,
  memberPopupOf,
  withMemberPopupDefaults,
} from './pages/member-blueprint';
export { DEFAULT_MEMBER_PRIVACY } from './roles';
// For a collection imported like members (PluginMembersServer.importLikeMembers): its rows numbered as in Excel.
export { markRowsChecked, rowNumbering, rowsRefused } from './spreadsheets/row-problems';
export type { RowProblem } from './spreadsheets/row-problems';

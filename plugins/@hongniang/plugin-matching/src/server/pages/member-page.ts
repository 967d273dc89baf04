// What matching adds to the member archive's page (plugin-members' blueprint 1-member-list) before it is applied:
// in a member's popup, the 找对象 action and the table of her match suggestions; her own weights beside her preferences.
import path from 'path';
import { memberPopupOf } from '@hongniang/plugin-members';
import { INTRODUCTION_SAFE_FIELDS } from '../matching/candidate-cards';
import { CRITERIA, weightField } from '../language/vocabulary';

const FIND_MATCHES_CODE = path.resolve(__dirname, '../../blueprints/code/find-matches.jsx');
const BREAKDOWN_CODE = path.resolve(__dirname, '../../blueprints/code/breakdown.jsx');

/** Whose member the candidate is: her matchmaker, by name (plain text: a user's record is not the matchmaker's to open). */
const CANDIDATE_MATCHMAKER = {
  field: 'candidate.matchmaker',
  titleField: 'nickname',
  label: '候选人的红娘',
  settings: { clickToOpen: false },
};

/** A saved suggestion as 推荐记录 shows it: both members, the scores, and 匹配明细 read as the 找对象 dialog reads it. */
const suggestionDetails = (key: string) => ({
  key,
  type: 'details',
  resource: { binding: 'currentRecord' },
  fields: [
    { field: 'candidate', titleField: 'name' },
    CANDIDATE_MATCHMAKER,
    'score',
    'forwardScore',
    'backwardScore',
    'status',
    'origin',
    'note',
    {
      key: `${key}Breakdown`,
      field: 'breakdown',
      renderer: 'js',
      settings: { label: '匹配明细', version: '1.0.0', codeFile: BREAKDOWN_CODE },
    },
    'createdAt',
  ],
});

/** A belongsTo or region field of a member shown by its name, any other field as it is. */
const TITLES: Record<string, string> = { currentCity: 'name', matchmaker: 'nickname' };
const introductionField = (field: string) =>
  TITLES[field] ? { field, titleField: TITLES[field], settings: { clickToOpen: false } } : field;

/**
 * Every candidate field of a suggestions table or details (推荐记录, a member's suggestions) opens the candidate at the
 * introduction level: the fields a matchmaker may see on any member (INTRODUCTION_SAFE_FIELDS), not NocoBase's generated
 * popup of every member field (the private ones blank). Keys are numbered by the order the fields are met. Mutates.
 */
export function openCandidatesAtIntroductionLevel(document: any) {
  let count = 0;
  const visit = (node: any) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const shown = ['table', 'details'].includes(node.type) ? node.fields || [] : [];
    for (const entry of shown.filter((field: any) => field?.field === 'candidate' && !field.popup)) {
      count += 1;
      entry.popup = {
        title: '候选人',
        mode: 'drawer',
        tryTemplate: false,
        blocks: [
          {
            key: `candidateIntroduction${count}`,
            type: 'details',
            resource: { binding: 'currentRecord' },
            fields: INTRODUCTION_SAFE_FIELDS.filter((field) => field !== 'id').map(introductionField),
          },
        ],
      };
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
}

const byKey = (list: any[] | undefined, key: string) => (list || []).find((item) => item?.key === key);

/** Every partner-preferences sub-form and sub-details of the page (add, view, edit). */
function preferenceGroups(node: any, found: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((item) => preferenceGroups(item, found));
  else if (node && typeof node === 'object') {
    if (node.field === 'partnerPreferences' && Array.isArray(node.fields)) found.push(node);
    Object.values(node).forEach((value) => preferenceGroups(value, found));
  }
  return found;
}

export function addMatchingToMemberPopup(document: any) {
  for (const group of preferenceGroups(document)) group.fields.push(...CRITERIA.map(weightField));
  const popup = memberPopupOf(document);
  const details = byKey(popup.blocks, 'memberDetails');
  if (!details)
    throw new Error('the member popup (memberTable → viewMember → memberDetails) is not in the member page blueprint');
  details.recordActions = [
    ...(details.recordActions || []),
    { key: 'findMatches', type: 'js', title: '找对象', settings: { version: '1.0.0', codeFile: FIND_MATCHES_CODE } },
  ];
  popup.blocks.push({
    key: 'memberSuggestions',
    type: 'table',
    title: '推荐记录',
    resource: { binding: 'associatedRecords', associationField: 'matchSuggestions' },
    fields: [
      { field: 'candidate', titleField: 'name' },
      CANDIDATE_MATCHMAKER,
      'score',
      'forwardScore',
      'backwardScore',
      'status',
      'origin',
      'createdAt',
    ],
    actions: ['refresh'],
    // Explicit popups: NocoBase's generated ones show every field, 匹配明细 as raw JSON and the scores as editable.
    recordActions: [
      {
        key: 'viewMemberSuggestion',
        type: 'view',
        title: '查看',
        popup: {
          title: '推荐记录',
          mode: 'drawer',
          tryTemplate: false,
          blocks: [suggestionDetails('memberSuggestionDetails')],
        },
      },
      {
        key: 'editMemberSuggestion',
        type: 'edit',
        title: '处理',
        popup: {
          title: '处理推荐',
          mode: 'drawer',
          tryTemplate: false,
          blocks: [
            {
              key: 'memberSuggestionEditForm',
              type: 'editForm',
              resource: { binding: 'currentRecord' },
              fields: ['status', 'note'],
            },
          ],
        },
      },
    ],
  });
  openCandidatesAtIntroductionLevel(popup);
}

import { defineCollection } from '@nocobase/database';
import { DECLINING_SIDES, SUGGESTION_ORIGINS, SUGGESTION_STATUSES, label } from '../language/vocabulary';
import { member, score, select } from '../fields/field-kinds';

/** Match suggestions (推荐记录): a pair the engine ranked, with its reasons, for a matchmaker to work through. One per pair. */
export default defineCollection({
  name: 'matchSuggestions',
  title: label('Match suggestions'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    member('member', 'Member'),
    member('candidate', 'Candidate'),
    // The pair without direction ("smaller id:larger id"): A suggested to B is B suggested to A.
    { name: 'pairKey', type: 'string', unique: true },
    score('score', 'Match score'),
    score('forwardScore', 'Candidate fits the member'),
    score('backwardScore', 'Member fits the candidate'),
    {
      name: 'breakdown',
      type: 'json',
      interface: 'json',
      defaultValue: [],
      uiSchema: { type: 'object', title: label('Reasons'), 'x-component': 'Input.JSON', 'x-read-pretty': true },
    },
    select('status', 'Status', SUGGESTION_STATUSES, 'open'),
    // Who said no when the status is 一方拒绝 (empty: not known): a member's answer, learned from (docs/matching.md).
    select('declinedBy', 'Declined by', DECLINING_SIDES),
    select('origin', 'Origin', SUGGESTION_ORIGINS, 'matchmaker'),
    {
      name: 'createdAt',
      type: 'date',
      interface: 'createdAt',
      field: 'createdAt',
      uiSchema: {
        type: 'datetime',
        title: label('Suggested at'),
        'x-component': 'DatePicker',
        'x-component-props': { showTime: true },
        'x-read-pretty': true,
      },
    },
    {
      name: 'note',
      type: 'text',
      interface: 'textarea',
      uiSchema: { type: 'string', title: label('Note'), 'x-component': 'Input.TextArea' },
    },
  ],
});

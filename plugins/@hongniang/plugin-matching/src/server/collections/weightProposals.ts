import { defineCollection } from '@nocobase/database';
import { CRITERION_OPTIONS, PROPOSAL_STATUSES, label } from '../language/vocabulary';
import { integer, json, member, moment, select, staff, text } from '../fields/field-kinds';

/**
 * Weight proposals (权重调整建议): matching noticed that a member keeps declining for one reason (her date feedback) and
 * proposes to weigh the criterion it points to more in her own matches. Written by matching (hooks/propose-weights.ts);
 * her matchmaker accepts (the weight is applied to her 择偶标准), declines, or reverts an accepted one
 * (hooks/weight-proposal-rules.ts).
 */
export default defineCollection({
  name: 'weightProposals',
  title: label('Weight proposals'),
  uiManageable: true,
  createdAt: true,
  updatedAt: true,
  fields: [
    member('member', 'Member'),
    select('criterion', 'Criterion', CRITERION_OPTIONS),
    // Her own weight before (empty: the agency's), the agency's at the time, and the weight proposed (0–10).
    integer('fromWeight', 'Own weight before', true),
    integer('agencyWeight', "Agency's weight then", true),
    integer('toWeight', 'Proposed weight', true),
    // When her importance for the criterion is 不在乎 (which makes any weight count for nothing), it becomes 一般.
    { name: 'fromImportance', type: 'string' },
    { name: 'toImportance', type: 'string' },
    text('explanation', 'Why', true),
    // The decisions it rests on: [{ source, sourceId, at, partnerId, reasons: [{ value, zh, en }] }].
    json('evidence', 'Evidence'),
    integer('evidenceCount', 'Decisions behind it', true),
    select('status', 'Status', PROPOSAL_STATUSES, 'proposed'),
    staff('decidedBy', 'Decided by'),
    moment('decidedAt', 'Decided at'),
    text('note', 'Note'),
  ],
});

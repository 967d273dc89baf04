import { defineCollection } from '@nocobase/database';
import { label, SUMMARY_STATUSES } from '../language/vocabulary';
import { count, line, member, moment, readOnly, select, staff, text } from '../fields/field-kinds';

/**
 * 月度服务总结: what the agency did for one member in one agency month, drafted by the server when the month closes
 * (summaries/draft-month.ts; what each figure counts: docs/reports.md), then reviewed by her matchmaker, who writes her
 * plan for next month and marks it sent. Only `plan` and `status` are written by people (hooks/summary-writes.ts).
 */
export default defineCollection({
  name: 'serviceSummaries',
  title: label('Monthly service summaries'),
  uiManageable: true,
  fields: [
    readOnly(member('member', 'Member')),
    // 'YYYY-MM', the agency's calendar month.
    readOnly(line('month', 'Month')),
    // Her matchmaker when the summary was last drafted (who writes the plan); access follows the member's matchmaker.
    staff('matchmaker', 'Matchmaker'),
    count('suggestionsMade', 'Suggestions made'),
    count('introductionsStarted', 'Introductions started'),
    // "双方同意 1、交往中 1": the stages her introductions reached in the month.
    readOnly(text('introductionStages', 'Introduction stages reached')),
    count('datesHeld', 'Dates held'),
    // Per date held: the other side's feedback on it and hers (对方评价 / 本人评价).
    readOnly(text('feedback', 'Feedback on dates')),
    count('followUpsDone', 'Follow-ups done'),
    text('plan', 'Plan for next month'),
    select('status', 'Status', SUMMARY_STATUSES, 'draft'),
    moment('sentAt', 'Sent at'),
    staff('sentBy', 'Sent by'),
    moment('draftedAt', 'Drafted at'),
  ],
  indexes: [{ fields: ['memberId', 'month'], unique: true }, { fields: ['month', 'status'] }],
});

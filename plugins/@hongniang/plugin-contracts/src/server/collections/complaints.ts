import { defineCollection } from '@nocobase/database';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  SATISFACTION,
  label,
} from '../language/vocabulary';
import { createdAt, dateTime, day, member, moment, readOnly, select, text, user } from '../fields/field-kinds';

/**
 * Complaints and suggestions (投诉与建议): what a member raised, when and how it reached the agency, who handles it,
 * the answer and her satisfaction with it. Due 3 working days after receipt (GB/T 23861 and the 2024 industry norm ask
 * for an answer to every complaint within 3 working days), computed by the server (hooks/complaint-rules.ts).
 */
export default defineCollection({
  name: 'complaints',
  title: label('Complaints and suggestions'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    member('member', 'Member'),
    select('category', 'Category', COMPLAINT_CATEGORIES),
    text('content', 'Content'),
    dateTime('receivedAt', 'Received at'),
    select('channel', 'Received through', COMPLAINT_CHANNELS),
    user('handler', 'Handler'),
    // The agency day the answer is due: 3 working days after the day of receipt, weekends skipped.
    readOnly(day('dueOn', 'Answer due')),
    select('status', 'Status', COMPLAINT_STATUSES, 'open'),
    text('resolution', 'Resolution'),
    // Set by the server when it is answered.
    moment('answeredAt', 'Answered at'),
    select('satisfaction', 'Satisfaction with the answer', SATISFACTION),
    createdAt('Created at'),
  ],
  indexes: [{ fields: ['status', 'dueOn'] }, { fields: ['updatedAt'] }],
});

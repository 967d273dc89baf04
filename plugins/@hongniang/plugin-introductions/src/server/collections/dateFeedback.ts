import { defineCollection } from '@nocobase/database';
import { CONTINUE_ANSWERS, FEEDBACK_REASONS, label } from '../language/vocabulary';
import {
  belongsTo,
  createdAt,
  integer,
  member,
  multipleSelect,
  select,
  staff,
  text,
  updatedAt,
} from '../fields/field-kinds';

/** How a date went for one of its members (约会反馈): one per member per date, after it took place (hooks/feedback-rules.ts). */
export default defineCollection({
  name: 'dateFeedback',
  title: label('Date feedback'),
  uiManageable: true,
  fields: [
    belongsTo('date', 'Date', 'dates', 'title'),
    member('member', 'Side'),
    integer('satisfaction', 'Satisfaction (1–5)'),
    select('wantsToContinue', 'Wants to continue', CONTINUE_ANSWERS, 'undecided'),
    multipleSelect('reasons', 'Reasons', FEEDBACK_REASONS),
    text('comment', 'Comment'),
    staff('recordedBy', 'Recorded by'),
    createdAt('Created at'),
    updatedAt('Last changed at'),
  ],
  indexes: [{ fields: ['dateId', 'memberId'], unique: true }],
});

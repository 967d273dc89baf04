import { defineCollection } from '@nocobase/database';
import { DATE_SIDES, DATE_STATUSES, label } from '../language/vocabulary';
import {
  belongsTo,
  createdAt,
  dateTime,
  derivedMember,
  hasMany,
  integer,
  line,
  moment,
  multipleSelect,
  readOnly,
  select,
  text,
  updatedAt,
  user,
} from '../fields/field-kinds';

/**
 * Dates (约会) of an introduction's two members (hooks/date-rules.ts). The members are copied from the introduction by
 * the server, so "her dates" and "does this member have another date then" are read on this table alone; `endsAt` and
 * `title` are the server's too (a calendar's end and title).
 */
export default defineCollection({
  name: 'dates',
  title: label('Dates'),
  uiManageable: true,
  updatedBy: true,
  fields: [
    belongsTo('introduction', 'Introduction', 'introductions', 'id'),
    derivedMember('memberA', 'Side A'),
    derivedMember('memberB', 'Side B'),
    dateTime('startsAt', 'Starts at'),
    integer('durationMinutes', 'Duration (minutes)', 120),
    moment('endsAt', 'Ends at'),
    line('place', 'Place'),
    // The caller unless she names a colleague.
    user('arrangedBy', 'Arranged by'),
    select('status', 'Status', DATE_STATUSES, 'scheduled'),
    // Which side did not come, as the introduction names its sides: the form offers just the date's two members.
    multipleSelect('noShowMembers', 'Did not come', DATE_SIDES),
    readOnly(line('title', 'Title')),
    text('note', 'Note'),
    // Both members' feedback, for the board's 反馈 popup (written through dateFeedback's own rules).
    hasMany('feedback', 'Date feedback', 'dateFeedback', 'dateId'),
    createdAt('Created at'),
    updatedAt('Last changed at'),
  ],
  // updatedAt: the reminders' sweep reads the dates changed since its last run (plugin-follow-ups).
  indexes: [
    { fields: ['memberAId', 'startsAt'] },
    { fields: ['memberBId', 'startsAt'] },
    { fields: ['startsAt'] },
    { fields: ['updatedAt'] },
  ],
});

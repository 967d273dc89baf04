import { defineCollection } from '@nocobase/database';
import { EVENT_STATUSES, EVENT_TYPES, GENDERS, INTEREST_TAGS, label } from '../language/vocabulary';
import {
  createdAt,
  dateTime,
  hasMany,
  integer,
  line,
  money,
  multipleSelect,
  select,
  text,
  user,
} from '../fields/field-kinds';

/**
 * Events (活动): a themed salon, outing or talk the agency holds for its members. Its interest tags are the members'
 * hobbies (邀请合适会员 ranks members by the tags they share); its rules (hooks/event-rules.ts) hold on every write.
 */
export default defineCollection({
  name: 'events',
  title: label('Events'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    line('title', 'Title'),
    select('type', 'Type', EVENT_TYPES, 'salon'),
    dateTime('startsAt', 'Starts at'),
    dateTime('endsAt', 'Ends at'),
    line('place', 'Place'),
    // Seats: invitations answered 参加 never exceed it.
    integer('capacity', 'Capacity'),
    // Yuan per member, 0 when free.
    money('fee', 'Fee'),
    multipleSelect('interestTags', 'Interest tags', INTEREST_TAGS),
    // Age on the event's day, both ends included; either may be left empty.
    integer('ageMin', 'Age from'),
    integer('ageMax', 'Age to'),
    // Empty: for everyone.
    select('gender', 'For', GENDERS),
    user('organiser', 'Organiser'),
    select('status', 'Status', EVENT_STATUSES, 'planned'),
    text('description', 'Description'),
    hasMany('invitations', 'Invitations', 'eventInvitations', 'eventId'),
    // Who would like to meet whom after it: the event page lists them under the event (blueprints/events-1-events.json).
    hasMany('interests', 'Interest after the event', 'eventInterests', 'eventId'),
    createdAt('Created at'),
  ],
  // The reminder the day before (reminders/event-tomorrow.ts) looks events up by their start.
  indexes: [{ fields: ['startsAt'] }, { fields: ['updatedAt'] }],
});

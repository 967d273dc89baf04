import { defineCollection } from '@nocobase/database';
import { RSVPS, label } from '../language/vocabulary';
import { belongsTo, checkbox, member, moment, select, staff } from '../fields/field-kinds';

/**
 * Invitations (活动邀请): one member invited to one event, her answer and whether she came. One per member per event
 * (its `key`, "<event id>:<member id>", is unique); rules on every write (hooks/invitation-rules.ts): a member in service, seats, attendance after the start.
 */
export default defineCollection({
  name: 'eventInvitations',
  title: label('Event invitations'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    belongsTo('event', 'Event', 'events', 'title'),
    member('member', 'Member'),
    // "<event id>:<member id>", set by the server: a second invitation of the member to the event cannot be stored.
    { name: 'key', type: 'string', unique: true },
    // The caller and the moment of the invitation, filled in by the server.
    staff('invitedBy', 'Invited by'),
    moment('invitedAt', 'Invited at'),
    select('rsvp', 'RSVP', RSVPS, 'pending'),
    checkbox('attended', 'Attended'),
  ],
  // The reminder the day before reads the invitations changed since its last sweep.
  indexes: [{ fields: ['updatedAt'] }],
});

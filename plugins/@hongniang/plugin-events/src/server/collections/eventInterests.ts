import { defineCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';
import { belongsTo, createdAt, member, staff } from '../fields/field-kinds';

/**
 * Interest after an event (活动好感): one attendee would like to meet another attendee of the same event. Two of them in
 * opposite directions make a mutual pair, which 转为推荐 (events:suggestFromInterests) turns into a match suggestion.
 * Rules on every write: hooks/interest-rules.ts.
 */
export default defineCollection({
  name: 'eventInterests',
  title: label('Interest after events'),
  uiManageable: true,
  createdBy: true,
  fields: [
    belongsTo('event', 'Event', 'events', 'title'),
    member('fromMember', 'Interested member'),
    member('toMember', 'Interested in'),
    // "<event id>:<from id>:<to id>", set by the server: each direction is recorded once per event.
    { name: 'key', type: 'string', unique: true },
    staff('recordedBy', 'Recorded by'),
    createdAt('Recorded at'),
  ],
});

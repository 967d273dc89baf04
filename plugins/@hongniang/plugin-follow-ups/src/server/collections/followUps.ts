import { defineCollection } from '@nocobase/database';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_TYPES, label } from '../language/vocabulary';
import { belongsTo, createdAt, dateTime, day, member, select, text, user } from '../fields/field-kinds';

/**
 * Follow-up records (回访记录): a matchmaker reached a member. Saving one moves the member's last contact and next
 * follow-up date (hooks/follow-up-effects.ts) and closes the reminders it answers (reminders/closing.ts).
 */
export default defineCollection({
  name: 'followUps',
  title: label('Follow-ups'),
  uiManageable: true,
  createdBy: true,
  fields: [
    member('member', 'Member'),
    // The caller unless she names a colleague (hooks/follow-up-effects.ts).
    user('matchmaker', 'Matchmaker'),
    select('channel', 'Channel', FOLLOW_UP_CHANNELS, 'phone'),
    // Now unless given.
    dateTime('occurredAt', 'Time'),
    select('type', 'Type', FOLLOW_UP_TYPES, 'regular'),
    text('summary', 'Summary'),
    day('nextFollowUpDate', 'Next follow-up'),
    // The reminder this follow-up answers, when recorded from one (我的今日); every reminder it answers closes anyway.
    { ...belongsTo('reminder', 'Reminder', 'reminders', 'title', 'SET NULL'), index: false },
    createdAt('Recorded at'),
  ],
  indexes: [
    { fields: ['memberId', 'occurredAt'] },
    { fields: ['matchmakerId', 'occurredAt'] },
    { fields: ['occurredAt'] },
  ],
});

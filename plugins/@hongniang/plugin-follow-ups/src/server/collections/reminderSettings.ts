import { defineCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';
import { integer, line } from '../fields/field-kinds';

/**
 * The agency's reminder settings: one record (id 1). The defaults follow the issue's example (seed 004's tiers): no
 * contact for 7 days (VIP), 10 (钻石), 14 (黄金), 30 (普通); a new member contacted within 24 hours; a membership's end
 * announced 30 days ahead; an in-depth interview after 60 days in service without an introduction reaching 交往中.
 */
export default defineCollection({
  name: 'reminderSettings',
  title: label('Reminder settings'),
  uiManageable: true,
  fields: [
    integer('noContactDaysVip', 'No contact: days (VIP)', 7),
    integer('noContactDaysDiamond', 'No contact: days (Diamond)', 10),
    integer('noContactDaysGold', 'No contact: days (Gold)', 14),
    integer('noContactDaysStandard', 'No contact: days (Standard)', 30),
    integer('newMemberContactHours', 'New member contacted within (hours)', 24),
    integer('membershipNoticeDays', 'Membership end announced (days ahead)', 30),
    integer('deepInterviewDays', 'In-depth interview after (days in service)', 60),
    integer('stageLimitDays', 'Introduction waiting in one stage (days)', 14),
    integer('reminderHour', 'Daily reminders at (hour, agency time)', 9),
    integer('catchUpDays', 'Missed days delivered after a restart', 7),
    // Empty: the server's TZ (.env), else Asia/Shanghai.
    line('timeZone', 'Agency time zone'),
  ],
});

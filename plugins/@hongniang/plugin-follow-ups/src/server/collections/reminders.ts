import { defineCollection } from '@nocobase/database';
import { CLOSE_REASONS, REMINDER_KINDS, REMINDER_STATUSES, label } from '../language/vocabulary';
import {
  belongsTo,
  checkbox,
  createdAt,
  line,
  member,
  moment,
  readOnly,
  select,
  text,
  user,
} from '../fields/field-kinds';

/**
 * Reminders (提醒): one occurrence of a reminder kind for one recipient, written by the server's sweep
 * (reminders/sweep.ts) and delivered by the kind's NocoBase workflow (an in-app message, on creation). `key` names the
 * occurrence ("followUpDue:12:2026-12-01"), unique in the database: a restart, a retry or a second process never writes
 * it, nor sends it, twice.
 */
export default defineCollection({
  name: 'reminders',
  title: label('Reminders'),
  uiManageable: true,
  fields: [
    {
      name: 'key',
      type: 'string',
      unique: true,
      uiSchema: { type: 'string', title: label('Key'), 'x-component': 'Input', 'x-read-pretty': true },
    },
    readOnly(select('kind', 'Kind', REMINDER_KINDS)),
    readOnly(member('member', 'Member')),
    readOnly(belongsTo('introduction', 'Introduction', 'introductions', 'title')),
    readOnly(belongsTo('date', 'Date', 'dates', 'title')),
    readOnly(user('recipient', 'Recipient')),
    moment('dueAt', 'Due at'),
    // Delivered after its time because no process was serving then (a restart's catch-up).
    readOnly(checkbox('late', 'Delivered late')),
    readOnly(line('title', 'Title')),
    readOnly(text('body', 'Message')),
    readOnly(line('url', 'Link')),
    select('status', 'Status', REMINDER_STATUSES, 'open'),
    readOnly(select('closeReason', 'Closed because', CLOSE_REASONS)),
    moment('closedAt', 'Closed at'),
    readOnly(user('closedBy', 'Closed by')),
    createdAt('Sent at'),
    // The follow-ups recorded from it (我的今日's 记录回访); kept when a reminder is deleted.
    {
      name: 'followUps',
      type: 'hasMany',
      interface: 'o2m',
      target: 'followUps',
      foreignKey: 'reminderId',
      onDelete: 'SET NULL',
      uiSchema: {
        title: label('Follow-ups'),
        'x-component': 'AssociationField',
        'x-component-props': { multiple: true, fieldNames: { label: 'id', value: 'id' } },
      },
    },
  ],
  indexes: [
    { fields: ['recipientId', 'status', 'dueAt'] },
    { fields: ['memberId', 'status'] },
    { fields: ['dateId', 'status'] },
    { fields: ['introductionId', 'status'] },
  ],
});

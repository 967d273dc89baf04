// What the agency roles may do with follow-ups and reminders: declared to the access plugin (plugin-core's declareAccess).
// The manager works every record through her role strategy (access's agency roles).
import { AccessDeclaration } from '@hongniang/plugin-core';

/** The plugin's pages (src/blueprints), by blueprint name. */
export const DAY_PAGE = 'follow-ups-1-my-day';
/** 团队待办: every matchmaker's open reminders, the most overdue first, and every follow-up (the manager's, by her `*` menus). */
export const TEAM_PAGE = 'follow-ups-2-team';

const HER_MEMBER = { matchmakerId: { $eq: '{{$user.id}}' } };

export const FOLLOW_UPS_ACCESS: AccessDeclaration = {
  ownScopes: {
    // Her members' follow-ups, and those she recorded (the front desk's first call to a member she entered).
    followUps: {
      title: '自己会员的回访记录',
      filter: { $or: [{ member: HER_MEMBER }, { matchmakerId: { $eq: '{{$user.id}}' } }] },
    },
    reminders: { title: '发给自己的提醒', filter: { recipientId: { $eq: '{{$user.id}}' } } },
  },
  roles: {
    matchmaker: {
      menus: [DAY_PAGE],
      resources: {
        // Whose member she may record for is checked on write (hooks/follow-up-rules.ts).
        followUps: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        // Server-written; she closes (or reopens) hers.
        reminders: { view: { scope: 'own' }, update: { scope: 'own', fields: ['status'] } },
      },
    },
    intake: {
      menus: [DAY_PAGE],
      resources: {
        // A first follow-up for a member she entered (checked on write), and her reminders about members not yet assigned.
        followUps: { view: { scope: 'own' }, create: {} },
        reminders: { view: { scope: 'own' }, update: { scope: 'own', fields: ['status'] } },
      },
    },
  },
};

// What the agency roles may do with events: declared to the access plugin (plugin-core's declareAccess). The manager
// works every record and both actions through her role strategy (access's agency roles and the strategy actions below).
import { AccessDeclaration } from '@hongniang/plugin-core';

/** The plugin's own actions on `events` (registered in plugin.ts), with their titles in the role settings. */
export const EVENT_ACTIONS: Record<string, string> = {
  suggestInvitees: 'Invite suitable members',
  suggestFromInterests: 'Turn mutual interest into suggestions',
};

/** 活动 (src/blueprints): the events, and in an event's popup its invitations and the interest after it, by blueprint name. */
export const EVENTS_PAGE = 'events-1-events';

const HER_MEMBER = { matchmakerId: { $eq: '{{$user.id}}' } };

export const EVENTS_ACCESS: AccessDeclaration = {
  ownScopes: {
    eventInvitations: { title: '自己会员的活动邀请', filter: { member: HER_MEMBER } },
    eventInterests: { title: '自己会员的活动好感', filter: { fromMember: HER_MEMBER } },
  },
  roles: {
    manager: { strategy: Object.keys(EVENT_ACTIONS) },
    matchmaker: {
      menus: [EVENTS_PAGE],
      resources: {
        // 邀请合适会员 answers only her own members (invitees/members-in-reach.ts); 转为推荐 creates only what matching lets her.
        events: { view: {}, suggestInvitees: {}, suggestFromInterests: {} },
        // Whose member she may invite, or record the interest of, is checked on write (hooks/).
        eventInvitations: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        eventInterests: { view: { scope: 'own' }, create: {}, destroy: { scope: 'own' } },
      },
    },
    intake: { resources: { events: { view: {} } } },
  },
};

// What the agency roles may do with introductions: declared to the access plugin (plugin-core's declareAccess). The manager
// works every introduction through her role strategy (access's agency roles); the front desk gets nothing here.
import { AccessDeclaration } from '@hongniang/plugin-core';

const HER_MEMBER = { matchmakerId: { $eq: '{{$user.id}}' } };
const INVOLVES_HER_MEMBER = { $or: [{ memberA: HER_MEMBER }, { memberB: HER_MEMBER }] };
// NocoBase's filters take `$or` at the top only, so through the introduction each side is spelt out.
const HER_INTRODUCTION = {
  $or: [{ introduction: { memberA: HER_MEMBER } }, { introduction: { memberB: HER_MEMBER } }],
};

export const INTRODUCTIONS_ACCESS: AccessDeclaration = {
  ownScopes: {
    introductions: { title: '涉及自己会员的牵线', filter: INVOLVES_HER_MEMBER },
    // Both sides' answers are visible to either matchmaker; which side she may record is checked on write (consent-rules.ts).
    introductionConsents: { title: '涉及自己会员的牵线意愿', filter: HER_INTRODUCTION },
    introductionStageChanges: { title: '涉及自己会员的牵线记录', filter: HER_INTRODUCTION },
  },
  roles: {
    // The manager has every menu (her agency role); the front desk gets no introductions page.
    matchmaker: {
      menus: ['introductions-1-board'],
      resources: {
        introductions: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        introductionConsents: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        introductionStageChanges: { view: { scope: 'own' } },
      },
    },
  },
};

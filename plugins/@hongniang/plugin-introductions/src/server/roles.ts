// What the agency roles may do with introductions, dates and feedback: declared to the access plugin (plugin-core's
// declareAccess). The manager works every record through her role strategy (access's agency roles); the front desk gets
// nothing here.
import { AccessDeclaration } from '@hongniang/plugin-core';

const HER_MEMBER = { matchmakerId: { $eq: '{{$user.id}}' } };
const INVOLVES_HER_MEMBER = { $or: [{ memberA: HER_MEMBER }, { memberB: HER_MEMBER }] };
// NocoBase's filters take `$or` at the top only, so through the introduction (or the date) each side is spelt out.
const HER_INTRODUCTION = {
  $or: [{ introduction: { memberA: HER_MEMBER } }, { introduction: { memberB: HER_MEMBER } }],
};
const HER_DATE = { $or: [{ date: { memberA: HER_MEMBER } }, { date: { memberB: HER_MEMBER } }] };

/** The plugin's pages (src/blueprints), by blueprint name: 牵线看板 and 约会日历. */
export const BOARD_BLUEPRINT = 'introductions-1-board';
export const CALENDAR_PAGE = 'introductions-2-calendar';

export const INTRODUCTIONS_ACCESS: AccessDeclaration = {
  ownScopes: {
    introductions: { title: '涉及自己会员的牵线', filter: INVOLVES_HER_MEMBER },
    // Both sides' answers are visible to either matchmaker; which side she may record is checked on write (consent-rules.ts).
    introductionConsents: { title: '涉及自己会员的牵线意愿', filter: HER_INTRODUCTION },
    introductionStageChanges: { title: '涉及自己会员的牵线记录', filter: HER_INTRODUCTION },
    contactReleases: { title: '涉及自己会员的联系方式公开记录', filter: HER_INTRODUCTION },
    // A date carries its two members (copied from its introduction), so "her dates" is read on the date itself.
    dates: { title: '涉及自己会员的约会', filter: INVOLVES_HER_MEMBER },
    // Both members' feedback is visible to either matchmaker; which member's she may record is checked on write.
    dateFeedback: { title: '涉及自己会员的约会反馈', filter: HER_DATE },
  },
  roles: {
    // The manager has every menu (her agency role); the front desk gets no introductions page.
    matchmaker: {
      menus: [BOARD_BLUEPRINT, CALENDAR_PAGE],
      resources: {
        introductions: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        introductionConsents: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        introductionStageChanges: { view: { scope: 'own' } },
        contactReleases: { view: { scope: 'own' } },
        dates: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        dateFeedback: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
      },
    },
  },
};

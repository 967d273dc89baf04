// What the agency roles may do with partner organisations: declared to the access plugin (plugin-core's declareAccess).
// 主管 works every record, import and export included, through her role strategy (access's agency roles).
import { AccessDeclaration } from '@hongniang/plugin-core';

/** 合作机构 (src/blueprints), by blueprint name. */
export const PARTNERS_PAGE = 'partners-1-organisations';

export const PARTNERS_ACCESS: AccessDeclaration = {
  ownScopes: {
    partnerInteractions: { title: '自己记录的往来', filter: { recordedById: { $eq: '{{$user.id}}' } } },
  },
  roles: {
    // 红娘 reads the organisations and their people, and records her own dealings with them (corrects only her own).
    matchmaker: {
      menus: [PARTNERS_PAGE],
      resources: {
        partnerOrganisations: { view: {} },
        partnerContacts: { view: {} },
        partnerInteractions: { view: {}, create: {}, update: { scope: 'own' } },
      },
    },
    // 前台 takes in a referral at the desk: she reads organisations and registers a new one with its contact person.
    intake: {
      menus: [PARTNERS_PAGE],
      resources: {
        partnerOrganisations: { view: {}, create: {} },
        partnerContacts: { view: {}, create: {} },
        partnerInteractions: { view: {} },
      },
    },
  },
};

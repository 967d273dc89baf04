// What the agency roles may do with the KPI records and service ratings: declared to the access plugin (plugin-core's
// declareAccess). The manager reads every record, the agency's months (agencyMonths) included, and rates through her
// role strategy (access's agency roles); monthly records are written by the server only
// (middlewares/computed-records.ts). A matchmaker reads her own months only — the agency's figures are not granted to
// her — and the front desk gets nothing here.
import { AccessDeclaration } from '@hongniang/plugin-core';

/** 经营概览: the agency's figures, conversion, churn and the matchmakers' ranking (the manager's, by her `*` menus). */
export const OVERVIEW_PAGE = 'reports-1-overview';
/** 我的业绩: a matchmaker's own months and members. */
export const MINE_PAGE = 'reports-2-mine';

const HERS = { matchmakerId: { $eq: '{{$user.id}}' } };

export const REPORTS_ACCESS: AccessDeclaration = {
  ownScopes: {
    matchmakerMonths: { title: '自己的月度绩效', filter: HERS },
    serviceRatings: { title: '自己的服务态度评分', filter: HERS },
  },
  roles: {
    // Computed records are read, never written: granting view alone (over her strategy) also keeps 添加/编辑/删除 off
    // the manager's tables of them. Ratings she writes through her strategy.
    manager: {
      resources: {
        matchmakerMonths: { view: {} },
        agencyMonths: { view: {} },
      },
    },
    matchmaker: {
      resources: {
        matchmakerMonths: { view: { scope: 'own' } },
        serviceRatings: { view: { scope: 'own' } },
      },
      menus: [MINE_PAGE],
    },
  },
};

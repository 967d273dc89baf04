// What the agency roles may do with the KPI records and service ratings: declared to the access plugin (plugin-core's
// declareAccess). The manager reads every record, the agency's months (agencyMonths) included, and rates through her
// role strategy (access's agency roles); monthly records are written by the server only
// (middlewares/computed-records.ts). A matchmaker reads her own months only — the agency's figures are not granted to
// her — and the front desk gets nothing here. Monthly service summaries: a matchmaker reads, exports, prints and edits
// (plan, status) those of her members — through the member's matchmaker, so they follow a member who changes matchmaker —
// and the manager those of every member; the front desk none.
import { AccessDeclaration } from '@hongniang/plugin-core';

/** 经营概览: the agency's figures, conversion, churn and the matchmakers' ranking (the manager's, by her `*` menus). */
export const OVERVIEW_PAGE = 'reports-1-overview';
/** 我的业绩: a matchmaker's own months and members. */
export const MINE_PAGE = 'reports-2-mine';
/** 月度服务总结: the members' monthly service summaries, to review, plan, send and print. */
export const SUMMARIES_PAGE = 'reports-3-summaries';

const HERS = { matchmakerId: { $eq: '{{$user.id}}' } };
/** What people write on a summary (hooks/summary-writes.ts refuses the rest on every path). */
const SUMMARY_EDIT = { fields: ['plan', 'status'] };

export const REPORTS_ACCESS: AccessDeclaration = {
  ownScopes: {
    matchmakerMonths: { title: '自己的月度绩效', filter: HERS },
    serviceRatings: { title: '自己的服务态度评分', filter: HERS },
    serviceSummaries: { title: '自己会员的月度服务总结', filter: { member: HERS } },
  },
  roles: {
    // Computed records are read, never written: granting view alone (over her strategy) also keeps 添加/编辑/删除 off
    // the manager's tables of them. Ratings she writes through her strategy.
    manager: {
      resources: {
        matchmakerMonths: { view: {} },
        agencyMonths: { view: {} },
        // Drafted by the server: no create or delete (over her strategy), edits of plan and status only.
        serviceSummaries: { view: {}, update: SUMMARY_EDIT, export: {} },
      },
    },
    matchmaker: {
      resources: {
        matchmakerMonths: { view: { scope: 'own' } },
        serviceRatings: { view: { scope: 'own' } },
        serviceSummaries: {
          view: { scope: 'own' },
          update: { ...SUMMARY_EDIT, scope: 'own' },
          export: { scope: 'own' },
        },
      },
      menus: [MINE_PAGE, SUMMARIES_PAGE],
    },
  },
};

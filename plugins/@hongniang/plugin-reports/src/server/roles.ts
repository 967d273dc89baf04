// What the agency roles may do with the KPI records and service ratings: declared to the access plugin (plugin-core's
// declareAccess). The manager reads every record, the agency's months (agencyMonths) included, and rates through her
// role strategy (access's agency roles); monthly records are written by the server only
// (middlewares/computed-records.ts). A matchmaker reads her own months only — the agency's figures are not granted to
// her — and the front desk gets nothing here.
import { AccessDeclaration } from '@hongniang/plugin-core';

const HERS = { matchmakerId: { $eq: '{{$user.id}}' } };

export const REPORTS_ACCESS: AccessDeclaration = {
  ownScopes: {
    matchmakerMonths: { title: '自己的月度绩效', filter: HERS },
    serviceRatings: { title: '自己的服务态度评分', filter: HERS },
  },
  roles: {
    matchmaker: {
      resources: {
        matchmakerMonths: { view: { scope: 'own' } },
        serviceRatings: { view: { scope: 'own' } },
      },
    },
  },
};

// What the agency roles may do with matching: declared to the access plugin (plugin-core's declareAccess).
import { AccessDeclaration } from '@hongniang/plugin-core';

const HER_MEMBER = { matchmakerId: { $eq: '{{$user.id}}' } };

/** `pm.<this plugin>`: the matching settings and the batch run (registered in plugin.ts), with the task list it reports to. */
export const matchingAccess = (pluginName: string): AccessDeclaration => ({
  ownScopes: {
    matchSuggestions: {
      title: '涉及自己会员的推荐',
      filter: { $or: [{ member: HER_MEMBER }, { candidate: HER_MEMBER }] },
    },
    weightProposals: { title: '自己会员的权重调整建议', filter: { member: HER_MEMBER } },
  },
  roles: {
    manager: { strategy: ['match'], snippets: [`pm.${pluginName}`, 'pm.async-task-manager'] },
    matchmaker: {
      menus: ['matching-1-suggestions'],
      resources: {
        members: { match: { scope: 'own' } },
        matchSuggestions: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        // She accepts, declines or reverts her own members' weight proposals (matching makes them).
        weightProposals: { view: { scope: 'own' }, update: { scope: 'own' } },
      },
    },
  },
});

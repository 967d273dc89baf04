import { Plugin } from '@nocobase/server';
import { declareAccess, excludePairs, extendBlueprint, registerInCollectionManager } from '@hongniang/plugin-core';
import PluginMembers, { withMemberPopupDefaults } from '@hongniang/plugin-members';
import { enforceConsentRules } from './hooks/consent-rules';
import { introducedPairs } from './hooks/excluded-pairs';
import { keepMembersOfOpenIntroductions } from './hooks/member-deletion';
import { keepHistoryToTheServer } from './hooks/history-rules';
import { enforceStageRules } from './hooks/stage-rules';
import { closedActions } from './middlewares/closed-actions';
import { rememberRequest } from './middlewares/remember-request';
import { addTimelineToMemberPopup, MEMBER_BLUEPRINT } from './pages/member-timeline';
import { addStartToSuggestions, finishStartButtons, SUGGESTIONS_BLUEPRINT } from './pages/start-from-suggestions';
import { INTRODUCTIONS_ACCESS } from './roles';

const MEMBERS = '@hongniang/plugin-members';
/** 牵线看板: blueprints/introductions-1-board.json. */
const BOARD_BLUEPRINT = 'introductions-1-board';

/** In the collection manager, which the web client reads (titles, fields an admin may add). */
export const MANAGED_COLLECTIONS = ['introductions', 'introductionConsents', 'introductionStageChanges'];

/** Introductions (牵线): two members, each side's consent, the stages from recommendation to marriage, their history. */
export class PluginIntroductionsServer extends Plugin {
  async load() {
    // What each agency role may do with introductions (./roles.ts).
    declareAccess(this.app, this.name, INTRODUCTIONS_ACCESS);
    this.enforceOnEveryPath();
    // Matching stops suggesting a pair once it has an introduction (asked through plugin-core, neither imports the other).
    excludePairs(this.app, this.name, introducedPairs);
    // A member in an open introduction is not deleted (plugin-members asks before it erases her).
    (this.app.pm.get(MEMBERS) as PluginMembers).refuseDeletionWhen(keepMembersOfOpenIntroductions);
    // Its own page is blueprints/introductions-1-board.json (牵线看板), whose members open grouped as on the member page;
    // on other plugins' pages: 发起牵线 in 推荐记录 (when matching is there), 时间线 in the member's popup.
    extendBlueprint(this.app, BOARD_BLUEPRINT, withMemberPopupDefaults);
    extendBlueprint(this.app, SUGGESTIONS_BLUEPRINT, addStartToSuggestions, finishStartButtons);
    extendBlueprint(this.app, MEMBER_BLUEPRINT, addTimelineToMemberPopup);
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
  }

  /** Stages, consents and the history follow the rules whichever action or route writes, `move` included. */
  private enforceOnEveryPath() {
    // Before the ACL: a move's hooks then know who moved the card; the history and imports are closed to all, root too.
    this.app.resourceManager.use(rememberRequest, { tag: 'hongniang-introductions-request', before: 'acl' });
    this.app.resourceManager.use(closedActions, { tag: 'hongniang-introductions-closed-actions', before: 'acl' });
    enforceStageRules(this.db);
    enforceConsentRules(this.db);
    keepHistoryToTheServer(this.db);
  }
}

export default PluginIntroductionsServer;

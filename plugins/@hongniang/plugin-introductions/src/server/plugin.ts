import { Plugin } from '@nocobase/server';
import {
  declareAccess,
  discloseToViewer,
  ensureIndexes,
  excludePairs,
  extendBlueprint,
  extendDemoAgency,
  provideAnswers,
  provideDecisions,
  registerInCollectionManager,
} from '@hongniang/plugin-core';
import PluginMembers, { MEMBER_BLUEPRINT, withMemberPopupDefaults } from '@hongniang/plugin-members';
import { seedDemoIntroductions } from './demo/seed-demo';
import { enforceConsentRules } from './hooks/consent-rules';
import { releasedContacts } from './hooks/contact-disclosures';
import { recordContactReleases } from './hooks/contact-releases';
import { enforceDateRules } from './hooks/date-rules';
import { announceDecisions, feedbackDecisions } from './hooks/decisions';
import { introducedPairs } from './hooks/excluded-pairs';
import { announceAnswers, introductionAnswers } from './hooks/member-answers';
import { enforceFeedbackRules } from './hooks/feedback-rules';
import { keepMembersOfOpenIntroductions } from './hooks/member-deletion';
import { endIntroductionsOfWithdrawnMembers } from './hooks/member-withdrawal';
import { keepServerRecordsToTheServer } from './hooks/server-records';
import { enforceStageRules } from './hooks/stage-rules';
import { closedActions } from './middlewares/closed-actions';
import { rememberRequest } from './middlewares/remember-request';
import { withDateDefaults } from './pages/date-defaults';
import { finishFeedbackActions } from './pages/feedback-actions';
import { addTimelineToMemberPopup } from './pages/member-timeline';
import { addStartToSuggestions, finishStartButtons, SUGGESTIONS_BLUEPRINT } from './pages/start-from-suggestions';
import { BOARD_BLUEPRINT, CALENDAR_PAGE, INTRODUCTIONS_ACCESS } from './roles';
import { INTRODUCTION_COLLECTIONS } from './our-collections';

const MEMBERS = '@hongniang/plugin-members';

/** In the collection manager, which the web client reads (titles, fields an admin may add): all of ours. */
export const MANAGED_COLLECTIONS = INTRODUCTION_COLLECTIONS;

/**
 * Introductions (牵线): two members, each side's consent, the stages from recommendation to marriage, their history; the
 * pair's dates (约会) and each member's feedback on them (约会反馈); each member's contact details released to the other
 * side's matchmaker once both agreed.
 */
export class PluginIntroductionsServer extends Plugin {
  async load() {
    // What each agency role may do with introductions (./roles.ts).
    declareAccess(this.app, this.name, INTRODUCTIONS_ACCESS);
    this.enforceOnEveryPath();
    // Matching stops suggesting a pair once it has an introduction (asked through plugin-core, neither imports the other).
    excludePairs(this.app, this.name, introducedPairs);
    // Once both agreed, each member's contact details reach the other side's matchmaker (access asks, through plugin-core).
    discloseToViewer(this.app, this.name, 'members', releasedContacts);
    // Date feedback is what members decided and why: matching learns from it (weight proposals), through plugin-core too.
    provideDecisions(this.app, this.name, feedbackDecisions);
    announceDecisions(this.app);
    // Each side's consent and each "continue?" after a date are answers matching's learned signals learn from (plugin-core).
    provideAnswers(this.app, this.name, introductionAnswers);
    announceAnswers(this.app);
    // A member in an open introduction is not deleted (plugin-members asks before it erases her).
    (this.app.pm.get(MEMBERS) as PluginMembers).refuseDeletionWhen(keepMembersOfOpenIntroductions);
    // The demo agency's board: introductions in every stage, after the demo members.
    extendDemoAgency(this.app, 'introductions', seedDemoIntroductions, { once: 'introductions' });
    // Its own pages (src/blueprints): 牵线看板 and 约会日历, whose members open grouped as on the member page and whose
    // dates share the calendar's grouping; on other plugins' pages: 发起牵线 in 推荐记录 (when matching is there),
    // 时间线 in the member's popup.
    extendBlueprint(this.app, BOARD_BLUEPRINT, withMemberPopupDefaults);
    extendBlueprint(this.app, BOARD_BLUEPRINT, withDateDefaults, finishFeedbackActions);
    extendBlueprint(this.app, CALENDAR_PAGE, withMemberPopupDefaults);
    extendBlueprint(this.app, SUGGESTIONS_BLUEPRINT, addStartToSuggestions, finishStartButtons);
    extendBlueprint(this.app, MEMBER_BLUEPRINT, addTimelineToMemberPopup);
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    // NocoBase creates a plugin's tables without the indexes its collections declare (foreign keys included).
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }

  /** Every upgrade (`npm start` on an existing database too): collections added since get their indexes. */
  async upgrade() {
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }

  /** Stages, consents, dates, feedback, the history and contact releases follow the rules on every path, `move` included. */
  private enforceOnEveryPath() {
    // Before the ACL: a move's hooks then know who moved the card; writes to the history and the releases, and imports, are
    // closed to all, root too.
    this.app.resourceManager.use(rememberRequest, { tag: 'hongniang-introductions-request', before: 'acl' });
    this.app.resourceManager.use(closedActions, { tag: 'hongniang-introductions-closed-actions', before: 'acl' });
    enforceStageRules(this.db);
    enforceConsentRules(this.db);
    enforceDateRules(this.db);
    enforceFeedbackRules(this.db);
    recordContactReleases(this.db);
    keepServerRecordsToTheServer(this.db);
    // A member who leaves the agency (已退会) leaves her open introductions (终止, 会员退会).
    endIntroductionsOfWithdrawnMembers(this.db);
  }
}

export default PluginIntroductionsServer;

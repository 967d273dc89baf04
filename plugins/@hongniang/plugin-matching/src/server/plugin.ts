import { Plugin } from '@nocobase/server';
import {
  declareAccess,
  ensureIndexes,
  extendBlueprint,
  onDecisionsChanged,
  privacyOf,
  provideAnswers,
  registerInCollectionManager,
} from '@hongniang/plugin-core';
import { MEMBER_BLUEPRINT, withMemberPopupDefaults } from '@hongniang/plugin-members';
import { offerMatchingWhereAllowed } from './pages/action-visibility';
import { CardFields, introductionSafeFields } from './matching/candidate-cards';
import { FieldsSeenOnEveryMember, seenByRoleFieldList } from './matching/caller-view';
import { journalMatchingChanges } from './hooks/change-journal';
import { createSuggestion } from './actions/create-suggestion';
import { checkEveryWrite } from './hooks/every-write';
import { AnswerSources, findMatches } from './actions/find-matches';
import { guardStoredScores } from './middlewares/guard-stored-scores';
import { refuseSecondSettings, seedSettings, validateOwnWeights, validateSettings } from './hooks/match-settings';
import { addMatchingToMemberPopup, openCandidatesAtIntroductionLevel } from './pages/member-page';
import { MemberPool } from './matching/member-pool';
import { refreshTaskType, startRefresh } from './actions/refresh-suggestions';
import { refuseInHerLanguage } from './middlewares/role-refusals';
import { matchingAccess } from './roles';
import { shapeStoredSuggestions } from './middlewares/shape-suggestions';
import { enforceSuggestionRules } from './hooks/suggestion-rules';
import { proposeWeights } from './hooks/propose-weights';
import { enforceWeightProposalRules } from './hooks/weight-proposal-rules';
import { label } from './language/vocabulary';
import { LearnedFeed } from './learning/learned-feed';
import { announceSuggestionAnswers, suggestionAnswers } from './learning/suggestion-answers';

/** In the collection manager, which the web client reads: 推荐记录 and 匹配设置 show them (see ./migrations). */
export const MANAGED_COLLECTIONS = ['matchSuggestions', 'matchSettings', 'weightProposals'];

/** Matching: members:match over an in-memory index kept fresh from the database, match suggestions, the agency's settings. */
export class PluginMatchingServer extends Plugin {
  readonly pool = new MemberPool(this.db);
  /** What members answered about one another, learned in this process (learning/learned-feed.ts). */
  readonly learned = new LearnedFeed(this.app, this.pool);
  /** A candidate card's fields: the agency's introduction-level member fields (字段隐私), or a fixed list without field privacy. */
  readonly cardFields: CardFields = async () =>
    (await privacyOf(this.app)?.fieldsAt('members', ['introduction'])) ?? introductionSafeFields();
  /** The member fields a caller sees on every member (what her answers may use): 字段隐私's rule, or her roles' field lists. */
  readonly seenOnEveryMember: FieldsSeenOnEveryMember = async (ctx: any) => {
    const privacy = privacyOf(this.app);
    return privacy ? privacy.seenOnEveryRecord(ctx, 'members') : seenByRoleFieldList(ctx);
  };

  async load() {
    // What each agency role may do with matching, and her matching menu (./roles.ts).
    declareAccess(this.app, this.name, matchingAccess(this.name));
    journalMatchingChanges(this.db);
    this.refuseBadInput();
    this.answerWithMatching();
    this.showOnlyWhatCallersMaySee();
    this.runBatchesAsTasks();
    // A member whose declines keep pointing to one criterion gets a weight proposal for her matchmaker to accept.
    onDecisionsChanged(this.app, proposeWeights(this.app));
    this.learnFromAnswers();
    this.app.on('afterStart', () => this.warmUp());
    // 找对象 and 批量匹配 are offered only to roles that may use them (an installed agency: ./migrations).
    extendBlueprint(this.app, MEMBER_BLUEPRINT, addMatchingToMemberPopup, offerMatchingWhereAllowed);
    // 推荐记录's member and candidate open a member's popup, grouped as on the member page.
    extendBlueprint(this.app, 'matching-1-suggestions', withMemberPopupDefaults, offerMatchingWhereAllowed);
    extendBlueprint(this.app, 'matching-1-suggestions', openCandidatesAtIntroductionLevel);
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, ['weightProposals']);
    await seedSettings(this.db);
  }

  /** Settings and own weights in range, suggestions written only as matching allows: on every write path. */
  private refuseBadInput() {
    checkEveryWrite(this.db, 'matchSettings', validateSettings);
    this.db.on('matchSettings.beforeCreate', (model: any, options: any) =>
      refuseSecondSettings(model.constructor.collection, options),
    );
    this.db.on('matchSettings.beforeBulkCreate', (_: unknown, options: any) =>
      refuseSecondSettings(this.db.getCollection('matchSettings'), options),
    );
    checkEveryWrite(this.db, 'partnerPreferences', validateOwnWeights);
    enforceSuggestionRules(this.db);
    enforceWeightProposalRules(this.db);
  }

  /** members:match, and matchSuggestions:create computed by the engine from the member and candidate named. */
  private answerWithMatching() {
    const sources = (): AnswerSources => ({ cardFields: this.cardFields, seenOnEveryMember: this.seenOnEveryMember });
    this.app.resourceManager.registerActionHandlers({
      'members:match': findMatches(this.pool, this.learned, sources),
      'matchSuggestions:create': createSuggestion(this.pool, sources),
    });
    this.app.acl.setAvailableAction('match', { displayName: label('Find matches') });
    this.app.acl.use(refuseInHerLanguage, {
      tag: 'hongniang-matching-refusals',
      after: 'allow-manager',
      before: 'core',
    });
  }

  /** Stored scores are read as the caller's own search would show them, and not searched by (once her role is known). */
  private showOnlyWhatCallersMaySee() {
    const seen = () => this.seenOnEveryMember;
    this.app.resourceManager.use(guardStoredScores(seen), {
      tag: 'hongniang-guard-stored-scores',
      before: 'acl',
      after: 'setCurrentRole',
    });
    this.app.resourceManager.use(shapeStoredSuggestions(seen), { tag: 'hongniang-shape-suggestions', after: 'acl' });
  }

  /** The batch run (matchSuggestions:refreshAll) goes through NocoBase's async-task manager; managers get it with the settings. */
  private runBatchesAsTasks() {
    this.app.container.get<any>('AsyncTaskManager').registerTaskType(refreshTaskType(this.pool, this.learned));
    this.app.resourceManager.registerActionHandlers({ 'matchSuggestions:refreshAll': startRefresh });
    this.app.acl.registerSnippet({
      name: `pm.${this.name}`,
      actions: ['matchSettings:*', 'matchSuggestions:refreshAll'],
    });
  }

  /**
   * Members' answers move later scores: a declined suggestion's side is one source (the others register through
   * plugin-core: introductions' consents and date feedback); every source's changes reach this process's signals.
   */
  private learnFromAnswers() {
    provideAnswers(this.app, this.name, suggestionAnswers);
    announceSuggestionAnswers(this.app);
    this.learned.listen();
  }

  /** Builds the index, then the learned signals from history, in the background at start: the first matchmaker does not wait. */
  private warmUp() {
    this.pool.current().catch((error) => this.log.error('matching index could not be built', { error }));
    this.learned.current().catch((error) => this.log.error('learned signals could not be loaded', { error }));
  }
}

export default PluginMatchingServer;

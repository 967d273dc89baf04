import { Plugin } from '@nocobase/server';
import { extendBlueprint, readBlueprints, registerInCollectionManager, registerTranslations, seedPages } from '@hongniang/plugin-members';
import path from 'path';
import { journalMatchingChanges } from './change-journal';
import { CardFields, findMatches, introductionSafeFields } from './find-matches';
import { seedSettings, validateOwnWeights, validateSettings } from './match-settings';
import { addMatchingToMemberPopup } from './member-page';
import { MemberPool } from './member-pool';
import { refreshTaskType, startRefresh } from './refresh-suggestions';
import { NAMESPACE, label } from './vocabulary';

/** Matching: members:match over an in-memory index kept fresh from the database, match suggestions, the agency's settings. */
export class PluginMatchingServer extends Plugin {
  readonly pool = new MemberPool(this.db);
  /** A candidate card's fields; the access plugin hands in the agency's introduction-level fields (字段隐私). */
  cardFields: CardFields = introductionSafeFields;

  async load() {
    registerTranslations(NAMESPACE, require(path.resolve(__dirname, '../locale/zh-CN.json')));
    journalMatchingChanges(this.db);
    this.refuseBadInput();
    this.app.resourceManager.registerActionHandlers({ 'members:match': findMatches(this.pool, () => this.cardFields()) });
    this.app.acl.setAvailableAction('match', { displayName: label('Find matches') });
    this.runBatchesAsTasks();
    this.app.on('afterStart', () => this.warmUp());
    extendBlueprint('1-member-list', addMatchingToMemberPopup);
    this.app.on('afterInstall', () => this.seedPages());
    this.app.on('afterUpgrade', () => this.seedPages());
  }

  async install() {
    await registerInCollectionManager(this.app, ['matchSuggestions']);
    await seedSettings(this.db);
  }

  private refuseBadInput() {
    this.db.on('matchSettings.beforeSave', validateSettings);
    this.db.on('partnerPreferences.beforeSave', validateOwnWeights);
  }

  /** The batch run (matchSuggestions:refreshAll) goes through NocoBase's async-task manager; managers get it with the settings. */
  private runBatchesAsTasks() {
    this.app.container.get<any>('AsyncTaskManager').registerTaskType(refreshTaskType(this.pool));
    this.app.resourceManager.registerActionHandlers({ 'matchSuggestions:refreshAll': startRefresh });
    this.app.acl.registerSnippet({ name: `pm.${this.name}`, actions: ['matchSettings:*', 'matchSuggestions:refreshAll'] });
  }

  /** 推荐记录 and 匹配设置, from ../blueprints, once (test apps may go without, as for the member pages). */
  private async seedPages() {
    if ((this.app.options as any).seedPages === false) return;
    await seedPages(this.app, readBlueprints(path.resolve(__dirname, '../blueprints')));
  }

  /** Builds the index in the background at start, so the first matchmaker does not wait for it. */
  private warmUp() {
    this.pool.current().catch((error) => this.log.error('matching index could not be built', { error }));
  }
}

export default PluginMatchingServer;

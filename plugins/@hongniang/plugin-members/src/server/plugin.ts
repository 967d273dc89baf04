import { Plugin } from '@nocobase/server';
import { refreshAges, scheduleAgeRefresh, seedAgeBands, validateAgeBand } from './ages/age-refresh';
import {
  declareAccess,
  ensureIndexes,
  extendBlueprint,
  extendDemoAgency,
  registerInCollectionManager,
} from '@hongniang/plugin-core';
import { seedDemoMembers } from './demo/seed-demo';
import { keepWhatCodeNeeds } from './hooks/fields-in-code';
import { keepHasOneSingle } from './hooks/has-one-stays-one';
import { prepareSpreadsheet } from './middlewares/prepare-spreadsheet';
import { explainImportsOf, reportImportRows } from './middlewares/import-rows';
import { DeletionCheck, eraseMemberOnDelete } from './hooks/member-deletion';
import { keepGivenMemberNumbers, tidyMemberNumber } from './hooks/member-numbers';
import { narrowPreferencesUpdate, requireMemberPreferences } from './middlewares/preferences-target';
import { titleRegionsByName } from './hooks/region-names';
import { stampStatusChangesByCondition } from './hooks/status-changed-at';
import { pickRegionsByName } from './pages/region-pickers';
import { MEMBER_ACCESS } from './roles';
import { upgradeStoredFields } from './setup/stored-fields';
import { validateMember, validateMembersInBulk, validatePartnerPreferences } from './hooks/validate-member';

const INDEXED_COLLECTIONS = ['members', 'partnerPreferences'];
/** In the collection manager, which the web client reads: pages can show them and admins can add fields (see ./migrations). */
export const MANAGED_COLLECTIONS = ['members', 'partnerPreferences', 'ageGroupBands'];

/** The member archive: members, partner preferences and age-group bands (collections in ./collections, loaded by NocoBase). */
export class PluginMembersServer extends Plugin {
  private readonly deletionChecks: DeletionCheck[] = [];

  async load() {
    // What each agency role may do with the archive, which member fields are private, whose a member is (./roles.ts).
    declareAccess(this.app, this.name, MEMBER_ACCESS);
    this.refuseBadInput();
    // A deleted member is erased with her records, unless a plugin that still needs her refuses (409).
    this.db.on('members.beforeDestroy', eraseMemberOnDelete(this.deletionChecks));
    this.keepAgesCurrent();
    // Every role reads a member's city and hometown by name, also those that may not read the region table.
    titleRegionsByName(this.db);
    // In the collection manager an admin removes the fields she added; those our code relies on are refused (400).
    keepWhatCodeNeeds(this.app);
    this.app.resourceManager.use(reportImportRows, { tag: 'hongniang-import-rows', after: 'acl' });
    this.app.resourceManager.registerPreActionHandler('members:importXlsx', prepareSpreadsheet);
    this.app.dataSourceManager.use(narrowPreferencesUpdate, {
      tag: 'hongniang-narrow-preferences',
      before: 'validate-filter-params',
    });
    this.app.resourceManager.use(requireMemberPreferences, { tag: 'hongniang-require-preferences', after: 'acl' });
    // 期望地区 in the 择偶标准 sub-forms: the China-region picker, as for 现居城市.
    extendBlueprint(this.app, '1-member-list', null, pickRegionsByName);
    // The demo agency's members (plugin-core runs it when HONGNIANG_DEMO_MEMBERS asks for one).
    extendDemoAgency(this.app, 'members', seedDemoMembers);
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, INDEXED_COLLECTIONS);
    await seedAgeBands(this.app);
  }

  /**
   * Every upgrade, `npm start` on an existing database included (NocoBase calls each plugin's upgrade then, while its
   * afterUpgrade event fires only for `nocobase upgrade`): indexes added since, stored fields brought up to date.
   */
  async upgrade() {
    await ensureIndexes(this.app, INDEXED_COLLECTIONS);
    await upgradeStoredFields(this.app);
  }

  /** A plugin that still needs some members (open introductions, later) refuses their deletion: its check throws MemberDeletionRefused. */
  refuseDeletionWhen(check: DeletionCheck) {
    this.deletionChecks.push(check);
  }

  /**
   * Another plugin's collection imported from Excel as members are (docs/member-archive.md): the header row found where
   * it is, blank rows skipped, values trimmed, dates read, errors naming the row as Excel numbers it and the field. Its
   * bulk-create checks number their rows with `rowNumbering` and report them with `rowsRefused`.
   */
  importLikeMembers(collectionName: string) {
    this.app.resourceManager.registerPreActionHandler(`${collectionName}:importXlsx`, prepareSpreadsheet);
    explainImportsOf(collectionName);
  }

  private refuseBadInput() {
    this.db.on('members.beforeSave', validateMember);
    this.db.on('members.beforeValidate', tidyMemberNumber);
    this.db.on('members.beforeBulkCreate', validateMembersInBulk);
    // First of all bulk hooks: the sequence field's own hook, bound when collections load, numbers the rows after it.
    this.db.prependListener('members.beforeBulkCreate', keepGivenMemberNumbers);
    this.db.on('partnerPreferences.beforeSave', validatePartnerPreferences);
    this.db.on('ageGroupBands.beforeSave', validateAgeBand);
    keepHasOneSingle(this.db);
    // When her status was set: stamped by the member checks above on a save or a bulk create, and here by condition.
    stampStatusChangesByCondition(this.db);
  }

  /** Ages and five-year bands follow birthdays (daily) and age groups follow the agency's bands (on every change). */
  private keepAgesCurrent() {
    const regroup = (_band: unknown, options: any) => refreshAges(this.db, { transaction: options.transaction });
    this.db.on('ageGroupBands.afterSave', regroup);
    this.db.on('ageGroupBands.afterDestroy', regroup);
    scheduleAgeRefresh(this.app);
  }
}

export default PluginMembersServer;

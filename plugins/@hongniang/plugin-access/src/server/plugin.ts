import { Plugin } from '@nocobase/server';
import { afterPagesSeeded, extendBlueprint, registerInCollectionManager } from '@hongniang/plugin-core';
import { applyAgencyRoles, grantMenus, syncFieldLists } from './apply-roles';
import { ensureDemoStaff } from './demo-staff';
import { applyFrontDoorDefaults } from './front-door';
import { guardActions } from './guard-actions';
import { guardMoves } from './guard-moves';
import { guardQueries } from './guard-queries';
import { guardSavedSql } from './guard-sql';
import { guardWrites } from './guard-writes';
import { noteHiddenFields } from './hidden-fields-notes';
import { offerOwnersByName } from './owner-pickers';
import { keepRecordsInScope } from './keep-records-in-scope';
import { answerMissingTargetAs400 } from './missing-target-error';
import { defaultRows, FieldPrivacy, PRIVATE_COLLECTIONS } from './privacy-levels';
import { withMemberFieldGroups } from './privacy-page';
import { viewableFields } from './request-fields';
import { shapeRecords } from './shape-records';
import { validateFieldPrivacy } from './validate-privacy';
import { viewerOf } from './viewer';

/** Roles and field privacy: the agency's roles as data, 字段隐私 as the one list of private fields, enforced on every path. */
export class PluginAccessServer extends Plugin {
  readonly privacy = new FieldPrivacy(this.db);

  /** Registered before any plugin's own hooks, so that a write out of reach is refused before other checks speak. */
  async beforeLoad() {
    keepRecordsInScope(this.db);
  }

  async load() {
    this.db.on('fieldPrivacy.beforeSave', validateFieldPrivacy(this.db));
    this.enforceOnEveryPath();
    answerMissingTargetAs400(this.app);
    this.showIntroductionFieldsOnCandidateCards();
    this.followPrivacyChanges();
    // Who may own members is access's to say: the 红娘 picker lists the matchmakers by name.
    extendBlueprint('1-member-list', null, offerOwnersByName);
    // Hidden is not blank: the member page names what is withheld from the reader on each member.
    extendBlueprint('1-member-list', noteHiddenFields);
    // 系统管理 → 字段隐私 (../blueprints, applied by plugin-core) lists the member fields in their form groups.
    extendBlueprint('access-1-field-privacy', withMemberFieldGroups);
    this.app.on('afterInstall', () => this.seedDemoStaff());
    this.app.on('afterUpgrade', () => applyAgencyRoles(this.db, this.privacy));
    // Each agency role sees its pages in the menu, once plugin-core has created them.
    afterPagesSeeded(() => grantMenus(this.db));
  }

  async install() {
    await registerInCollectionManager(this.app, ['fieldPrivacy']);
    await this.db.getRepository('fieldPrivacy').createMany({ records: defaultRows() });
    await applyAgencyRoles(this.db, this.privacy);
    // Installed after auth and system settings: sign-up off, the 红娘 title and logo (an installed agency: ./migrations).
    await applyFrontDoorDefaults(this.app);
  }

  /**
   * Once her roles are known and before the ACL rewrites the request: actions, field names, searches, writes and moves are
   * checked; around the action: every record answered is shaped for the caller; after each write: it stays in her reach.
   */
  private enforceOnEveryPath() {
    this.app.resourceManager.use(guardQueries(this.privacy), { tag: 'hongniang-guard-queries', before: 'acl', after: 'setCurrentRole' });
    this.app.resourceManager.use(guardWrites, { tag: 'hongniang-guard-writes', before: 'acl', after: ['setCurrentRole', 'hongniang-guard-queries'] });
    this.app.resourceManager.use(guardActions, { tag: 'hongniang-guard-actions', before: 'acl', after: 'setCurrentRole' });
    this.app.resourceManager.use(guardMoves, { tag: 'hongniang-guard-moves', before: 'acl', after: ['setCurrentRole', 'hongniang-guard-writes'] });
    this.app.resourceManager.use(guardSavedSql, { tag: 'hongniang-guard-saved-sql', before: 'acl', after: 'setCurrentRole' });
    this.app.resourceManager.use(shapeRecords(this.privacy), { tag: 'hongniang-shape-records', after: 'acl' });
  }

  /** members:match answers candidate cards with the introduction-level fields of 字段隐私. */
  private showIntroductionFieldsOnCandidateCards() {
    const matching = this.app.pm.get<any>('@hongniang/plugin-matching');
    matching.cardFields = async () => (await this.privacy.current()).listed('members', ['introduction']);
    // Matching leaves out of a caller's answers the criteria on fields she does not see on every member (plugin-matching's caller-view.ts).
    matching.seenOnEveryMember = (ctx: any) => this.seenOnEveryMember(ctx);
  }

  /** The member fields a caller sees on every member: in her roles' view list, at a level that reaches every member; null: all. */
  private async seenOnEveryMember(ctx: any): Promise<string[] | null> {
    const viewer = viewerOf(ctx);
    if (!viewer) return null;
    const members = this.db.getCollection('members');
    const levels = await this.privacy.current();
    const allowed = viewableFields(ctx, viewer.roles, members);
    return [...members.fields.keys()].filter((name: string) => (!allowed || allowed.has(name)) && viewer.reach(levels.levelOf('members', name)) === 'every');
  }

  /** A change to 字段隐私, or a field added to members, rewrites the agency roles' member field lists. */
  private followPrivacyChanges() {
    const resync = (_record: unknown, options: any) => syncFieldLists(this.db, this.privacy, options?.transaction);
    this.db.on('fieldPrivacy.afterSave', resync);
    this.db.on('fieldPrivacy.afterDestroy', resync);
    this.db.on('fields.afterCreate', (field: any, options: any) => {
      if (PRIVATE_COLLECTIONS.includes(field.get('collectionName'))) return resync(field, options);
    });
  }

  private async seedDemoStaff() {
    if (Number(process.env.HONGNIANG_DEMO_MEMBERS || 0) > 0) await ensureDemoStaff(this.db);
  }
}

export default PluginAccessServer;

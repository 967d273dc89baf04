import {
  afterPagesSeeded,
  declareAccess,
  extendBlueprint,
  providePrivacy,
  registerInCollectionManager,
} from '@hongniang/plugin-core';
import { Plugin } from '@nocobase/server';
import { applyAgencyRoles, grantMenus, syncFieldLists } from './agency/apply-roles';
import { grantLaterCollections } from './agency/later-grants';
import { applyFrontDoorDefaults } from './setup/front-door';
import { guardActions } from './middlewares/guard-actions';
import { guardMoves } from './middlewares/guard-moves';
import { guardQueries } from './middlewares/guard-queries';
import { guardSavedSql } from './middlewares/guard-sql';
import { guardWrites } from './middlewares/guard-writes';
import { keepRecordsInScope } from './hooks/keep-records-in-scope';
import { answerMissingTargetAs400 } from './middlewares/missing-target-error';
import { offerOwnersByName } from './pages/owner-pickers';
import { privacyAnswers } from './privacy/privacy-answers';
import { fillPrivacyCollection } from './hooks/privacy-collection';
import { FieldPrivacy } from './privacy/privacy-levels';
import { withPrivateFieldGroups } from './pages/privacy-page';
import { AccessRegistry } from './agency/registry';
import { ACCESS_GRANTS } from './roles';
import { shapeRecords } from './middlewares/shape-records';
import { validateFieldPrivacy } from './hooks/validate-privacy';

/**
 * Roles and field privacy: the agency's roles as data, with what every plugin declares for them (plugin-core's
 * declareAccess: grants, private collections, menus); 字段隐私 as the one list of private fields, enforced on every path.
 */
export class PluginAccessServer extends Plugin {
  readonly registry = new AccessRegistry(this.app);
  readonly privacy = new FieldPrivacy(this.db, this.registry);

  /** Registered before any plugin's own hooks, so that a write out of reach is refused before other checks speak. */
  async beforeLoad() {
    keepRecordsInScope(this.db, this.registry);
  }

  async load() {
    declareAccess(this.app, this.name, ACCESS_GRANTS);
    this.db.on('fieldPrivacy.beforeSave', fillPrivacyCollection(this.registry));
    this.db.on('fieldPrivacy.beforeSave', validateFieldPrivacy(this.db, this.registry));
    this.enforceOnEveryPath();
    answerMissingTargetAs400(this.app);
    // Features ask what is private (matching's candidate cards) through plugin-core, not through this plugin.
    providePrivacy(this.app, privacyAnswers(this.privacy));
    this.followPrivacyChanges();
    // 系统管理 → 字段隐私 (../blueprints, applied by plugin-core) lists each private field in its form group.
    extendBlueprint(this.app, 'access-1-field-privacy', withPrivateFieldGroups(this.registry));
    // The roles are written once every plugin has installed (its collections in the collection manager: each field added
    // to a collection that roles already name makes NocoBase rewrite their field lists, minutes on a big install) and
    // before plugin-core's afterInstall work (pages, menus, demo staff), which needs them: first among its listeners.
    this.app.prependListener('afterInstall', () => this.writeRoles());
    // Once every plugin's pages exist: each agency role sees its menus; an owner picker (红娘) lists the matchmakers by name.
    afterPagesSeeded(this.app, () => grantMenus(this.db, this.registry));
    afterPagesSeeded(this.app, (app) => offerOwnersByName(app, this.registry));
  }

  async install() {
    await registerInCollectionManager(this.app, ['fieldPrivacy']);
    await this.db.getRepository('fieldPrivacy').createMany({ records: this.registry.defaultRows() });
  }

  /**
   * Every upgrade, `npm start` on an existing database included (NocoBase calls each plugin's upgrade then, while its
   * afterUpgrade event fires only for `nocobase upgrade`): roles missing are created; existing roles get, once, the
   * collections a feature added since (agency/later-grants.ts).
   */
  async upgrade() {
    await applyAgencyRoles(this.db, this.privacy);
    await grantLaterCollections(this.db, this.privacy);
  }

  /** At installation, after every plugin's install: the agency roles, then the front door (sign-up off, title, logo). */
  private async writeRoles() {
    await applyAgencyRoles(this.db, this.privacy);
    // Records each grant as applied, so that a later upgrade never gives back what an admin took away.
    await grantLaterCollections(this.db, this.privacy);
    // After auth and system settings: sign-up off, the 红娘 title and logo (an installed agency: ./migrations).
    await applyFrontDoorDefaults(this.app);
  }

  /**
   * Once her roles are known and before the ACL rewrites the request: actions, field names, searches, writes and moves are
   * checked; around the action: every record answered is shaped for the caller; after each write: it stays in her reach.
   */
  private enforceOnEveryPath() {
    this.app.resourceManager.use(guardQueries(this.privacy), {
      tag: 'hongniang-guard-queries',
      before: 'acl',
      after: 'setCurrentRole',
    });
    this.app.resourceManager.use(guardWrites(this.registry), {
      tag: 'hongniang-guard-writes',
      before: 'acl',
      after: ['setCurrentRole', 'hongniang-guard-queries'],
    });
    this.app.resourceManager.use(guardActions, {
      tag: 'hongniang-guard-actions',
      before: 'acl',
      after: 'setCurrentRole',
    });
    this.app.resourceManager.use(guardMoves, {
      tag: 'hongniang-guard-moves',
      before: 'acl',
      after: ['setCurrentRole', 'hongniang-guard-writes'],
    });
    this.app.resourceManager.use(guardSavedSql, {
      tag: 'hongniang-guard-saved-sql',
      before: 'acl',
      after: 'setCurrentRole',
    });
    this.app.resourceManager.use(shapeRecords(this.privacy), { tag: 'hongniang-shape-records', after: 'acl' });
  }

  /** A change to 字段隐私, or a field added to a private collection, rewrites the agency roles' field lists by level. */
  private followPrivacyChanges() {
    const resync = (_record: unknown, options: any) => syncFieldLists(this.db, this.privacy, options?.transaction);
    this.db.on('fieldPrivacy.afterSave', resync);
    this.db.on('fieldPrivacy.afterDestroy', resync);
    this.db.on('fields.afterCreate', (field: any, options: any) => {
      if (this.registry.ownerKey(field.get('collectionName'))) return resync(field, options);
    });
  }
}

export default PluginAccessServer;

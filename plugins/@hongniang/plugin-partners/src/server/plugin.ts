import { Plugin } from '@nocobase/server';
import {
  declareAccess,
  ensureIndexes,
  extendBlueprint,
  extendDemoAgency,
  registerInCollectionManager,
  rowByRow,
} from '@hongniang/plugin-core';
import { withMemberPopupDefaults } from '@hongniang/plugin-members';
import { seedDemoPartners } from './demo/seed-demo';
import { checkContact } from './hooks/contact-rules';
import { checkInteraction } from './hooks/interaction-rules';
import { checkLinksOfBulkUpdates, checkMemberLink, checkMemberLinksInBulk } from './hooks/member-link-rules';
import { refuseDeletionWithReferrals } from './hooks/organisation-deletion';
import { checkOrganisation, checkOrganisationsInBulk } from './hooks/organisation-rules';
import { withPartnerOnMembers } from './pages/member-popups';
import { PARTNERS_ACCESS, PARTNERS_PAGE } from './roles';
import { registerMemberLinkField } from './setup/member-link-field';

/** Ours, in the collection manager. */
export const MANAGED_COLLECTIONS = ['partnerOrganisations', 'partnerContacts', 'partnerInteractions'];

/** Each collection's rules on one record, run on every write path (updates by condition row by row). */
const RULES: Record<string, (db: any, model: any, options: any) => Promise<void>> = {
  partnerOrganisations: checkOrganisation,
  partnerContacts: checkContact,
  partnerInteractions: checkInteraction,
};

/**
 * Partner organisations (合作机构): organisations classified by type, industry, size and relationship, their contacts
 * and interactions, imported and exported from Excel like members; a member from the channel 合作机构 names the one
 * that referred her, and each organisation lists its referred members. See docs/partners.md.
 */
export class PluginPartnersServer extends Plugin {
  async load() {
    declareAccess(this.app, this.name, PARTNERS_ACCESS);
    this.enforceOnEveryPath();
    this.linkMembers();
    // Excel import as for members: header row found, blank rows skipped, errors naming the Excel row and the field.
    (this.app.pm.get('@hongniang/plugin-members') as any).importLikeMembers('partnerOrganisations');
    // 合作机构 (src/blueprints): its referred members open the member popup grouped as in 会员列表.
    extendBlueprint(this.app, PARTNERS_PAGE, withMemberPopupDefaults);
    // Every page that groups a member's fields shows 合作机构 after 来源渠道 (flowSurfaces wants every field grouped).
    extendBlueprint(this.app, '*', withPartnerOnMembers);
    extendDemoAgency(this.app, 'partners', seedDemoPartners, { once: 'partnerOrganisations' });
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await registerMemberLinkField(this.app);
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }

  async upgrade() {
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }

  /** The rules on creates and updates; an organisation import checks all its rows at once. */
  private enforceOnEveryPath() {
    for (const [collection, check] of Object.entries(RULES)) {
      rowByRow(this.db, collection, collection === 'partnerOrganisations' ? ['update'] : ['create', 'update']);
      for (const event of ['beforeCreate', 'beforeUpdate'])
        this.db.on(`${collection}.${event}`, (model: any, options: any) => check(this.db, model, options));
    }
    this.db.on('partnerOrganisations.beforeBulkCreate', (models: any[], options: any) =>
      checkOrganisationsInBulk(this.db, models, options),
    );
    this.db.on('partnerOrganisations.beforeBulkDestroy', (options: any) => {
      options.individualHooks = true;
    });
    this.db.on('partnerOrganisations.beforeDestroy', (model: any, options: any) =>
      refuseDeletionWithReferrals(this.db, model, options),
    );
  }

  /** Only a member from the channel 合作机构 names an organisation, on every path that saves members. */
  private linkMembers() {
    for (const event of ['beforeCreate', 'beforeUpdate'])
      this.db.on(`members.${event}`, (model: any, options: any) => checkMemberLink(this.db, model, options));
    // Before the member archive's own checks of an import, which move its row numbering past the rows they checked.
    this.db.prependListener('members.beforeBulkCreate', (models: any[], options: any) =>
      checkMemberLinksInBulk(this.db, models, options),
    );
    this.db.on('members.beforeBulkUpdate', checkLinksOfBulkUpdates);
  }
}

export default PluginPartnersServer;

import { defineCollection } from '@nocobase/database';
import { INDUSTRIES, label, ORGANISATION_TYPES, RELATIONSHIPS, SIZES } from '../language/vocabulary';
import { createdAt, hasMany, integer, line, referrers, region, select, text, user } from '../fields/field-kinds';

/**
 * Partner organisations (合作机构, seed 003): companies, wedding services, other agencies, communities and schools the
 * agency works with, classified by type, industry, size and relationship. Its rules (hooks/organisation-rules.ts) hold
 * on every write path, Excel import included: a name (unique), options among their lists, size following headcount.
 */
export default defineCollection({
  name: 'partnerOrganisations',
  title: label('Partner organisations'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    line('name', 'Organisation name'),
    select('type', 'Organisation type', ORGANISATION_TYPES),
    select('industry', 'Industry', INDUSTRIES),
    // People working there; when given, the size is worked out from it (language/vocabulary.ts SIZES).
    integer('headcount', 'Headcount'),
    select('size', 'Size', SIZES),
    select('relationship', 'Relationship', RELATIONSHIPS, 'potential'),
    region('region', 'Region', 'partnerOrganisationRegions', 'partnerOrganisationId'),
    line('address', 'Address'),
    // The agency's own person who looks after the organisation.
    user('liaison', 'Agency liaison'),
    text('notes', 'Notes'),
    hasMany('contacts', 'Contacts', 'partnerContacts', 'organisationId'),
    hasMany('interactions', 'Interactions', 'partnerInteractions', 'organisationId'),
    // Members whose source channel is 合作机构 and who name this organisation (collections/members.ts).
    referrers('referredMembers', 'Referred members', 'members', 'partnerOrganisationId'),
    createdAt('Created at'),
  ],
  indexes: [{ fields: ['name'] }, { fields: ['relationship'] }, { fields: ['industry'] }],
});

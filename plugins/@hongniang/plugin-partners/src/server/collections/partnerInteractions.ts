import { defineCollection } from '@nocobase/database';
import { INTERACTION_KINDS, label } from '../language/vocabulary';
import { belongsTo, createdAt, day, line, select, staff, text } from '../fields/field-kinds';

/**
 * Interactions (往来记录) with a partner organisation: when, how, what was said, the next step; who recorded it is
 * filled in by the server (hooks/interaction-rules.ts). They go with the organisation.
 */
export default defineCollection({
  name: 'partnerInteractions',
  title: label('Partner interactions'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    belongsTo('organisation', 'Organisation', 'partnerOrganisations', 'name'),
    day('date', 'Date'),
    select('kind', 'Kind', INTERACTION_KINDS, 'visit'),
    // Whom the agency spoke to, one of the organisation's contacts (optional).
    belongsTo('contact', 'Contact', 'partnerContacts', 'name', 'SET NULL'),
    text('summary', 'Summary'),
    line('nextStep', 'Next step'),
    day('nextStepDate', 'Next step by'),
    staff('recordedBy', 'Recorded by'),
    createdAt('Created at'),
  ],
  indexes: [{ fields: ['date'] }],
});

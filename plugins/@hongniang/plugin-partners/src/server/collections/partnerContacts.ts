import { defineCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';
import { belongsTo, line, phone, text } from '../fields/field-kinds';

/** Contacts (联系人): the people the agency deals with at a partner organisation; they go with the organisation. */
export default defineCollection({
  name: 'partnerContacts',
  title: label('Partner contacts'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    belongsTo('organisation', 'Organisation', 'partnerOrganisations', 'name'),
    line('name', 'Name'),
    line('title', 'Job title'),
    phone('phone', 'Phone'),
    line('wechat', 'WeChat ID'),
    text('notes', 'Notes'),
  ],
});

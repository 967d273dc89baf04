import { defineCollection } from '@nocobase/database';
import { ANSWERS, CHANNELS, label } from '../language/vocabulary';
import {
  belongsTo,
  createdAt,
  enteredMoment,
  member,
  moment,
  select,
  staff,
  text,
  updatedAt,
} from '../fields/field-kinds';

/** One side's answer to an introduction (同意/拒绝/考虑中): one per side, updated as the answer changes (hooks/consent-rules.ts). */
export default defineCollection({
  name: 'introductionConsents',
  title: label('Consents'),
  uiManageable: true,
  fields: [
    belongsTo('introduction', 'Introduction', 'introductions', 'id'),
    member('member', 'Side'),
    select('answer', 'Answer', ANSWERS, 'considering'),
    enteredMoment('askedAt', 'Asked at'),
    moment('answeredAt', 'Answered at'),
    staff('recordedBy', 'Recorded by'),
    select('channel', 'Channel', CHANNELS),
    text('note', 'Note'),
    createdAt('Created at'),
    updatedAt('Last changed at'),
  ],
  indexes: [{ fields: ['introductionId', 'memberId'], unique: true }],
});

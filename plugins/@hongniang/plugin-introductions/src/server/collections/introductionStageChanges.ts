import { defineCollection } from '@nocobase/database';
import { ANSWERS, HISTORY_EVENTS, STAGES, label } from '../language/vocabulary';
import { belongsTo, member, moment, select, staff, text } from '../fields/field-kinds';

/**
 * An introduction's history, written by the server only (hooks/history.ts): every stage change, creation included, and
 * every consent answer recorded (event `consent`, with the side and the answer), so a changed answer stays on record.
 */
export default defineCollection({
  name: 'introductionStageChanges',
  title: label('Introduction history'),
  uiManageable: true,
  fields: [
    belongsTo('introduction', 'Introduction', 'introductions', 'id'),
    select('event', 'Event', HISTORY_EVENTS, 'stage'),
    select('fromStage', 'From stage', STAGES),
    select('toStage', 'To stage', STAGES),
    member('member', 'Side'),
    select('answer', 'Answer', ANSWERS),
    staff('changedBy', 'Changed by'),
    moment('changedAt', 'Changed at'),
    text('note', 'Note'),
  ],
});

import { defineCollection } from '@nocobase/database';
import { END_REASONS, STAGES, label } from '../language/vocabulary';
import {
  createdAt,
  hasMany,
  line,
  member,
  moment,
  readOnly,
  select,
  staff,
  text,
  updatedAt,
} from '../fields/field-kinds';

/**
 * Introductions (牵线): two members introduced to each other, moving through the stages (hooks/stage-rules.ts). Each
 * side's matchmaker is the member's own (`memberA.matchmaker`, `memberB.matchmaker`): read through the member, never copied.
 */
export default defineCollection({
  name: 'introductions',
  title: label('Introductions'),
  uiManageable: true,
  updatedBy: true,
  fields: [
    member('memberA', 'Side A'),
    member('memberB', 'Side B'),
    // "甲方 × 乙方" by name at the start, for pickers and cards (hooks/pair-title.ts); the server's.
    readOnly(line('title', 'Title')),
    select('stage', 'Stage', STAGES, 'recommendedToA'),
    select('endReason', 'End reason', END_REASONS),
    text('endNote', 'End note'),
    moment('endedAt', 'Ended at'),
    moment('stageChangedAt', 'Stage changed at'),
    staff('startedBy', 'Started by'),
    // The pair without direction ("smaller id:larger id") while the introduction is open, null once it is closed: the
    // database itself keeps one open introduction per pair.
    { name: 'openPairKey', type: 'string', unique: true },
    // The order of cards within a stage column on a kanban board (NocoBase's `move`); the interface lets 牵线看板 use it.
    { name: 'stageSort', type: 'sort', interface: 'sort', scopeKey: 'stage', hidden: true },
    text('note', 'Note'),
    // Its rows elsewhere, for the sub-tables of the board's card (written through their own collections' rules).
    hasMany('consents', 'Consents', 'introductionConsents', 'introductionId'),
    hasMany('stageChanges', 'Introduction history', 'introductionStageChanges', 'introductionId'),
    hasMany('dates', 'Dates', 'dates', 'introductionId'),
    createdAt('Started at'),
    updatedAt('Last changed at'),
  ],
  // A kanban column's first page: the cards of one stage in their order.
  // updatedAt: the reminders' sweep reads the introductions changed since its last run (plugin-follow-ups).
  indexes: [{ fields: ['stage', 'stageSort'] }, { fields: ['updatedAt'] }],
});

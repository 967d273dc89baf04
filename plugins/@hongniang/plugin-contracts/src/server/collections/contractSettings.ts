import { defineCollection } from '@nocobase/database';
import { REFUND_RULES, STAGE_ORDER, label } from '../language/vocabulary';
import { integer, select } from '../fields/field-kinds';

/**
 * The agency's contract settings: one record (id 1). Which introduction stage counts as delivered (推荐给乙方 by default:
 * the other side has been shown the member), how a refund after the cooling-off period is computed, how many days before
 * its end a contract with introductions still owed is announced, and how many working days a complaint has.
 */
export default defineCollection({
  name: 'contractSettings',
  title: label('Contract settings'),
  uiManageable: true,
  fields: [
    select('countingStage', 'Introductions count from stage', STAGE_ORDER, 'recommendedToB'),
    select('refundRule', 'Refund after the cooling-off period', REFUND_RULES, 'introductions'),
    integer('endingNoticeDays', 'Contract end announced (days ahead)', 30),
    integer('complaintWorkingDays', 'Complaint answered within (working days)', 3),
  ],
});

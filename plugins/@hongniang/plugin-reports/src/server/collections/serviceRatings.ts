import { defineCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';
import { createdAt, integer, line, staff, text, updatedAt, user } from '../fields/field-kinds';

/**
 * 服务态度: a manager's rating (1–5, with a comment) of one matchmaker's service attitude in one month; one per
 * matchmaker per month. Checked on every write (hooks/service-rating-rules.ts); copied into that month's KPI record.
 */
export default defineCollection({
  name: 'serviceRatings',
  title: label('Service ratings'),
  uiManageable: true,
  fields: [
    user('matchmaker', 'Matchmaker'),
    // 'YYYY-MM'.
    line('month', 'Month'),
    integer('score', 'Score (1–5)'),
    text('comment', 'Comment'),
    // The manager who rated, set by the server.
    staff('ratedBy', 'Rated by'),
    createdAt('Rated at'),
    updatedAt('Last changed at'),
  ],
  indexes: [{ fields: ['matchmakerId', 'month'], unique: true }],
});

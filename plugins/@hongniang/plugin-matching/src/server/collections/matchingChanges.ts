import { defineCollection } from '@nocobase/database';

/**
 * What changed for matching, written in the same transaction as the change: every app process reads it before it
 * answers, so none serves a stale index (NocoBase cluster mode included). memberId null means "reload everyone".
 */
export default defineCollection({
  name: 'matchingChanges',
  autoGenId: true,
  timestamps: false,
  fields: [
    { name: 'memberId', type: 'bigInt' },
    { name: 'changedAt', type: 'date', index: true },
  ],
});

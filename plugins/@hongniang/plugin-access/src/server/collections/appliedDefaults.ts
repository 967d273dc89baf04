import { defineCollection } from '@nocobase/database';

/** The one-time defaults applied to this installation (front-door.ts), so that none is applied again over an admin's later choice. */
export default defineCollection({
  name: 'appliedDefaults',
  fields: [{ name: 'name', type: 'string', unique: true }],
});

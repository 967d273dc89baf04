import { defineCollection } from '@nocobase/database';

/** Which of our page blueprints were applied, so a restart or upgrade never applies one again over an admin's changes. */
export default defineCollection({
  name: 'seededPages',
  fields: [
    { name: 'blueprint', type: 'string', unique: true },
    { name: 'pageSchemaUid', type: 'string' },
    { name: 'routeId', type: 'string' },
  ],
});

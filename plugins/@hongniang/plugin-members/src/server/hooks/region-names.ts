import { Database } from '@nocobase/database';

const REGIONS = 'chinaRegions';

/**
 * A China region's title is its name. NocoBase's region table names none, so a role that may not read the table itself
 * (a matchmaker, the front desk) got a member's city as bare codes ("[object Object]" in tables, "31 / 3101" in forms):
 * records reached through an association keep their key and title for such roles.
 */
export function titleRegionsByName(db: Database) {
  const name = (collection: any) => {
    if (collection?.name === REGIONS && !collection.options.titleField) collection.options.titleField = 'name';
  };
  name(db.getCollection(REGIONS));
  db.on('afterDefineCollection', name);
}

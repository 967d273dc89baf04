import { Migration } from '@nocobase/server';

/**
 * An agency installed before the 活动 page: its collection manager holds a copy of `events` without `interests` (the
 * event's interest after it, listed in the event's popup). The field is added to that copy as the code defines it, so
 * the collection manager shows it; the code's field already works without it. Nothing when the copy has it already.
 */
export default class InterestsOnEvents extends Migration {
  on = 'afterLoad';

  async up() {
    const fields = this.app.db.getRepository('fields');
    const registered = await this.app.db.getRepository('collections').findOne({ filter: { name: 'events' } });
    if (!fields || !registered || (await fields.findOne({ filter: { collectionName: 'events', name: 'interests' } })))
      return;
    const field = this.app.db.getCollection('events').getField('interests');
    await fields.create({ values: { ...field.options, name: 'interests', collectionName: 'events' } });
  }
}

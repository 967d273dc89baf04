import { Migration } from '@nocobase/server';

/** The fields issue 18 added, per collection: 匹配设置's learning settings and a suggestion's declining side. */
const ADDED_FIELDS: Record<string, string[]> = {
  matchSettings: ['learningEnabled', 'learnedShare', 'revealedShare'],
  matchSuggestions: ['declinedBy'],
};

/**
 * An agency installed before matching learned from answers: the collection manager's copies of matchSettings and
 * matchSuggestions (which the web client reads, and which NocoBase syncs to the tables) get the new fields as the code
 * defines them; the settings record reads their defaults until an admin saves it. Nothing to do on a second run or a new
 * installation. Her 匹配设置 and 处理 forms are hers: the fields are added there in the UI editor.
 */
export default class LearningFromAnswers extends Migration {
  on = 'afterLoad';

  async up() {
    const db = this.app.db;
    const fields = db.getRepository('fields');
    for (const [collectionName, names] of Object.entries(ADDED_FIELDS)) {
      for (const name of names) {
        if (await fields.findOne({ filter: { collectionName, name } })) continue;
        const field = db.getCollection(collectionName).getField(name);
        await fields.create({ values: { ...field.options, name, collectionName } });
      }
    }
  }
}

// Every hook signature the change journal listens to — one record (record, options), bulk create (records, options), bulk
// update and delete (options alone) — writes its journal row inside the caller's transaction: gone when it rolls back,
// there when it commits. A row written beside the transaction waits on SQLite's lock, and elsewhere outlives a rollback.
import { MockServer } from '@nocobase/test';
import { appForSuite } from '@test/support/app';
import { addMember } from '@test/support/members';

describe('the change journal is written in the transaction of the change, on every hook signature', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  const journalRows = () => app.db.getModel('matchingChanges').count();

  /** Journal rows a write leaves when its transaction rolls back, and when the same write commits. */
  async function journalledBy(write: (transaction: any) => Promise<unknown>) {
    const counted = async (finish: 'rollback' | 'commit') => {
      const before = await journalRows();
      const transaction = await app.db.sequelize.transaction();
      try {
        await write(transaction);
      } finally {
        await transaction[finish]();
      }
      return (await journalRows()) - before;
    };
    return { rolledBack: await counted('rollback'), committed: await counted('commit') };
  }

  it('leaves no journal row after a rollback and one after a commit, for single and bulk writes of members and preferences', async () => {
    const Member = app.db.getModel('members');
    const Preferences = app.db.getModel('partnerPreferences');
    const members = app.db.getRepository('members');
    const her = await addMember(app, { name: '她', gender: 'female', partnerPreferences: { ageMin: 25, ageMax: 35 } });
    const others = [
      await addMember(app, { name: '甲', gender: 'male' }),
      await addMember(app, { name: '乙', gender: 'male' }),
    ];
    const doomed = [
      await addMember(app, { name: '丙', gender: 'male' }),
      await addMember(app, { name: '丁', gender: 'male' }),
    ];
    const doomedPreferences = await addMember(app, {
      name: '戊',
      gender: 'female',
      partnerPreferences: { ageMin: 30, ageMax: 40 },
    });

    const writes: Record<string, (transaction: any) => Promise<unknown>> = {
      'members: one saved (record, options)': (transaction) =>
        members.update({ filterByTk: her, values: { notes: '更新' }, transaction }),
      'members: bulk create (records, options)': (transaction) =>
        Member.bulkCreate([{ name: '导入的会员', gender: 'female' }], { transaction }),
      'members: bulk update (options alone)': (transaction) =>
        Member.update({ notes: '批量' }, { where: { id: others }, transaction }),
      'members: bulk delete (options alone)': (transaction) =>
        Member.destroy({ where: { id: doomed[0] }, transaction }),
      'members: deleted through the repository (each, then the bulk hook)': (transaction) =>
        members.destroy({ filterByTk: doomed[1], transaction }),
      'partnerPreferences: bulk update (options alone)': (transaction) =>
        Preferences.update({ ageMax: 36 }, { where: { memberId: her }, transaction }),
      'partnerPreferences: bulk delete (options alone)': (transaction) =>
        Preferences.destroy({ where: { memberId: doomedPreferences }, transaction }),
    };
    const results: Record<string, { rolledBack: number; committed: number }> = {};
    for (const [name, write] of Object.entries(writes)) results[name] = await journalledBy(write);

    for (const [name, result] of Object.entries(results)) {
      expect({ name, rolledBack: result.rolledBack, journalled: result.committed > 0 }).toEqual({
        name,
        rolledBack: 0,
        journalled: true,
      });
    }
  });
});

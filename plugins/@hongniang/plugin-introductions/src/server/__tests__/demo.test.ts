import { MockServer } from '@nocobase/test';
import { appForSuite, signInAs } from '@test/support/app';
import { DEMO_STAFF, ensureIndexes, seedDemoAgency } from '@hongniang/plugin-core';
import { DEMO_INTRODUCTIONS } from '../demo/demo-plan';

const DAY = 86_400_000;

describe('the demo agency’s introductions', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  it('puts introductions in every planned stage, through the rules, each matchmaker with cards', async () => {
    const summaries = await seedDemoAgency(app, { members: 300, seed: 1 });
    expect(summaries).toContain(`${DEMO_INTRODUCTIONS.length} introductions`);
    const introductions: any[] = (
      await app.db.getRepository('introductions').find({ appends: ['memberA', 'memberB'], sort: ['id'] })
    ).map((row: any) => row.toJSON());
    expect(introductions.map((row) => row.stage)).toEqual(DEMO_INTRODUCTIONS.map((plan) => plan.stage));
    // Each member in at most one demo introduction; a woman and a man; the planned matchmakers.
    const members = introductions.flatMap((row) => [row.memberAId, row.memberBId]);
    expect(new Set(members).size).toBe(members.length);
    for (const [i, row] of introductions.entries()) {
      expect([row.memberA.gender, row.memberB.gender]).toEqual(['female', 'male']);
      expect(row.memberA.matchmakerId === row.memberB.matchmakerId).toBe(DEMO_INTRODUCTIONS[i].sameMatchmaker);
      // Dated back as planned (to the hour: the seed ran a moment ago).
      const inStage = (Date.now() - new Date(row.stageChangedAt).getTime()) / DAY;
      expect(Math.round(inStage)).toBe(DEMO_INTRODUCTIONS[i].inStageDays);
      expect(row.endReason ?? undefined).toBe(DEMO_INTRODUCTIONS[i].endReason);
    }
    // Reached through the rules: an introduction at 双方同意 or later has both sides' 同意, and a history row per stage.
    const consents: any[] = (await app.db.getRepository('introductionConsents').find()).map((row: any) => row.toJSON());
    const history: any[] = (await app.db.getRepository('introductionStageChanges').find()).map((row: any) =>
      row.toJSON(),
    );
    for (const row of introductions.filter((r) => !['recommendedToA', 'recommendedToB'].includes(r.stage))) {
      const answers = consents.filter((c) => c.introductionId === row.id).map((c) => c.answer);
      expect(answers).toContain(row.endReason === 'sideDeclined' ? 'declined' : 'agreed');
      expect(answers).toHaveLength(2);
    }
    for (const row of introductions) {
      const stages = history.filter((h) => h.introductionId === row.id && h.event === 'stage');
      expect(stages[stages.length - 1].toStage).toBe(row.stage);
      // Recorded as the side's matchmaker: the history names who did it.
      expect(stages.every((h) => h.changedById != null)).toBe(true);
    }
    // Dates on the calendar: past ones that took place (with both sides' feedback where the pair went on), coming ones.
    const dates: any[] = (await app.db.getRepository('dates').find()).map((row: any) => row.toJSON());
    const past = dates.filter((d) => d.status === 'completed');
    const coming = dates.filter((d) => d.status === 'scheduled');
    expect(past.every((d) => new Date(d.startsAt).getTime() < Date.now())).toBe(true);
    expect(coming.every((d) => new Date(d.startsAt).getTime() > Date.now())).toBe(true);
    expect(past.length).toBeGreaterThanOrEqual(
      DEMO_INTRODUCTIONS.filter((p) => !/^recommended|bothAgreed/.test(p.stage)).length - 2,
    );
    expect(coming.length).toBeGreaterThanOrEqual(2);
    const feedback: any[] = (await app.db.getRepository('dateFeedback').find()).map((row: any) => row.toJSON());
    for (const row of introductions.filter((r) => ['dating', 'committed', 'engaged', 'married'].includes(r.stage))) {
      const dateIds = past.filter((d) => d.introductionId === row.id).map((d) => d.id);
      expect(feedback.filter((f) => dateIds.includes(f.dateId)).map((f) => f.wantsToContinue)).toEqual(['yes', 'yes']);
    }
    // Every demo matchmaker has cards on her board.
    for (const person of DEMO_STAFF.filter((p) => p.role === 'matchmaker')) {
      const user = await app.db.getRepository('users').findOne({ filter: { username: person.username } });
      const agent = await signInAs(app, user, 'matchmaker');
      const { status, body } = await agent.resource('introductions').list({ pageSize: 100 });
      expect(status).toBe(200);
      expect(body.data.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('seed-demo on an agency that has its demo adds members only (the README\'s "more demo members")', async () => {
    // The agency seeded above, as `npm start` leaves it; a second seeding used to introduce the same pairs again and
    // stop at the first (这两位会员已有进行中的牵线).
    const count = (collection: string) => app.db.getRepository(collection).count();
    const collections = ['introductions', 'dates', 'followUps', 'events', 'contracts', 'partnerOrganisations'];
    const present = collections.filter((collection) => app.db.getCollection(collection));
    const before = await Promise.all(present.map(count));
    const members = await count('members');
    const summaries = await seedDemoAgency(app, { members: 40, seed: 2 });
    expect(await count('members')).toBe(members + 40);
    expect(await Promise.all(present.map(count))).toEqual(before);
    expect(summaries).toContain('introductions kept (the agency has its introductions already)');
    expect(summaries).not.toContain(`${DEMO_INTRODUCTIONS.length} introductions`);
  });

  it('has the indexes the board and the pair checks read (NocoBase creates plugin tables without them)', async () => {
    const queryInterface: any = app.db.sequelize.getQueryInterface();
    const indexes: any[] = await queryInterface.showIndex(
      app.db.getCollection('introductions').getTableNameWithSchema(),
    );
    const columns = indexes.map((index) => index.fields.map((field: any) => field.attribute).join(','));
    expect(columns).toEqual(expect.arrayContaining(['memberAId', 'memberBId', 'stage,stageSort']));
  });

  it('keeps one consent and one feedback per member in the database itself, and repairs an index made plain before', async () => {
    const queryInterface: any = app.db.sequelize.getQueryInterface();
    const pairIndex = async (collection: string) => {
      const indexes: any[] = await queryInterface.showIndex(app.db.getCollection(collection).getTableNameWithSchema());
      return indexes.find(
        (index) =>
          index.fields.map((field: any) => field.attribute).join(',') === 'dateId,memberId' ||
          index.fields.map((field: any) => field.attribute).join(',') === 'introductionId,memberId',
      );
    };
    expect((await pairIndex('dateFeedback'))?.unique).toBe(true);
    expect((await pairIndex('introductionConsents'))?.unique).toBe(true);
    // An agency installed before the fix has it plain: the next start (ensureIndexes) makes it unique.
    const table = app.db.getCollection('dateFeedback').getTableNameWithSchema();
    const { name } = await pairIndex('dateFeedback');
    await queryInterface.removeIndex(table, name);
    await queryInterface.addIndex(table, { name, fields: ['dateId', 'memberId'] });
    expect((await pairIndex('dateFeedback'))?.unique).toBe(false);
    await ensureIndexes(app, ['dateFeedback']);
    expect((await pairIndex('dateFeedback'))?.unique).toBe(true);
  });
});

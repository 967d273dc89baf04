// The demo agency's partner organisations (demo/seed-demo.ts), written through the same rules as staff's records.
import { MockServer } from '@nocobase/test';
import { seedDemoAgency } from '@hongniang/plugin-core';
import { appForSuite } from '@test/support/app';

describe('partners in the demo agency', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  it('seeds organisations of every type with contacts and interactions, and links members referred by the long-term partners', async () => {
    const summaries = await seedDemoAgency(app, { members: 60, seed: 1 });
    const summary = summaries.find((line) => line.includes('organisations'));
    expect(summary).toMatch(/^5 organisations, 5 contacts, 5 interactions, 6 members linked$/);
    const organisations = (await app.db.getRepository('partnerOrganisations').find()).map((row: any) => row.toJSON());
    expect(organisations.map((row) => row.type).sort()).toEqual(
      ['community', 'enterprise', 'otherAgency', 'school', 'weddingService'].sort(),
    );
    expect(organisations.find((row) => row.name === '华信科技有限公司')).toMatchObject({ size: 'large' });
    const linked = await app.db.getRepository('members').find({ filter: { partnerOrganisationId: { $ne: null } } });
    expect(linked).toHaveLength(6);
    expect(linked.every((member: any) => member.get('sourceChannel') === 'partner')).toBe(true);
    const interactions = await app.db.getRepository('partnerInteractions').find();
    expect(interactions.every((row: any) => row.get('recordedById') != null)).toBe(true);
  });
});

// The demo agency's follow-ups: past follow-ups of each matchmaker's members, written through the hooks (the member's
// last contact and next follow-up move), and members due today, whom the sweep reminds.
import { MockServer } from '@nocobase/test';
import { DEMO_STAFF, seedDemoAgency } from '@hongniang/plugin-core';
import { HONGNIANG_PLUGINS, appForSuite } from '@test/support/app';
import { workflowsIdle } from '@test/support/workflows';

describe('the demo agency’s follow-ups', () => {
  let app: MockServer;

  appForSuite(
    async (booted) => {
      app = booted;
    },
    { ours: HONGNIANG_PLUGINS },
  );

  it('gives each matchmaker’s members follow-ups, and some a follow-up due: reminded at the next sweep', async () => {
    const summaries = await seedDemoAgency(app, { members: 120, seed: 1 });
    const followUps: any[] = (await app.db.getRepository('followUps').find()).map((row: any) => row.toJSON());
    expect(summaries).toContain(`${followUps.length} follow-ups`);
    const matchmakers = await app.db.getRepository('users').find({
      filter: { username: DEMO_STAFF.filter((person) => person.role === 'matchmaker').map((p) => p.username) },
    });
    for (const matchmaker of matchmakers)
      expect(followUps.filter((row) => row.matchmakerId === matchmaker.get('id')).length).toBeGreaterThanOrEqual(12);
    // Through the hooks: each followed-up member's last contact is her latest follow-up.
    const memberId = followUps[0].memberId;
    const latest = Math.max(
      ...followUps.filter((row) => row.memberId === memberId).map((row) => new Date(row.occurredAt).getTime()),
    );
    const member = (await app.db.getRepository('members').findOne({ filterByTk: memberId })).toJSON();
    expect(new Date(member.lastContactAt).getTime()).toBe(latest);
    // The sweep (as at start) reminds each matchmaker of her members due today or before.
    await app.db.getModel('reminderSweeps').destroy({ where: {} });
    await app.pm.get<any>('@hongniang/plugin-follow-ups').sweeper.sweepNow();
    await workflowsIdle(app);
    const due = await app.db.getRepository('reminders').find({ filter: { kind: 'followUpDue' } });
    expect(new Set(due.map((row: any) => row.get('recipientId'))).size).toBe(matchmakers.length);
  });
});

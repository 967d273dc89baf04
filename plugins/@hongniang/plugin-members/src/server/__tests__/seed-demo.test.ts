import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { DEMO_STAFF, seedDemoAgency, seedDemoCommand } from '@hongniang/plugin-core';
import { DEMO_REFERENCE_DATE } from '../demo/demo-members';

const DEMO_MATCHMAKERS = DEMO_STAFF.filter((person) => person.role === 'matchmaker');

describe('seeding a demo agency into a real app', () => {
  let app: MockServer;

  appForSuite(async (booted) => {
    app = booted;
  });

  it('adds members with numbers, preferences, cities and matchmakers through the seed-demo command', async () => {
    // Registered as scripts/lib/app-command.js does (NocoBase's own command loader trips over plugin-file-manager).
    seedDemoCommand(app);
    await app.runCommandThrowError('seed-demo', '--members', '120', '--seed', '3');
    const members = app.db.getRepository('members');
    expect(await members.count()).toBe(120);
    expect(await app.db.getRepository('partnerPreferences').count()).toBe(120);
    const matchmakers = await app.db
      .getRepository('users')
      .find({ filter: { username: DEMO_MATCHMAKERS.map((m) => m.username) } });
    expect(matchmakers).toHaveLength(3);
    // Every account in her agency role (the access plugin's roles exist in this app), as her default.
    const staffRoles = await app.db.getRepository('rolesUsers').find({
      filter: {
        userId: (
          await app.db
            .getRepository('users')
            .find({ filter: { username: DEMO_STAFF.map((person) => person.username) } })
        ).map((user: any) => user.get('id')),
      },
    });
    expect(staffRoles.map((link: any) => `${link.get('roleName')}:${link.get('default')}`).sort()).toEqual(
      // 财务 (sunyue) only where plugin-contracts adds her role: not in this app.
      DEMO_STAFF.filter((person) => !person.onlyWithRole)
        .map((person) => `${person.role}:true`)
        .sort(),
    );

    const admin = await signInAsRoot(app);
    const { body } = await admin
      .resource('members')
      .list({ appends: ['partnerPreferences', 'currentCity', 'matchmaker'], pageSize: 200, sort: ['id'] });
    expect(body.data).toHaveLength(120);
    const numbers = body.data.map((m: any) => m.memberNo);
    expect(new Set(numbers).size).toBe(120);
    for (const member of body.data) {
      expect(member.memberNo).toMatch(/^HN\d{6}$/);
      expect(member.partnerPreferences.memberId).toBe(member.id);
      expect(member.currentCity.map((region: any) => region.level).sort()).toEqual([1, 2]);
      expect(DEMO_MATCHMAKERS.map((m) => m.nickname)).toContain(member.matchmaker.nickname);
      // 状态变更时间: a new member's on her join day, any other's halfway to the demo's reference date (never today).
      const joined = new Date(`${member.joinDate}T00:00:00Z`).getTime();
      const changed = new Date(member.statusChangedAt).getTime();
      const halfway = joined + (DEMO_REFERENCE_DATE.getTime() - joined) / 2;
      const expected = member.status === 'new' ? joined : halfway;
      expect(Math.abs(changed - expected)).toBeLessThan(2 * 86400000);
    }
  });

  it('adds more on a second run, with new numbers and phones, and refuses a bad count', async () => {
    await seedDemoAgency(app, { members: 30, seed: 3 });
    const members = await app.db.getRepository('members').find({ fields: ['phone', 'memberNo'] });
    expect(members).toHaveLength(150);
    expect(new Set(members.map((m: any) => m.get('phone'))).size).toBe(150);
    expect(new Set(members.map((m: any) => m.get('memberNo'))).size).toBe(150);
    await expect(seedDemoAgency(app, { members: 0 })).rejects.toThrow(
      '--members must be a whole number from 1 to 1000000; got 0',
    );
  });
});

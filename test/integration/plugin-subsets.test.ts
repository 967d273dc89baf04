// Issue 13: access is a registry that knows no feature, so any of our feature plugins can be disabled and the others
// keep working. Each subset the dependencies allow (matching needs members; core is always there) boots a real app
// with the ACL on; the checks follow what each plugin present declares, and nothing of an absent one is asked for.
import { MockServer } from '@nocobase/test';
import { createHongniangApp, createUser, rootUser, signInAs } from '@test/support/app';
import { addMember, bornYearsAgo } from '@test/support/members';

const CORE = '@hongniang/plugin-core';
const MEMBERS = '@hongniang/plugin-members';
const MATCHING = '@hongniang/plugin-matching';
const INTRODUCTIONS = '@hongniang/plugin-introductions';
const ACCESS = '@hongniang/plugin-access';
const FOLLOW_UPS = '@hongniang/plugin-follow-ups';
const EVENTS = '@hongniang/plugin-events';
const REPORTS = '@hongniang/plugin-reports';
const PARTNERS = '@hongniang/plugin-partners';
const CONTRACTS = '@hongniang/plugin-contracts';

const short = (names: string[]) =>
  names.map((name) => name.replace('@hongniang/plugin-', '')).join(' + ') || 'no feature';

// Each partial set of features with access (the registry must serve what is there and nothing else), and the features
// without access twice (with and without events): a set without access differs from its twin with access only in
// what access adds, so the smaller ones are not booted again (each is an installation: ~10 s, ~25 s under CI's load).
const SUBSETS: string[][] = [
  [],
  [ACCESS],
  [MEMBERS, ACCESS],
  [MEMBERS, MATCHING, ACCESS],
  [MEMBERS, INTRODUCTIONS, ACCESS],
  [MEMBERS, INTRODUCTIONS, FOLLOW_UPS, ACCESS],
  // Partner organisations stand on members alone; contracts on introductions (the ledger) and follow-ups (reminders).
  [MEMBERS, PARTNERS, ACCESS],
  [MEMBERS, INTRODUCTIONS, FOLLOW_UPS, CONTRACTS, ACCESS],
  // Reports count members, suggestions, introductions and reminders.
  [MEMBERS, MATCHING, INTRODUCTIONS, FOLLOW_UPS, REPORTS],
  // Events stand on matching (suggestions) and follow-ups (reminders): with the rest and access, every plugin.
  [MEMBERS, MATCHING, INTRODUCTIONS, FOLLOW_UPS, EVENTS, REPORTS, PARTNERS, CONTRACTS],
  [MEMBERS, MATCHING, INTRODUCTIONS, FOLLOW_UPS, EVENTS, REPORTS, PARTNERS, CONTRACTS, ACCESS],
];

describe.each(SUBSETS.map((features) => ({ name: short(features), features })))(
  'with core and $name',
  ({ features }) => {
    const has = (name: string) => features.includes(name);
    let app: MockServer;
    let root: any;

    beforeAll(async () => {
      // Each subset is booted once in a run: installed, not copied from a template (that would add a start).
      app = await createHongniangApp({ ours: [CORE, ...features], fresh: true });
      root = await signInAs(app, await rootUser(app), 'root');
    });

    afterAll(async () => {
      await app?.destroy();
    });

    it(`enables exactly core + ${short(features)}`, () => {
      const ours = [...app.pm.getPlugins().values()]
        .map((plugin: any) => plugin.options?.packageName)
        .filter((name) => name?.startsWith('@hongniang/'));
      expect(ours.sort()).toEqual([CORE, ...features].sort());
    });

    it('serves each present plugin its collections, and none of an absent one', async () => {
      for (const [plugin, collection] of [
        [MEMBERS, 'members'],
        [MATCHING, 'matchSuggestions'],
        [MATCHING, 'weightProposals'],
        [INTRODUCTIONS, 'introductions'],
        [INTRODUCTIONS, 'introductionConsents'],
        [INTRODUCTIONS, 'introductionStageChanges'],
        [INTRODUCTIONS, 'dates'],
        [INTRODUCTIONS, 'dateFeedback'],
        [INTRODUCTIONS, 'contactReleases'],
        [FOLLOW_UPS, 'followUps'],
        [FOLLOW_UPS, 'reminders'],
        [EVENTS, 'events'],
        [EVENTS, 'eventInvitations'],
        [EVENTS, 'eventInterests'],
        [REPORTS, 'matchmakerMonths'],
        [REPORTS, 'serviceRatings'],
        [REPORTS, 'agencyMonths'],
        [REPORTS, 'serviceSummaries'],
        [PARTNERS, 'partnerOrganisations'],
        [PARTNERS, 'partnerContacts'],
        [PARTNERS, 'partnerInteractions'],
        [CONTRACTS, 'contracts'],
        [CONTRACTS, 'payments'],
        [CONTRACTS, 'complaints'],
        [CONTRACTS, 'contractSettings'],
        [ACCESS, 'fieldPrivacy'],
      ]) {
        expect([collection, app.db.hasCollection(collection)]).toEqual([collection, has(plugin)]);
        if (has(plugin)) expect((await root.resource(collection).list()).status).toBe(200);
      }
    });

    it('gives the agency roles the grants of the plugins present only', async () => {
      if (!has(ACCESS)) {
        expect(
          await app.db.getRepository('roles').count({ filter: { name: ['manager', 'matchmaker', 'intake'] } }),
        ).toBe(0);
        return;
      }
      const resources = await app.db
        .getRepository('dataSourcesRolesResources')
        .find({ filter: { roleName: 'matchmaker' } });
      const expected = [
        'roles',
        'users',
        ...(has(MEMBERS) ? ['ageGroupBands', 'members', 'partnerPreferences'] : []),
        ...(has(MATCHING) ? ['matchSuggestions', 'weightProposals'] : []),
        ...(has(INTRODUCTIONS)
          ? [
              'contactReleases',
              'dateFeedback',
              'dates',
              'introductionConsents',
              'introductionStageChanges',
              'introductions',
            ]
          : []),
        ...(has(FOLLOW_UPS) ? ['followUps', 'reminders'] : []),
        ...(has(EVENTS) ? ['eventInterests', 'eventInvitations', 'events'] : []),
        ...(has(REPORTS) ? ['matchmakerMonths', 'serviceRatings', 'serviceSummaries'] : []),
        ...(has(PARTNERS) ? ['partnerContacts', 'partnerInteractions', 'partnerOrganisations'] : []),
        ...(has(CONTRACTS) ? ['complaints', 'contracts'] : []),
      ];
      expect(resources.map((resource: any) => resource.get('name')).sort()).toEqual(expected.sort());
      const manager = await app.db.getRepository('roles').findOne({ filterByTk: 'manager' });
      expect(manager.get('strategy').actions.includes('match')).toBe(has(MATCHING));
      expect(manager.get('strategy').actions.includes('suggestInvitees')).toBe(has(EVENTS));
      expect(manager.get('snippets').includes(`pm.${MATCHING}`)).toBe(has(MATCHING));
      const privacy = await app.db.getRepository('fieldPrivacy').find();
      expect(new Set(privacy.map((row: any) => row.get('collectionName')))).toEqual(
        new Set(has(MEMBERS) ? ['members'] : []),
      );
    });

    it('lets a matchmaker work on what is there', async () => {
      if (!has(ACCESS)) return;
      const user = await createUser(app, { nickname: 'lijing', roles: ['matchmaker'] });
      const lijing = await signInAs(app, user, 'matchmaker');
      expect((await lijing.resource('users').list({ fields: ['nickname'] })).status).toBe(200);
      if (!has(MEMBERS)) return;
      const created = await lijing.resource('members').create({
        values: {
          name: '苏映雪',
          gender: 'female',
          birthDate: bornYearsAgo(28),
          phone: '13900000001',
          status: 'inService',
        },
      });
      expect([created.status, created.body.errors]).toEqual([200, undefined]);
      // Hers, as she created her: she reads her phone back.
      const read = await lijing.resource('members').get({ filterByTk: created.body.data.id });
      expect([read.status, read.body.data.phone, read.body.data.matchmakerId]).toEqual([
        200,
        '13900000001',
        user.get('id'),
      ]);
      if (has(MATCHING))
        expect((await lijing.resource('members').match({ filterByTk: created.body.data.id })).status).toBe(200);
      if (has(INTRODUCTIONS)) {
        const other = await lijing.resource('members').create({
          values: {
            name: '周明',
            gender: 'male',
            birthDate: bornYearsAgo(31),
            phone: '13900000002',
            status: 'inService',
          },
        });
        const introduced = await lijing
          .resource('introductions')
          .create({ values: { memberAId: created.body.data.id, memberBId: other.body.data.id } });
        expect([introduced.status, introduced.body.data?.stage]).toEqual([200, 'recommendedToA']);
      }
      if (has(FOLLOW_UPS)) {
        const called = await lijing
          .resource('followUps')
          .create({ values: { memberId: created.body.data.id, summary: '首次电话' } });
        expect([called.status, called.body.data?.matchmakerId]).toEqual([200, user.get('id')]);
      }
      if (has(EVENTS)) {
        const event = await root
          .resource('events')
          .create({ values: { title: '读书沙龙', startsAt: new Date(Date.now() + 86_400_000) } });
        expect(event.status).toBe(200);
        const invitees = await lijing.resource('events').suggestInvitees({ filterByTk: event.body.data.id });
        expect([invitees.status, Array.isArray(invitees.body.data?.invitees)]).toEqual([200, true]);
      }
      if (has(REPORTS)) {
        // Her own KPI record of the month, computed as it is read.
        const months = await lijing.resource('matchmakerMonths').list();
        expect([months.status, months.body.data?.map((row: any) => row.matchmakerId)]).toEqual([200, [user.get('id')]]);
      }
    });

    it('matches without an access plugin, on NocoBase field lists alone', async () => {
      if (!has(MATCHING) || has(ACCESS)) return;
      const id = await addMember(app, { name: '苏映雪', gender: 'female', age: 28 });
      await addMember(app, { name: '周明', gender: 'male', age: 31 });
      const { status, body } = await root.resource('members').match({ filterByTk: id });
      expect(status).toBe(200);
      expect(body.data.map((result: any) => result.candidate.name)).toEqual(['周明']);
    });
  },
);

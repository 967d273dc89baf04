// Deleting a member (PIPL: a person may have her data deleted): her preferences, her suggestions on either side and her
// links go with her, the change is journalled for matching, all in the delete's one transaction — or nothing at all.
import { Op } from '@nocobase/database';
import { MockServer } from '@nocobase/test';
import fs from 'fs';
import path from 'path';
import { appForSuite, HONGNIANG_PLUGINS, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import { MemberDeletionRefused } from '../hooks/member-deletion';
import { PluginMembersServer } from '../plugin';

/** A 1×1 PNG, uploaded as a member's photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('deleting a member', () => {
  let app: MockServer;
  let admin: any;
  let manager: any;
  let matchmaker: any;
  let matchmakerId: number;
  /** The man matching is asked for: every woman below fits him and he fits her, with no suggestion between them. */
  let seeker: number;

  appForSuite(
    async (booted) => {
      app = booted;
      admin = await signInAsRoot(app);
      const { as, users } = await signInStaff(app, { zhaoli: 'manager', lijing: 'matchmaker' });
      matchmakerId = users.lijing;
      ({ zhaoli: manager, lijing: matchmaker } = as);
      seeker = await addMember(app, {
        name: '找对象的人',
        gender: 'male',
        age: 33,
        partnerPreferences: { ageMin: 25, ageMax: 40 },
      });
      // A member is erased with what every plugin keeps about her (matching's suggestions): all of them are booted.
    },
    { ours: HONGNIANG_PLUGINS },
  );

  /** A woman with everything a member gathers: preferences with regions and own weights, a city, suggestions on both sides. */
  async function memberWithHistory(name: string) {
    const member = await addMember(app, {
      name,
      gender: 'female',
      age: 30,
      city: '1101',
      matchmakerId,
      partnerPreferences: { ageMin: 28, ageMax: 40, preferredRegions: [{ code: '11' }], personalityWeight: 8 },
    });
    const suitor = await addMember(app, { name: `${name}的推荐对象`, gender: 'male', age: 34 });
    const admirer = await addMember(app, { name: `推荐了${name}的会员`, gender: 'male', age: 35 });
    // Written as the batch run writes them (one raw insert, no hooks): suggestions are matching's to author.
    const suggestions = app.db.getModel('matchSuggestions');
    const hers = await suggestions.create(
      { memberId: member, candidateId: suitor, pairKey: `${member}:${suitor}`, score: 70 },
      { hooks: false },
    );
    const his = await suggestions.create(
      { memberId: admirer, candidateId: member, pairKey: `${member}:${admirer}`, score: 60 },
      { hooks: false },
    );
    const preferences = await app.db.getRepository('partnerPreferences').findOne({ filter: { memberId: member } });
    return {
      member,
      preferencesId: preferences.get('id') as number,
      suggestionIds: [hers.get('id'), his.get('id')] as number[],
    };
  }

  /** Every row that holds or points at the member, by table (rows counted by their own ids too: a cascade must not just unlink them). */
  async function rowsOf({
    member,
    preferencesId,
    suggestionIds,
  }: {
    member: number;
    preferencesId: number;
    suggestionIds: number[];
  }) {
    const count = (model: string, where: Record<string | symbol, unknown>) => app.db.getModel(model).count({ where });
    return {
      members: await count('members', { id: member }),
      partnerPreferences: await count('partnerPreferences', { [Op.or]: [{ memberId: member }, { id: preferencesId }] }),
      preferredRegions: await count('partnerPreferenceRegions', { partnerPreferencesId: preferencesId }),
      currentCity: await count('memberCurrentCities', { memberId: member }),
      photoLinks: await count('memberPhotos', { memberId: member }),
      asMember: await count('matchSuggestions', { [Op.or]: [{ memberId: member }, { id: suggestionIds[0] }] }),
      asCandidate: await count('matchSuggestions', { [Op.or]: [{ candidateId: member }, { id: suggestionIds[1] }] }),
    };
  }

  /** Uploads a photo as NocoBase's upload field does and sets it on the member; answers its record id and stored file. */
  async function withPhoto(memberId: number) {
    const upload = await admin.post('/attachments:create').attach('file', PNG, 'photo.png');
    expect(upload.status).toBe(200);
    const { id, path: folder, filename } = upload.body.data;
    expect((await admin.post(`/members:update?filterByTk=${memberId}`).send({ photo: [{ id }] })).status).toBe(200);
    // The default local storage keeps files under STORAGE_PATH/uploads (its documentRoot "storage/uploads").
    const file = path.join(process.env.STORAGE_PATH as string, 'uploads', folder || '', filename);
    expect(fs.existsSync(file)).toBe(true);
    return { id: id as number, file };
  }
  const photoKept = async (photo: { id: number; file: string }) => [
    await app.db.getModel('attachments').count({ where: { id: photo.id } }),
    fs.existsSync(photo.file),
  ];

  const GONE = {
    members: 0,
    partnerPreferences: 0,
    preferredRegions: 0,
    currentCity: 0,
    photoLinks: 0,
    asMember: 0,
    asCandidate: 0,
  };
  const journalled = (memberId: number | null) => app.db.getModel('matchingChanges').count({ where: { memberId } });
  const offeredTo = async (memberId: number) => {
    const response = await admin.post(`/members:match?filterByTk=${memberId}`).send({ limit: 100 });
    expect(response.status).toBe(200);
    return response.body.data.map((result: any) => result.candidateId);
  };

  it('as admin removes her, her preferences (regions, own weights), her suggestions on both sides and her links, journals it, and matching no longer offers her', async () => {
    const her = await memberWithHistory('王小红');
    const photo = await withPhoto(her.member);
    expect(await rowsOf(her)).toEqual({
      members: 1,
      partnerPreferences: 1,
      preferredRegions: 1,
      currentCity: 2,
      photoLinks: 1,
      asMember: 1,
      asCandidate: 1,
    });
    expect(await offeredTo(seeker)).toContain(her.member);
    const journalBefore = await journalled(her.member);
    expect(journalBefore).toBeGreaterThan(0);

    const response = await admin.post(`/members:destroy?filterByTk=${her.member}`);
    expect(response.status).toBe(200);
    expect(await rowsOf(her)).toEqual(GONE);
    expect(await journalled(her.member)).toBeGreaterThan(journalBefore);
    expect(await photoKept(photo)).toEqual([0, false]);
    expect(await offeredTo(seeker)).not.toContain(her.member);
  });

  it('is open to the 主管 (manager); a 红娘 (matchmaker), who has no destroy, gets 403 and her member stays', async () => {
    const her = await memberWithHistory('李小梅');
    const refused = await matchmaker.post(`/members:destroy?filterByTk=${her.member}`);
    expect(refused.status).toBe(403);
    expect((await rowsOf(her)).members).toBe(1);

    const response = await manager.post(`/members:destroy?filterByTk=${her.member}`);
    expect(response.status).toBe(200);
    expect(await rowsOf(her)).toEqual(GONE);
  });

  it('deletes every member a filter selects, each with everything of hers', async () => {
    const first = await memberWithHistory('批量甲');
    const second = await memberWithHistory('批量乙');
    const kept = await memberWithHistory('保留丙');
    const filter = encodeURIComponent(JSON.stringify({ name: { $in: ['批量甲', '批量乙'] } }));
    const response = await admin.post(`/members:destroy?filter=${filter}`);
    expect(response.status).toBe(200);
    expect(await rowsOf(first)).toEqual(GONE);
    expect(await rowsOf(second)).toEqual(GONE);
    expect((await rowsOf(kept)).members).toBe(1);
    const offered = await offeredTo(seeker);
    expect(offered).not.toContain(first.member);
    expect(offered).toContain(kept.member);
  });

  it('partnerPreferences:destroy removes her one set (regions and own weights with it), keeps her, and journals her', async () => {
    const her = await memberWithHistory('赵小兰');
    const journalBefore = await journalled(her.member);
    const response = await admin.post(`/partnerPreferences:destroy?filterByTk=${her.preferencesId}`);
    expect(response.status).toBe(200);
    expect(await rowsOf(her)).toMatchObject({ members: 1, partnerPreferences: 0, preferredRegions: 0 });
    expect(await journalled(her.member)).toBeGreaterThan(journalBefore);
  });

  it('leaves everything as it was when the delete fails after the cascade (nothing half-done, no journal row)', async () => {
    const her = await memberWithHistory('孙小燕');
    const photo = await withPhoto(her.member);
    const before = await rowsOf(her);
    const journalBefore = await app.db.getModel('matchingChanges').count();
    // The very last step of a delete, after the cascade, her own row and every listener of ours.
    const failAtTheEnd = async () => {
      throw new Error('simulated failure at the end of the delete');
    };
    app.db.on('members.afterBulkDestroy', failAtTheEnd);
    try {
      const response = await admin.post(`/members:destroy?filterByTk=${her.member}`);
      expect(response.status).toBe(500);
      expect(response.body.errors[0].message).toContain('simulated failure at the end of the delete');
    } finally {
      app.db.off('members.afterBulkDestroy', failAtTheEnd);
    }
    expect(await rowsOf(her)).toEqual(before);
    expect(await photoKept(photo)).toEqual([1, true]);
    expect(await app.db.getModel('matchingChanges').count()).toBe(journalBefore);
    expect(await offeredTo(seeker)).toContain(her.member);
  });

  it('lets a plugin refuse a delete with 409 in the caller’s language (open introductions, later), deleting nothing', async () => {
    const her = await memberWithHistory('周小芳');
    const before = await rowsOf(her);
    const members = app.pm.get(PluginMembersServer) as PluginMembersServer;
    members.refuseDeletionWhen(async (member, { locale }) => {
      if (member.get('id') !== her.member) return;
      const name = member.get('name');
      throw new MemberDeletionRefused(
        locale.startsWith('en') ? `${name} still has open introductions` : `会员 ${name} 还有进行中的介绍`,
      );
    });
    const english = await admin.post(`/members:destroy?filterByTk=${her.member}`).set('X-Locale', 'en-US');
    expect(english.status).toBe(409);
    expect(english.body.errors[0].message).toBe('周小芳 still has open introductions');
    const chinese = await admin.post(`/members:destroy?filterByTk=${her.member}`).set('X-Locale', 'zh-CN');
    expect(chinese.status).toBe(409);
    expect(chinese.body.errors[0].message).toBe('会员 周小芳 还有进行中的介绍');
    expect(await rowsOf(her)).toEqual(before);
  });
});

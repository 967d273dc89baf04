import { MockServer } from '@nocobase/test';
import { appForSuite, createUser, signInAsRoot } from '@test/support/app';
import { addMember } from '@test/support/members';

// Alice (female, 30, Beijing) and the men around her; the right order is known by construction (see each comment).
const HER_WISH = {
  ageMin: 30,
  ageMax: 36,
  heightMin: 170,
  heightMax: 185,
  minEducation: 'bachelor',
  maritalStatuses: ['single'],
  childrenAcceptable: false,
  minIncomeBand: '200kTo300k',
  preferredRegions: [{ code: '11' }, { code: '1101' }],
  wantedHobbies: ['reading', 'travel'],
  wantedPersonality: ['steady'],
  smokingAcceptable: false,
  smokingImportance: 'required',
};
const HER = {
  name: '林小雨',
  gender: 'female',
  age: 30,
  heightCm: 168,
  education: 'bachelor',
  maritalStatus: 'single',
  childrenStatus: 'none',
  smoking: 'never',
  hobbies: ['reading', 'cooking'],
  personality: ['gentle'],
  incomeBand: '100kTo200k',
  city: '1101',
};
/** Everything Alice wishes for, and she is everything he wishes for: 100 both ways. */
const PERFECT_MAN = {
  gender: 'male',
  age: 32,
  heightCm: 178,
  education: 'master',
  maritalStatus: 'single',
  childrenStatus: 'none',
  smoking: 'never',
  hobbies: ['reading', 'travel'],
  personality: ['steady'],
  incomeBand: '300kTo500k',
  city: '1101',
};
const HIS_WISH_FOR_HER = {
  ageMin: 25,
  ageMax: 32,
  heightMin: 160,
  heightMax: 172,
  minEducation: 'bachelor',
  maritalStatuses: ['single'],
  preferredRegions: [{ code: '11' }, { code: '1101' }],
  wantedHobbies: ['reading'],
  wantedPersonality: ['gentle'],
  smokingAcceptable: false,
};

describe('members:match — ranking, exclusions, persisting', () => {
  let app: MockServer;
  let admin: any;
  const ids: Record<string, number> = {};

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
    ids.alice = await addMember(app, { ...HER, partnerPreferences: HER_WISH });
    ids.perfect = await addMember(app, { ...PERFECT_MAN, name: '周完美', partnerPreferences: HIS_WISH_FOR_HER });
    // Fits her a little less (38: two years over her range; college, one step under her minimum); he does not mind anything.
    ids.older = await addMember(app, {
      ...PERFECT_MAN,
      name: '吴稳重',
      age: 38,
      education: 'college',
      partnerPreferences: {
        ageImportance: 'indifferent',
        heightImportance: 'indifferent',
        educationImportance: 'indifferent',
        maritalStatusImportance: 'indifferent',
        childrenImportance: 'indifferent',
        incomeImportance: 'indifferent',
        regionImportance: 'indifferent',
        hobbiesImportance: 'indifferent',
        personalityImportance: 'indifferent',
        smokingImportance: 'indifferent',
      },
    });
    // Everything she wishes, but he wants someone of 22–25 with a doctorate: lopsided, the harmonic mean puts him last.
    ids.lopsided = await addMember(app, {
      ...PERFECT_MAN,
      name: '郑偏心',
      partnerPreferences: { ...HIS_WISH_FOR_HER, ageMin: 22, ageMax: 25, minEducation: 'doctor' },
    });
    // Out before scoring, each for its own reason.
    ids.smoker = await addMember(app, {
      ...PERFECT_MAN,
      name: '王烟民',
      smoking: 'often',
      partnerPreferences: HIS_WISH_FOR_HER,
    });
    ids.wantsShort = await addMember(app, {
      ...PERFECT_MAN,
      name: '赵挑剔',
      partnerPreferences: { ...HIS_WISH_FOR_HER, heightMin: 150, heightMax: 160, heightImportance: 'required' },
    });
    ids.noConsent = await addMember(app, { ...PERFECT_MAN, name: '钱未签', recommendConsent: false });
    ids.paused = await addMember(app, { ...PERFECT_MAN, name: '孙暂停', status: 'paused' });
    ids.doNotRecommend = await addMember(app, { ...PERFECT_MAN, name: '李勿荐', doNotRecommend: true });
    ids.woman = await addMember(app, { ...HER, name: '陈同性' });
  });

  const match = (memberId: number, body: any = {}, agent = admin, locale = 'zh-CN') =>
    agent.post(`/members:match?filterByTk=${memberId}`).set('X-Locale', locale).send(body);

  it('ranks the perfect match first, the lopsided one last, and explains every criterion in both directions', async () => {
    const response = await match(ids.alice);
    expect(response.status).toBe(200);
    const { data, meta } = response.body;
    expect(data.map((result: any) => result.candidateId)).toEqual([ids.perfect, ids.older, ids.lopsided]);
    expect(data[0]).toMatchObject({ score: 100, forward: 100, backward: 100 });
    expect(data[1].backward).toBe(100);
    expect(data[1].forward).toBeLessThan(100);
    expect(data[2].forward).toBe(100);
    expect(data[2].backward).toBeLessThan(data[1].forward);
    const age = data[1].breakdown.find((item: any) => item.criterion === 'age');
    expect(age).toMatchObject({ title: '年龄', forward: 60, backward: 100, weight: { forward: 3, backward: 0 } });
    expect(data[0].breakdown).toHaveLength(10);
    expect(data[0].candidate).toMatchObject({ id: ids.perfect, name: '周完美', gender: 'male', age: 32 });
    expect(data[0].candidate.currentCity.map((region: any) => region.code)).toEqual(
      expect.arrayContaining(['11', '1101']),
    );
    expect(meta).toMatchObject({
      evaluated: 5,
      excluded: { self: 1, hardFilter: 2, notConsented: 1, notInService: 1, doNotRecommend: 1, sameGender: 1 },
      usedAgencyDefaults: false,
      combination: 'harmonic',
    });
    expect(typeof meta.tookMs).toBe('number');
  });

  it('never returns contact details or sensitive fields of a candidate', async () => {
    const { body } = await match(ids.alice);
    for (const result of body.data) {
      for (const field of [
        'phone',
        'wechat',
        'email',
        'idNumber',
        'incomeBand',
        'assets',
        'housing',
        'car',
        'relationshipHistory',
        'hopes',
        'worries',
        'notes',
      ]) {
        expect(result.candidate).not.toHaveProperty(field);
      }
    }
  });

  it("names each candidate's matchmaker on her card (by nickname), so the matchmaker knows whom to call", async () => {
    const colleague = await createUser(app, { nickname: '何红娘', roles: ['matchmaker'] });
    await app.db
      .getRepository('members')
      .update({ filterByTk: ids.perfect, values: { matchmakerId: colleague.get('id') } });
    const { body } = await match(ids.alice);
    const cards = new Map(body.data.map((result: any) => [result.candidateId, result.candidate]));
    expect((cards.get(ids.perfect) as any).matchmaker).toEqual({ id: colleague.get('id'), nickname: '何红娘' });
    expect((cards.get(ids.older) as any).matchmaker).toBeNull();
  });

  it('persists the results as suggestions, and never suggests a pair twice (either direction)', async () => {
    const first = await match(ids.alice, { limit: 2, persist: true });
    expect(first.status).toBe(200);
    expect(first.body.data.map((result: any) => result.candidateId)).toEqual([ids.perfect, ids.older]);
    expect(first.body.data.every((result: any) => Number.isInteger(result.suggestionId))).toBe(true);
    const suggestions = await app.db
      .getRepository('matchSuggestions')
      .find({ filter: { memberId: ids.alice }, sort: ['-score'] });
    expect(suggestions.map((s: any) => [s.get('candidateId'), s.get('status'), s.get('score')])).toEqual([
      [ids.perfect, 'open', 100],
      [ids.older, 'open', first.body.data[1].score],
    ]);
    expect(suggestions[0].get('breakdown')).toHaveLength(10);

    const again = await match(ids.alice, { persist: true });
    expect(again.body.data.map((result: any) => result.candidateId)).toEqual([ids.lopsided]);
    expect(again.body.meta.excluded.alreadySuggested).toBe(2);
    // From his side the pair exists already.
    const his = await match(ids.perfect, { persist: true });
    expect(his.body.data.map((result: any) => result.candidateId)).not.toContain(ids.alice);
    expect(
      await app.db
        .getRepository('matchSuggestions')
        .count({ filter: { pairKey: `${Math.min(ids.alice, ids.perfect)}:${Math.max(ids.alice, ids.perfect)}` } }),
    ).toBe(1);
  });

  it('never suggests a pair declined before', async () => {
    await app.db
      .getRepository('matchSuggestions')
      .update({ filter: { memberId: ids.alice, candidateId: ids.older }, values: { status: 'declined' } });
    const { body } = await match(ids.alice);
    expect(body.data.map((result: any) => result.candidateId)).not.toContain(ids.older);
    expect(body.meta.excluded.declinedBefore).toBe(1);
  });
});

// What matching's answers let a caller deduce: nothing of a field she may not view. A matchmaker never sees income
// (a sensitive field), so income is left out of everything she gets — live matches, stored suggestions, counts — while
// the manager gets the whole evaluation.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';

const INCOME_BANDS = ['below50k', '200kTo300k', 'above1m'];

describe('matching answers reveal no field the caller may not view', () => {
  let app: MockServer;
  let manager: any;
  let lijing: any;
  let hers: number;
  let candidate: number;
  let poorer: number;
  let richer: number;
  let paused: number;

  appForSuite(async (booted) => {
    app = booted;
    const { as, users } = await signInStaff(app, { manager: 'manager', lijing: 'matchmaker', wangfang: 'matchmaker' });
    ({ manager, lijing } = as);
    const his = {
      gender: 'male',
      age: 33,
      heightCm: 178,
      education: 'master',
      matchmakerId: users.wangfang,
      partnerPreferences: { ageMin: 25, ageMax: 35 },
    };
    hers = await addMember(app, {
      name: '李静的会员',
      gender: 'female',
      age: 30,
      incomeBand: '100kTo200k',
      matchmakerId: users.lijing,
      partnerPreferences: { ageMin: 28, ageMax: 38, minIncomeBand: '300kTo500k', incomeImportance: 'important' },
    });
    candidate = await addMember(app, { ...his, name: '王芳的会员', incomeBand: '100kTo200k' });
    poorer = await addMember(app, { ...his, name: '收入较低', incomeBand: 'below50k' });
    richer = await addMember(app, { ...his, name: '收入较高', incomeBand: 'above1m' });
    paused = await addMember(app, { ...his, name: '暂停服务', status: 'paused' });
  });

  /** The answer without its timing, so that two answers compare whole. */
  const match = async (agent: any, body: any = {}) => {
    const response = await agent.post(`/members:match?filterByTk=${hers}`).set('X-Locale', 'en-US').send(body);
    expect(response.status).toBe(200);
    const { tookMs, ...meta } = response.body.meta;
    return { data: response.body.data, meta };
  };
  const setHerWish = async (values: Record<string, unknown>) => {
    const response = await lijing.post(`/members/${hers}/partnerPreferences:update`).send(values);
    expect(response.status).toBe(200);
  };
  const setIncome = (id: number, incomeBand: string) =>
    app.db.getRepository('members').update({ filterByTk: id, values: { incomeBand } });
  const lineOf = (result: any, criterion: string) => result.breakdown.find((line: any) => line.criterion === criterion);

  it("gives the same answer before and after she edits her own member's income wish (the two-call attack)", async () => {
    await setHerWish({ minIncomeBand: 'above1m' });
    const first = await match(lijing, { candidateIds: [candidate] });
    await setHerWish({ minIncomeBand: 'below50k' });
    const second = await match(lijing, { candidateIds: [candidate] });
    expect(second).toEqual(first);
    expect(first.data.map((result: any) => result.candidateId)).toEqual([candidate]);
    expect(lineOf(first.data[0], 'income')).toEqual({ criterion: 'income', title: 'Income', withheld: true });
    expect(first.meta.withheldCriteria).toEqual(['income']);
    await setHerWish({ minIncomeBand: '300kTo500k' });
  });

  it("gives the same scores, ranking and exclusions whatever the candidate's income band, even when her income wish is a must", async () => {
    await setHerWish({ minIncomeBand: '500kTo1m', incomeImportance: 'required' });
    const answers: any[] = [];
    for (const band of INCOME_BANDS) {
      await setIncome(candidate, band);
      answers.push([await match(lijing), await match(lijing, { candidateIds: [candidate] })]);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0][1].data.map((result: any) => result.candidateId)).toEqual([candidate]);
    await setHerWish({ minIncomeBand: '300kTo500k', incomeImportance: 'important' });
    await setIncome(candidate, '100kTo200k');
  });

  it('gives the manager the whole evaluation: the income line in both directions, and the must that excludes', async () => {
    const { data, meta } = await match(manager, { candidateIds: [poorer, richer] });
    expect(meta.withheldCriteria).toEqual([]);
    const byId = new Map<number, any>(data.map((result: any) => [result.candidateId, result]));
    expect(lineOf(byId.get(poorer), 'income')).toMatchObject({ forward: 0, weight: { forward: 4 } });
    expect(lineOf(byId.get(richer), 'income')).toMatchObject({ forward: 100, weight: { forward: 4 } });
    expect(byId.get(richer).score).toBeGreaterThan(byId.get(poorer).score);
    await setHerWish({ incomeImportance: 'required' });
    const must = await match(manager, { candidateIds: [poorer, richer] });
    expect([must.data.map((result: any) => result.candidateId), must.meta.excluded]).toEqual([
      [richer],
      { hardFilter: 1 },
    ]);
    await setHerWish({ incomeImportance: 'important' });
  });

  it("does not tell her why another matchmaker's member is not recommendable (his service status is not hers to see)", async () => {
    expect((await match(lijing, { candidateIds: [paused] })).meta.excluded).toEqual({ notRecommendable: 1 });
    expect((await match(manager, { candidateIds: [paused] })).meta.excluded).toEqual({ notInService: 1 });
  });

  describe('stored suggestions', () => {
    let ids: Record<number, number>;
    let live: any;

    beforeAll(async () => {
      live = await match(lijing, { candidateIds: [poorer, richer] });
      const saved = await lijing
        .post(`/members:match?filterByTk=${hers}`)
        .send({ candidateIds: [poorer, richer], persist: true });
      ids = Object.fromEntries(saved.body.data.map((result: any) => [result.candidateId, result.suggestionId]));
    });

    /** A suggestion as answered, without what tells two pairs apart. */
    const evaluation = (suggestion: any) => ({
      score: suggestion.score,
      forwardScore: suggestion.forwardScore,
      backwardScore: suggestion.backwardScore,
      breakdown: suggestion.breakdown,
    });

    it('keep the full evaluation (the agency’s record) and show it to the manager', async () => {
      const list = await manager.get(
        `/matchSuggestions:list?filter=${encodeURIComponent(JSON.stringify({ memberId: hers }))}`,
      );
      const byId = new Map<number, any>(list.body.data.map((suggestion: any) => [suggestion.id, suggestion]));
      expect(lineOf(byId.get(ids[poorer]), 'income')).toMatchObject({ forward: 0 });
      expect(lineOf(byId.get(ids[richer]), 'income')).toMatchObject({ forward: 100 });
      expect(byId.get(ids[richer]).score).toBeGreaterThan(byId.get(ids[poorer]).score);
    });

    it('read the same for her whatever the candidates’ income, by list, by id and appended to her member, as her own search scored them', async () => {
      const list = await lijing
        .get(`/matchSuggestions:list?filter=${encodeURIComponent(JSON.stringify({ memberId: hers }))}`)
        .set('X-Locale', 'en-US');
      expect(list.status).toBe(200);
      const byId = new Map<number, any>(list.body.data.map((suggestion: any) => [suggestion.id, suggestion]));
      const [low, high] = [byId.get(ids[poorer]), byId.get(ids[richer])];
      expect(evaluation(high)).toEqual(evaluation(low));
      expect(lineOf(low, 'income')).toEqual({ criterion: 'income', title: 'Income', withheld: true });
      expect(low.withheldCriteria).toEqual(['income']);
      expect(low.score).toBeCloseTo(live.data[0].score, 0);

      const one = await lijing.get(`/matchSuggestions:get?filterByTk=${ids[richer]}`).set('X-Locale', 'en-US');
      expect(evaluation(one.body.data)).toEqual(evaluation(low));
      const member = await lijing
        .get(`/members:get?filterByTk=${hers}&appends=matchSuggestions`)
        .set('X-Locale', 'en-US');
      for (const suggestion of member.body.data.matchSuggestions)
        expect(evaluation(suggestion)).toEqual(evaluation(low));
      const viaAssociation = await lijing.get(`/members/${hers}/matchSuggestions:list`).set('X-Locale', 'en-US');
      for (const suggestion of viaAssociation.body.data) expect(evaluation(suggestion)).toEqual(evaluation(low));
    });

    it('cannot be searched, sorted or charted by her on the stored scores (they count income)', async () => {
      const byScore = encodeURIComponent(JSON.stringify({ score: { $gt: 50 } }));
      expect((await lijing.get(`/matchSuggestions:list?filter=${byScore}`)).status).toBe(403);
      expect((await lijing.get('/matchSuggestions:list?sort=-forwardScore')).status).toBe(403);
      const throughMember = encodeURIComponent(JSON.stringify({ matchSuggestions: { score: { $gt: 50 } } }));
      const viaMembers = await lijing.get(`/members:list?filter=${throughMember}`);
      expect(viaMembers.status).toBeGreaterThanOrEqual(400);
      expect(viaMembers.status).toBeLessThan(500);
      expect((await lijing.get(`/members/${hers}/matchSuggestions:list?sort=score`)).status).toBe(403);
      expect((await manager.get(`/matchSuggestions:list?filter=${byScore}&sort=-score`)).status).toBe(200);
    });
  });
});

// Matching learns from what members answered (issue 18, docs/matching.md "Learning from answers"): a side's refusal of an
// introduction or a suggestion, and a date's "continue?", move the next members:match of anyone who meets that candidate,
// explained by effects only; switched off, scores are today's; the history read at start equals what live feeding built;
// a corrected or deleted answer is taken back.
import { MockServer } from '@nocobase/test';
import { CRITERIA, DEFAULT_LEARNED_SETTINGS, LearnedSignals } from '@hongniang/matching-engine';
import { appForSuite, pluginsForSuite, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';

const DAY = 86_400_000;
/** DEFAULT_LEARNED_SETTINGS, as the docs state them: prior 4 answers at 0.4, weights 10, share 0.9 half at 2 answers. */
const PRIOR = { answers: 4, yesRate: 0.4, weight: 10, share: 0.9, halfAt: 2 };
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** A score's log-odds, a score within half a point of 0 or 100 read at that half point. */
const logOdds = (score: number) => {
  const p = Math.min(Math.max(score, 0.5), 99.5) / 100;
  return Math.log(p / (1 - p));
};

/**
 * The learned score of a candidate by the documented formula (docs/matching-quality.md): μ over every outcome held (Y yes
 * of N), his reception (yes received of answers received) and openness (yes given of answers given) as posterior means;
 * their weighted log lifts, times the credibility, added to the stated score's log-odds (never moving it the other way).
 */
function expectedScore(
  stated: number,
  held: { yes: number; all: number },
  reception: { yes: number; all: number },
  openness: { yes: number; all: number },
) {
  const mu = (PRIOR.answers * PRIOR.yesRate + held.yes) / (PRIOR.answers + held.all);
  const lift = ({ yes, all }: { yes: number; all: number }) =>
    all ? Math.log((PRIOR.answers * mu + yes) / (PRIOR.answers + all) / mu) : 0;
  const n = reception.all + openness.all;
  const share = (PRIOR.share * n) / (n + PRIOR.halfAt);
  const shift = share * PRIOR.weight * (lift(reception) + lift(openness));
  if (shift === 0) return stated;
  const moved = 100 * sigmoid(logOdds(stated) + shift);
  return shift > 0 ? Math.max(stated, moved) : Math.min(stated, moved);
}

describe('members:match learns from members’ answers', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const id: Record<string, number> = {};
  /** Her candidates' stated scores before anyone answered anything (the manager's view). */
  const stated: Record<number, number> = {};

  appForSuite(
    async (booted) => {
      app = booted;
      ({ as, users } = await signInStaff(app));
      id.her = await addMember(app, { ...SUITED.her, name: '林小雨', matchmakerId: users.lijing });
      // Three men who suit her, each a little less than the one before (heights under her 170 minimum).
      id.m1 = await addMember(app, { ...SUITED.him, name: '周一', matchmakerId: users.wangfang });
      id.m2 = await addMember(app, { ...SUITED.him, name: '吴二', heightCm: 168, matchmakerId: users.wangfang });
      id.m3 = await addMember(app, { ...SUITED.him, name: '郑三', heightCm: 166, matchmakerId: users.wangfang });
      // Other women, whose answers about the men are what she learns from.
      for (const name of ['w1', 'w2', 'w3'])
        id[name] = await addMember(app, { ...SUITED.her, name: `女会员${name}`, matchmakerId: users.wangfang });
    },
    { ours: [...pluginsForSuite(), '@hongniang/plugin-introductions'] },
  );

  const plugin = () => app.pm.get<any>('@hongniang/plugin-matching');
  /** The process's signals once every committed answer has reached them (they are read again after each commit). */
  const signals = (): Promise<LearnedSignals> => plugin().learned.current();
  const send = (agent: any, url: string, body: any = {}, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const ok = async (agent: any, url: string, body: any = {}) => {
    const response = await send(agent, url, body);
    expect({ url, status: response.status, errors: response.body?.errors }).toMatchObject({ url, status: 200 });
    return response.body.data;
  };
  /** Her search, by candidate. */
  const match = async (agent = as.manager, locale = 'en-US') => {
    const response = await send(agent, `/members:match?filterByTk=${id.her}`, {}, locale);
    expect(response.status).toBe(200);
    return {
      rows: new Map<number, any>(response.body.data.map((row: any) => [row.candidateId, row])),
      body: response.body,
    };
  };
  const introduce = async (a: number, b: number) =>
    (await ok(as.manager, '/introductions:create', { memberAId: a, memberBId: b })).id as number;
  const consent = (introductionId: number, memberId: number, answer: string) =>
    ok(as.manager, '/introductionConsents:create', { introductionId, memberId, answer });

  it('without any answer, every score is the stated one and nothing is explained', async () => {
    const { rows, body } = await match();
    expect([...rows.keys()].sort()).toEqual([id.m1, id.m2, id.m3].sort());
    for (const [candidate, row] of rows) {
      expect(row.score).toBe(row.statedScore);
      expect(row.learned).toEqual([]);
      stated[candidate] = row.score;
    }
    expect(stated[id.m1]).toBeGreaterThan(stated[id.m2]);
    expect(stated[id.m2]).toBeGreaterThan(stated[id.m3]);
    expect(body.meta.learning).toBe(true);
  });

  it('a woman’s refusal of an introduction with him lowers his score in her search, explained as his reception', async () => {
    const introduction = await introduce(id.w1, id.m1);
    await consent(introduction, id.w1, 'declined');
    const { rows } = await match();
    const m1 = rows.get(id.m1);
    // By hand: μ = (4·0.4)/(4+1) = 0.32; his reception (4·0.32)/(4+1) = 0.256, lift ln 0.8 = −0.22314; one answer about
    // him: share 0.9·1/3 = 0.3; shift 0.3·10·(−0.22314) = −0.66943. His stated 100 is read as 99.5, log-odds
    // ln(99.5/0.5) = 5.29330: score 100·σ(5.29330 − 0.66943) = 99.03 (near 100 a log-odds shift is a point; at a stated
    // 85 the same no would take 10.6).
    expect(stated[id.m1]).toBe(100);
    expect(m1.score).toBeCloseTo(100 * sigmoid(5.2933 - 0.66943), 1);
    expect(m1.score).toBeCloseTo(99.03, 2);
    expect(m1.score).toBeLessThan(stated[id.m1]);
    expect(m1.statedScore).toBe(stated[id.m1]);
    expect(m1.learned).toEqual([
      {
        signal: 'reception',
        title: 'learned: how others answered the candidate',
        effect: expect.any(Number),
        text: expect.stringMatching(/^learned: how others answered the candidate -\d+(\.\d)?$/),
      },
    ]);
    expect(m1.learned[0].effect).toBeCloseTo(m1.score - stated[id.m1], 1);
    // Nobody answered the others: their scores are untouched.
    expect(rows.get(id.m2).score).toBe(stated[id.m2]);
    expect(rows.get(id.m3).score).toBe(stated[id.m3]);
    // In Chinese, through the plugin's language file.
    const zh = (await match(as.manager, 'zh-CN')).rows.get(id.m1);
    expect(zh.learned[0].text).toMatch(/^learned: 对方受欢迎的程度 -\d+(\.\d)?$/);
  });

  it('her matchmaker sees the effects only: no counts, no one’s individual answers', async () => {
    const { rows, body } = await match(as.lijing);
    const m1 = rows.get(id.m1);
    expect(m1.learned.length).toBe(1);
    for (const line of m1.learned) expect(Object.keys(line).sort()).toEqual(['effect', 'signal', 'text', 'title']);
    const text = JSON.stringify(body);
    for (const word of ['"answers"', '"yes"', '"rate"', '"lift"', '女会员']) expect(text).not.toContain(word);
  });

  it('a date’s feedback moves the candidate as the docs say, and changing it to 愿意继续 moves him up', async () => {
    const introduction = await introduce(id.w2, id.m2);
    await consent(introduction, id.w2, 'agreed');
    await consent(introduction, id.m2, 'agreed');
    const date = await app.db.getRepository('dates').create({
      values: {
        introductionId: introduction,
        startsAt: new Date(Date.now() - 3 * DAY),
        place: '茶馆',
        status: 'completed',
      },
    });
    const feedback = await ok(as.manager, '/dateFeedback:create', {
      dateId: date.get('id'),
      memberId: id.w2,
      satisfaction: 2,
      wantsToContinue: 'no',
    });
    // Held: w1→m1 no, w2→m2 no (her date's 不继续 outranks her consent's 同意), m2→w2 yes (his consent): 1 yes of 3.
    // By hand: μ = 2.6/7 = 0.37143; his reception 4μ/5, lift ln 0.8 = −0.22314; his openness (4μ + 1)/5 = 0.49714, lift
    // ln(0.49714/0.37143) = +0.29152; share 0.9·2/4 = 0.45; shift 0.45·10·0.06838 = +0.30770. Her no lowers him, his
    // yes to her raises him a little more: from 99.41 (log-odds 5.12689) to 100·σ(5.43458) = 99.57.
    let m2 = (await match()).rows.get(id.m2);
    expect(stated[id.m2]).toBe(99.41);
    const afterNo = expectedScore(stated[id.m2], { yes: 1, all: 3 }, { yes: 0, all: 1 }, { yes: 1, all: 1 });
    expect(afterNo).toBeCloseTo(99.57, 2);
    expect(m2.score).toBeCloseTo(afterNo, 1);
    expect(m2.learned.map((line: any) => line.signal)).toEqual(['reception', 'openness']);
    expect(m2.learned[0].effect).toBeLessThan(0);
    // He said yes to her: his openness lifts him (a yes from him is likelier than from most).
    expect(m2.learned[1].effect).toBeGreaterThan(0);

    await ok(as.manager, `/dateFeedback:update?filterByTk=${feedback.id}`, { wantsToContinue: 'yes' });
    m2 = (await match()).rows.get(id.m2);
    const afterYes = expectedScore(stated[id.m2], { yes: 2, all: 3 }, { yes: 1, all: 1 }, { yes: 1, all: 1 });
    expect(m2.score).toBeCloseTo(afterYes, 1);
    expect(m2.score).toBeGreaterThan(afterNo);
    // Both lifts are positive now: μ = 3.6/7 = 0.51429, reception and openness (4μ + 1)/5 = 0.61143, each lift +0.17302;
    // shift 0.45·10·0.34604 = +1.55717: he rises above his stated score, 100·σ(5.12689 + 1.55717) = 99.88 (once 84.66,
    // drawn toward 50).
    expect(afterYes).toBeCloseTo(99.88, 2);
    expect(m2.score).toBeGreaterThan(stated[id.m2]);
    expect(m2.learned.map((line: any) => line.signal)).toEqual(['reception', 'openness']);
    expect(m2.learned[0].effect).toBeGreaterThan(0);
    expect(m2.learned[1].effect).toBeGreaterThan(0);
  });

  it('a suggestion declined by the candidate is his no about the member; correcting the side or deleting it is undone', async () => {
    const suggestion = await ok(as.manager, '/matchSuggestions:create', { memberId: id.w3, candidateId: id.m3 });
    // Who declined is said of a declined suggestion only.
    const early = await send(
      as.manager,
      `/matchSuggestions:update?filterByTk=${suggestion.id}`,
      { declinedBy: 'candidate' },
      'zh-CN',
    );
    expect(early.status).toBe(400);
    expect(early.body.errors[0].message).toContain('拒绝方');
    expect((await signals()).size).toBe(3);

    await ok(as.manager, `/matchSuggestions:update?filterByTk=${suggestion.id}`, {
      status: 'declined',
      declinedBy: 'candidate',
    });
    let m3 = (await match()).rows.get(id.m3);
    expect((await signals()).outcome(id.m3, id.w3)).toMatchObject({ answer: 'no' });
    // His no about another woman: his openness takes his score down in her search. No one answered him: his reception
    // has no lift and no line (μ = 3.6/8 = 0.45, openness 4μ/5, lift ln 0.8; share 0.3: shift −0.66943).
    expect(m3.learned.map((line: any) => line.signal)).toEqual(['openness']);
    expect(m3.learned[0].effect).toBeLessThan(0);
    expect(m3.score).toBeLessThan(stated[id.m3]);
    expect(m3.score).toBeCloseTo(
      expectedScore(stated[id.m3], { yes: 2, all: 4 }, { yes: 0, all: 0 }, { yes: 0, all: 1 }),
      1,
    );

    // Corrected: it was she who declined. His no is forgotten; hers about him is his reception now.
    await ok(as.manager, `/matchSuggestions:update?filterByTk=${suggestion.id}`, { declinedBy: 'member' });
    expect((await signals()).outcome(id.m3, id.w3)).toBeUndefined();
    expect((await signals()).outcome(id.w3, id.m3)).toMatchObject({ answer: 'no' });
    m3 = (await match()).rows.get(id.m3);
    expect(m3.learned.map((line: any) => line.signal)).toEqual(['reception']);
    expect(m3.score).toBeCloseTo(
      expectedScore(stated[id.m3], { yes: 2, all: 4 }, { yes: 0, all: 1 }, { yes: 0, all: 0 }),
      1,
    );

    // Deleted (a manager's right): as if it never was.
    await ok(as.manager, `/matchSuggestions:destroy?filterByTk=${suggestion.id}`);
    expect((await signals()).outcome(id.w3, id.m3)).toBeUndefined();
    m3 = (await match()).rows.get(id.m3);
    expect(m3.score).toBe(stated[id.m3]);
    expect(m3.learned).toEqual([]);
  });

  it('a consent corrected back to 考虑中 is forgotten, and her search is as before it', async () => {
    const before = (await match()).rows;
    const introduction = await introduce(id.w3, id.m1);
    const recorded = await consent(introduction, id.w3, 'agreed');
    expect((await signals()).outcome(id.w3, id.m1)).toMatchObject({ answer: 'yes' });
    // Held: w1→m1 no, w2→m2 yes, m2→w2 yes, w3→m1 yes. Most answers are yes now (μ 0.575), so his one yes in two
    // ((4μ + 1)/6 = 0.55) is below the average: lift ln(0.55/0.575) = −0.04445, shift 0.45·10·(−0.04445) = −0.20003,
    // his record as a whole lowers him a little, 100·σ(5.29330 − 0.20003) = 99.39.
    expect((await match()).rows.get(id.m1).score).toBeCloseTo(
      expectedScore(stated[id.m1], { yes: 3, all: 4 }, { yes: 1, all: 2 }, { yes: 0, all: 0 }),
      1,
    );
    await ok(as.manager, `/introductionConsents:update?filterByTk=${recorded.id}`, { answer: 'considering' });
    expect((await signals()).outcome(id.w3, id.m1)).toBeUndefined();
    const after = (await match()).rows;
    for (const [candidate, row] of before) expect(after.get(candidate).score).toBe(row.score);
  });

  it('the history read at start holds exactly what live feeding built', async () => {
    const live: LearnedSignals = plugin().learned.signals;
    const loaded = new LearnedSignals();
    await plugin().learned.loadHistory(loaded);
    expect(loaded.size).toBe(live.size);
    expect(loaded.size).toBe(3);
    const settings = DEFAULT_LEARNED_SETTINGS;
    expect(loaded.populationRate(settings)).toBe(live.populationRate(settings));
    const members = Object.values(id);
    for (const a of members) {
      expect(loaded.reception(a, settings)).toEqual(live.reception(a, settings));
      expect(loaded.openness(a, settings)).toEqual(live.openness(a, settings));
      expect(loaded.revealedWeights(a, settings)).toEqual(live.revealedWeights(a, settings));
      for (const b of members) expect(loaded.outcome(a, b)).toEqual(live.outcome(a, b));
    }
    expect(live.outcome(id.w1, id.m1)?.fit).toHaveLength(CRITERIA.length);
  });

  it('switched off in 匹配设置, scores are today’s stated ones, with nothing learned shown', async () => {
    await ok(as.manager, '/matchSettings:update?filterByTk=1', { learningEnabled: false });
    try {
      const { rows, body } = await match();
      expect(body.meta.learning).toBe(false);
      for (const [candidate, row] of rows) {
        expect(row.score).toBe(stated[candidate]);
        expect(row).not.toHaveProperty('learned');
        expect(row).not.toHaveProperty('statedScore');
      }
    } finally {
      await ok(as.manager, '/matchSettings:update?filterByTk=1', { learningEnabled: true });
    }
    expect((await match()).rows.get(id.m1).score).toBeLessThan(stated[id.m1]);
  });

  it('refuses learned shares outside 0–1, naming the field', async () => {
    const response = await send(as.manager, '/matchSettings:update?filterByTk=1', { learnedShare: 1.5 }, 'zh-CN');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toContain('会员答复在对象匹配度中的最大占比');
  });
});

// Each side's consent, recorded by that side's matchmaker; what the answers do to the introduction; who sees and works
// which introductions (红娘: those of her members, on either side; 主管: all; 前台: none); the history, read-only for all.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';

describe('introductions: consents and who works which introduction', () => {
  let app: MockServer;
  let root: any;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const hers: number[] = [];
  const theirs: number[] = [];

  appForSuite(async (booted) => {
    app = booted;
    root = await signInAsRoot(app);
    ({ as, users } = await signInStaff(app));
    for (let n = 0; n < 8; n++) {
      hers.push(await addMember(app, { name: `李静的会员${n}`, gender: 'female', matchmakerId: users.lijing }));
      theirs.push(await addMember(app, { name: `王芳的会员${n}`, gender: 'male', matchmakerId: users.wangfang }));
    }
  });

  const introductions = () => app.db.getRepository('introductions');
  const consents = () => app.db.getRepository('introductionConsents');
  const history = (introductionId: number) =>
    app.db.getRepository('introductionStageChanges').find({ filter: { introductionId }, sort: ['id'] });
  const stored = (id: number) => introductions().findOne({ filterByTk: id });
  const post = (agent: any, url: string, body: any, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  const start = async (a: number, b: number, stage?: string) => {
    const id = (await introductions().create({ values: { memberAId: a, memberBId: b } })).get('id');
    if (stage) await introductions().update({ filterByTk: id, values: { stage } });
    return id as number;
  };
  const answer = (agent: any, introductionId: number, memberId: number, value: string, locale = 'en-US') =>
    post(agent, '/introductionConsents:create', { introductionId, memberId, answer: value, channel: 'phone' }, locale);

  describe('recording consents', () => {
    it("lets a matchmaker record her own member's side, and refuses her the other side (403, nothing stored)", async () => {
      const id = await start(hers[0], theirs[0], 'recommendedToB');
      const own = await answer(as.lijing, id, hers[0], 'considering');
      expect(own.status).toBe(200);
      const stored = await consents().findOne({ filterByTk: own.body.data.id });
      expect(stored.get('recordedById')).toBe(users.lijing);
      expect(stored.get('askedAt')).toBeTruthy();
      expect(stored.get('answeredAt')).toBeNull();
      const other = await answer(as.lijing, id, theirs[0], 'agreed', 'zh-CN');
      expect(other.status).toBe(403);
      expect(messageOf(other)).toBe('只有该“一方”的红娘才能记录这一方的意愿');
      expect(await consents().count({ filter: { introductionId: id, memberId: theirs[0] } })).toBe(0);
      const changed = await post(as.wangfang, `/introductionConsents:update?filterByTk=${own.body.data.id}`, {
        answer: 'agreed',
      });
      expect(changed.status).toBe(403);
      expect((await consents().findOne({ filterByTk: own.body.data.id })).get('answer')).toBe('considering');
    });

    it('keeps one consent per side: a second is refused, and a new answer updates the first, journalled in the history', async () => {
      const id = await start(hers[1], theirs[1]);
      const first = await answer(as.lijing, id, hers[1], 'considering');
      const second = await answer(as.lijing, id, hers[1], 'agreed', 'zh-CN');
      expect(second.status).toBe(400);
      expect(messageOf(second)).toBe(`这一方的意愿已记录（编号 ${first.body.data.id}）；请修改原记录`);
      const updated = await post(as.lijing, `/introductionConsents:update?filterByTk=${first.body.data.id}`, {
        answer: 'agreed',
        note: '见过照片，愿意认识',
      });
      expect(updated.status).toBe(200);
      const consent = await consents().findOne({ filterByTk: first.body.data.id });
      expect(consent.get('answeredAt')).toBeTruthy();
      const answers = (await history(id)).filter((row: any) => row.get('event') === 'consent');
      expect(answers.map((row: any) => [row.get('memberId'), row.get('answer'), row.get('changedById')])).toEqual([
        [hers[1], 'considering', users.lijing],
        [hers[1], 'agreed', users.lijing],
      ]);
      expect(answers[1].get('note')).toBe('见过照片，愿意认识');
      expect((await stored(id)).get('stage')).toBe('recommendedToA');
    });

    it('refuses a consent for a member outside the introduction, an unknown answer, and a change of side', async () => {
      const id = await start(hers[2], theirs[2]);
      const outsider = await answer(as.lijing, id, hers[3], 'agreed', 'zh-CN');
      expect(outsider.status).toBe(400);
      expect(messageOf(outsider)).toBe('“一方”须为该牵线的两位会员之一');
      const unknown = await answer(as.lijing, id, hers[2], 'maybe');
      expect(unknown.status).toBe(400);
      expect(messageOf(unknown)).toMatch(/^“Answer” cannot be “maybe”; choose one of: considering \(Considering\)/);
      const noIntroduction = await post(as.manager, '/introductionConsents:create', { memberId: hers[2] });
      expect(noIntroduction.status).toBe(400);
      expect(messageOf(noIntroduction)).toBe('“Introduction” is required');
      const own = await answer(as.lijing, id, hers[2], 'considering');
      const moved = await post(as.manager, `/introductionConsents:update?filterByTk=${own.body.data.id}`, {
        memberId: theirs[2],
      });
      expect(moved.status).toBe(400);
      expect(messageOf(moved)).toBe('“Side” cannot be changed on a consent; nothing was saved');
      expect(await consents().count({ filter: { introductionId: id } })).toBe(1);
    });

    it('holds updateOrCreate to the same rules: a first answer, then no duplicate, and never the other side', async () => {
      const id = await start(hers[0], theirs[7], 'recommendedToB');
      const url = '/introductionConsents:updateOrCreate?filterKeys[]=introductionId&filterKeys[]=memberId';
      const values = (memberId: number, value: string) => ({ introductionId: id, memberId, answer: value });
      const first = await post(as.lijing, url, values(hers[0], 'considering'));
      expect([first.status, messageOf(first)]).toEqual([200, '']);
      // NocoBase's lookup by these keys does not find the stored consent (2.2.15), so the second call is a create: refused.
      const again = await post(as.lijing, url, values(hers[0], 'agreed'));
      expect([again.status, messageOf(again)]).toEqual([
        400,
        `This side’s consent is already recorded (no. ${first.body.data.id}); change its answer instead`,
      ]);
      expect(await consents().count({ filter: { introductionId: id } })).toBe(1);
      const otherSide = await post(as.lijing, url, values(theirs[7], 'agreed'));
      expect(otherSide.status).toBe(403);
      expect(await consents().count({ filter: { introductionId: id } })).toBe(1);
      expect((await stored(id)).get('stage')).toBe('recommendedToB');
    });

    it('lets a manager record either side', async () => {
      const id = await start(hers[3], theirs[3]);
      expect((await answer(as.manager, id, hers[3], 'considering')).status).toBe(200);
      expect((await answer(as.manager, id, theirs[3], 'considering')).status).toBe(200);
    });
  });

  describe('what the answers do', () => {
    it('ends the introduction when a side declines, with the reason and the history, in the same request', async () => {
      const id = await start(hers[4], theirs[4], 'recommendedToB');
      const declined = await answer(as.wangfang, id, theirs[4], 'declined');
      expect([declined.status, messageOf(declined)]).toEqual([200, '']);
      const introduction = await stored(id);
      expect([introduction.get('stage'), introduction.get('endReason')]).toEqual(['ended', 'sideDeclined']);
      expect(introduction.get('endedAt')).toBeTruthy();
      expect(introduction.get('openPairKey')).toBeNull();
      const last = (await history(id)).pop();
      expect([last.get('event'), last.get('fromStage'), last.get('toStage'), last.get('changedById')]).toEqual([
        'stage',
        'recommendedToB',
        'ended',
        users.wangfang,
      ]);
      const late = await answer(as.lijing, id, hers[4], 'agreed');
      expect(late.status).toBe(400);
      expect(messageOf(late)).toBe('The introduction is closed (“Ended”): it takes no more answers');
    });

    it('brings it to 双方同意 when both sides agreed (from 推荐给乙方)', async () => {
      const id = await start(hers[5], theirs[5], 'recommendedToB');
      await answer(as.lijing, id, hers[5], 'agreed');
      expect((await stored(id)).get('stage')).toBe('recommendedToB');
      await answer(as.wangfang, id, theirs[5], 'agreed');
      expect((await stored(id)).get('stage')).toBe('bothAgreed');
      const stages = (await history(id)).filter((row: any) => row.get('event') === 'stage');
      expect(stages.pop().get('changedById')).toBe(users.wangfang);
      // 已约见 needs a date that took place (dates-and-feedback.test.ts).
      expect((await post(as.lijing, `/introductions:update?filterByTk=${id}`, { stage: 'met' })).status).toBe(400);
    });

    it('passes through 推荐给乙方 when both agreed while it was still at 推荐给甲方', async () => {
      const id = await start(hers[6], theirs[6]);
      await answer(as.wangfang, id, theirs[6], 'agreed');
      await answer(as.lijing, id, hers[6], 'agreed');
      expect((await stored(id)).get('stage')).toBe('bothAgreed');
      const stages = (await history(id)).filter((row: any) => row.get('event') === 'stage');
      expect(stages.map((row: any) => [row.get('fromStage'), row.get('toStage')])).toEqual([
        [null, 'recommendedToA'],
        ['recommendedToA', 'recommendedToB'],
        ['recommendedToB', 'bothAgreed'],
      ]);
    });

    it('stores neither the answer nor its history when the stage change it causes fails (one transaction)', async () => {
      const id = await start(hers[7], theirs[7], 'recommendedToB');
      const before = await history(id);
      const failing = (introduction: any) => {
        if (introduction.get('id') === id) throw new Error('simulated failure of the stage change');
      };
      app.db.on('introductions.beforeUpdate', failing);
      try {
        expect((await answer(as.lijing, id, hers[7], 'declined')).status).toBe(500);
      } finally {
        app.db.off('introductions.beforeUpdate', failing);
      }
      expect(await consents().count({ filter: { introductionId: id } })).toBe(0);
      expect(await history(id)).toHaveLength(before.length);
      expect((await stored(id)).get('stage')).toBe('recommendedToB');
    });
  });

  describe('who sees and works which introduction', () => {
    let theirsOnly: number;
    let mixed: number;

    beforeAll(async () => {
      theirsOnly = await start(theirs[0], theirs[1]);
      mixed = await start(theirs[2], hers[0]);
    });

    it('lists and gets for a matchmaker only the introductions of her members (either side)', async () => {
      const listed = await as.lijing.get('/introductions:list?pageSize=200');
      expect(listed.status).toBe(200);
      const ids = listed.body.data.map((row: any) => row.id);
      expect(ids).toContain(mixed);
      expect(ids).not.toContain(theirsOnly);
      const got = await as.lijing.get(`/introductions:get?filterByTk=${theirsOnly}`);
      expect(got.body.data ?? null).toBeNull();
      const wangfang = (await as.wangfang.get('/introductions:list?pageSize=200')).body.data.map((row: any) => row.id);
      expect(wangfang).toEqual(expect.arrayContaining([mixed, theirsOnly]));
      const managerIds = (await as.manager.get('/introductions:list?pageSize=200')).body.data.map((row: any) => row.id);
      expect(managerIds).toEqual(expect.arrayContaining([mixed, theirsOnly]));
    });

    it("refuses a matchmaker an update, a move or a consent on another matchmaker's introduction", async () => {
      const update = await post(as.lijing, `/introductions:update?filterByTk=${theirsOnly}`, {
        stage: 'ended',
        endReason: 'other',
      });
      // NocoBase answers an update outside the role's scope with 200 and changes no row.
      expect(update.status).toBeLessThan(500);
      const move = await as.lijing.post(
        `/introductions:move?sourceId=${theirsOnly}&sortField=stageSort&targetScope[stage]=recommendedToB`,
      );
      expect(move.status).toBe(403);
      const consent = await answer(as.lijing, theirsOnly, theirs[0], 'declined');
      expect(consent.status).toBe(403);
      expect((await stored(theirsOnly)).get('stage')).toBe('recommendedToA');
    });

    it('refuses a matchmaker an introduction between two members who are not hers', async () => {
      const response = await post(as.lijing, '/introductions:create', { memberAId: theirs[3], memberBId: theirs[4] });
      expect(response.status).toBe(403);
      expect(await introductions().count({ filter: { memberAId: theirs[3], memberBId: theirs[4] } })).toBe(0);
    });

    it('shows a matchmaker the history and consents of her introductions only', async () => {
      const rows = (await as.lijing.get('/introductionStageChanges:list?pageSize=500')).body.data;
      expect(rows.map((row: any) => row.introductionId)).toContain(mixed);
      expect(rows.map((row: any) => row.introductionId)).not.toContain(theirsOnly);
    });

    it("never changes another matchmaker's introduction, whatever action NocoBase registers", async () => {
      const actions = [...(app.resourceManager as any).actionHandlers.keys()].filter(
        (name: string) => !name.includes(':'),
      );
      expect(actions).toEqual(expect.arrayContaining(['update', 'updateOrCreate', 'move', 'destroy', 'set']));
      const before = (await stored(theirsOnly)).toJSON();
      for (const action of actions) {
        const response = await as.lijing
          .post(
            `/introductions:${action}?filterByTk=${theirsOnly}&sourceId=${theirsOnly}&targetId=${mixed}` +
              `&sortField=stageSort&targetScope[stage]=ended&filterKeys[]=id`,
          )
          .send({ id: theirsOnly, stage: 'ended', endReason: 'other', values: { stage: 'ended', endReason: 'other' } });
        expect({ action, serverError: response.status >= 500 }).toEqual({ action, serverError: false });
        expect({ action, after: (await stored(theirsOnly))?.toJSON() }).toEqual({ action, after: before });
      }
    });

    it('gives the front desk nothing (403)', async () => {
      for (const url of ['/introductions:list', '/introductionConsents:list', '/introductionStageChanges:list'])
        expect((await as.intake.get(url)).status).toBe(403);
      const created = await post(as.intake, '/introductions:create', { memberAId: hers[1], memberBId: theirs[5] });
      expect(created.status).toBe(403);
    });

    it('keeps the history read-only for every role, root included', async () => {
      const row = (await history(mixed))[0];
      for (const agent of [root, as.manager, as.lijing]) {
        const created = await post(agent, '/introductionStageChanges:create', {
          introductionId: mixed,
          fromStage: 'met',
          toStage: 'married',
        });
        expect(created.status).toBe(403);
        const changed = await post(agent, `/introductionStageChanges:update?filterByTk=${row.get('id')}`, {
          toStage: 'married',
        });
        expect(changed.status).toBe(403);
        const removed = await post(agent, `/introductionStageChanges:destroy?filterByTk=${row.get('id')}`, {});
        expect(removed.status).toBe(403);
      }
      expect((await history(mixed)).map((entry: any) => entry.get('toStage'))).toEqual(['recommendedToA']);
      const zh = await post(as.manager, '/introductionStageChanges:create', { introductionId: mixed }, 'zh-CN');
      expect(messageOf(zh)).toBe('牵线记录由系统自动写入，不能修改');
    });
  });

  describe('deleting a member', () => {
    it('is refused while she is in an open introduction; once it is closed, her introductions go with her', async () => {
      const leaving = await addMember(app, { name: '待删除的会员', gender: 'female', matchmakerId: users.lijing });
      const other = await addMember(app, { name: '另一方', gender: 'male', matchmakerId: users.wangfang });
      const id = await start(leaving, other, 'recommendedToB');
      await answer(as.lijing, id, leaving, 'considering');
      const refused = await post(as.manager, `/members:destroy?filterByTk=${leaving}`, {}, 'zh-CN');
      expect(refused.status).toBe(409);
      expect(messageOf(refused)).toBe(`待删除的会员有进行中的牵线（编号 ${id}）：终止后才能删除`);
      expect(await app.db.getRepository('members').findOne({ filterByTk: leaving })).toBeTruthy();
      await introductions().update({ filterByTk: id, values: { stage: 'ended', endReason: 'memberLeft' } });
      const deleted = await post(as.manager, `/members:destroy?filterByTk=${leaving}`, {});
      expect(deleted.status).toBe(200);
      expect(await stored(id)).toBeNull();
      expect(await consents().count({ filter: { introductionId: id } })).toBe(0);
      expect(await history(id)).toHaveLength(0);
    });
  });

  describe('a member who leaves the agency', () => {
    it('ends her open introductions (会员退会) when her matchmaker sets 已退会, and leaves closed ones alone', async () => {
      const leaving = await addMember(app, { name: '退会的会员', gender: 'female', matchmakerId: users.lijing });
      const staying = await addMember(app, { name: '留下的会员', gender: 'female', matchmakerId: users.lijing });
      const [b1, b2] = [
        await addMember(app, { name: '王芳的会员甲', gender: 'male', matchmakerId: users.wangfang }),
        await addMember(app, { name: '王芳的会员乙', gender: 'male', matchmakerId: users.wangfang }),
      ];
      const open = await start(leaving, b1, 'recommendedToB');
      const other = await start(leaving, b2);
      const closed = await start(leaving, staying);
      const untouched = await start(staying, b1);
      await introductions().update({ filterByTk: closed, values: { stage: 'ended', endReason: 'lostContact' } });
      const response = await post(as.lijing, `/members:update?filterByTk=${leaving}`, { status: 'withdrawn' });
      expect(response.status).toBe(200);
      for (const id of [open, other]) {
        const row = await stored(id);
        expect([row.get('stage'), row.get('endReason'), row.get('openPairKey')]).toEqual(['ended', 'memberLeft', null]);
        const last = (await history(id)).pop();
        expect([last.get('fromStage'), last.get('toStage'), last.get('changedById')]).toEqual([
          id === open ? 'recommendedToB' : 'recommendedToA',
          'ended',
          users.lijing,
        ]);
      }
      expect((await stored(closed)).get('endReason')).toBe('lostContact');
      expect((await stored(untouched)).get('stage')).toBe('recommendedToA');
      // Another status change (back to 服务中) reopens nothing.
      await post(as.lijing, `/members:update?filterByTk=${leaving}`, { status: 'inService' });
      expect((await stored(open)).get('stage')).toBe('ended');
    });
  });
});

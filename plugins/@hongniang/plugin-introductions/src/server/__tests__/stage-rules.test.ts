// An introduction's stages on every path that writes one: create, update, update by a filter, updateOrCreate, kanban
// `move`, import. One open introduction per pair; one step at a time; an end with its reason; every change in the history.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import * as XLSX from 'xlsx';

describe('introductions: stages and the pair, on every write path', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const hers: number[] = [];
  const theirs: number[] = [];

  appForSuite(async (booted) => {
    app = booted;
    ({ as, users } = await signInStaff(app));
    for (let n = 0; n < 8; n++) {
      hers.push(await addMember(app, { name: `李静的会员${n}`, gender: 'female', matchmakerId: users.lijing }));
      theirs.push(await addMember(app, { name: `王芳的会员${n}`, gender: 'male', matchmakerId: users.wangfang }));
    }
  });

  const introductions = () => app.db.getRepository('introductions');
  const history = (introductionId: number) =>
    app.db.getRepository('introductionStageChanges').find({ filter: { introductionId }, sort: ['id'] });
  const stageOf = async (id: number) => (await introductions().findOne({ filterByTk: id })).get('stage');
  const post = (agent: any, url: string, body: any, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  const start = async (a: number, b: number, agent = as.lijing) => {
    const response = await post(agent, '/introductions:create', { memberAId: a, memberBId: b });
    expect(response.status).toBe(200);
    return response.body.data.id as number;
  };
  let datesBack = 0;
  /**
   * Puts an introduction at a stage directly (set-up only: both consents agreed where the stage needs them, and a date
   * that took place for 已约见 and later, which itself brings the introduction to 已约见).
   */
  const atStage = async (a: number, b: number, stage: string) => {
    const id = await start(a, b);
    await app.db.getRepository('introductionConsents').createMany({
      records: [
        { introductionId: id, memberId: a, answer: 'agreed' },
        { introductionId: id, memberId: b, answer: 'agreed' },
      ],
    });
    expect(await stageOf(id)).toBe('bothAgreed');
    if (stage !== 'bothAgreed') {
      datesBack += 1;
      await app.db.getRepository('dates').create({
        values: {
          introductionId: id,
          startsAt: new Date(Date.now() - datesBack * 86_400_000),
          place: '咖啡馆',
          status: 'completed',
        },
      });
      expect(await stageOf(id)).toBe('met');
    }
    for (const next of ['met', 'dating', 'committed', 'engaged', 'married']) {
      if ((await stageOf(id)) === stage) break;
      await introductions().update({ filterByTk: id, values: { stage: next } });
    }
    expect(await stageOf(id)).toBe(stage);
    return id;
  };

  describe('starting one', () => {
    it('starts at 推荐给甲方, by the caller, with the first history row', async () => {
      const id = await start(hers[0], theirs[0]);
      const stored = await introductions().findOne({ filterByTk: id });
      expect(stored.get('stage')).toBe('recommendedToA');
      expect(stored.get('startedById')).toBe(users.lijing);
      expect(stored.get('stageChangedAt')).toBeTruthy();
      const rows = await history(id);
      expect(rows.map((row: any) => [row.get('event'), row.get('fromStage'), row.get('toStage')])).toEqual([
        ['stage', null, 'recommendedToA'],
      ]);
      expect(rows[0].get('changedById')).toBe(users.lijing);
    });

    it('refuses a second open introduction of the same pair, in either order, naming the member field', async () => {
      await start(hers[1], theirs[1]);
      const same = await post(as.lijing, '/introductions:create', { memberAId: hers[1], memberBId: theirs[1] });
      const reversed = await post(
        as.wangfang,
        '/introductions:create',
        { memberAId: theirs[1], memberBId: hers[1] },
        'zh-CN',
      );
      expect(same.status).toBe(400);
      expect(messageOf(same)).toMatch(/already have an open introduction/);
      expect(reversed.status).toBe(400);
      expect(messageOf(reversed)).toMatch(/已有进行中的牵线/);
      expect(await introductions().count({ filter: { memberAId: { $in: [hers[1], theirs[1]] } } })).toBe(1);
    });

    it('allows the pair again once its introduction has ended', async () => {
      const first = await start(hers[2], theirs[2]);
      const ended = await post(as.lijing, `/introductions:update?filterByTk=${first}`, {
        stage: 'ended',
        endReason: 'lostContact',
      });
      expect(ended.status).toBe(200);
      const again = await post(as.wangfang, '/introductions:create', { memberAId: theirs[2], memberBId: hers[2] });
      expect(again.status).toBe(200);
    });

    it('refuses a member introduced to herself, a missing member and a missing side, in both languages', async () => {
      const self = await post(as.lijing, '/introductions:create', { memberAId: hers[0], memberBId: hers[0] });
      expect(self.status).toBe(400);
      expect(messageOf(self)).toBe('A member cannot be introduced to herself: choose another “Side B”');
      const selfZh = await post(
        as.lijing,
        '/introductions:create',
        { memberAId: hers[0], memberBId: hers[0] },
        'zh-CN',
      );
      expect(messageOf(selfZh)).toBe('会员不能与本人牵线：请另选“乙方”');
      const missing = await post(
        as.lijing,
        '/introductions:create',
        { memberAId: hers[0], memberBId: 999999 },
        'zh-CN',
      );
      expect(missing.status).toBe(400);
      expect(messageOf(missing)).toBe('“乙方”指定的会员不存在（编号 999999）');
      const noSide = await post(as.manager, '/introductions:create', { memberBId: theirs[0] });
      expect(noSide.status).toBe(400);
      expect(messageOf(noSide)).toBe('“Side A” is required');
      expect(noSide.body.errors[0].code).toBe('HONGNIANG_INVALID_INPUT');
    });

    it('refuses to start at a later stage, or with an unknown stage', async () => {
      const later = await post(as.manager, '/introductions:create', {
        memberAId: hers[3],
        memberBId: theirs[3],
        stage: 'dating',
      });
      expect(later.status).toBe(400);
      expect(messageOf(later)).toBe('A new introduction starts at “Recommended to side A”');
      const unknown = await post(
        as.manager,
        '/introductions:create',
        { memberAId: hers[3], memberBId: theirs[3], stage: 'eloped' },
        'zh-CN',
      );
      expect(unknown.status).toBe(400);
      expect(messageOf(unknown)).toMatch(/^“阶段”不能为“eloped”，可选：推荐给甲方、推荐给乙方/);
      expect(await introductions().count({ filter: { memberAId: hers[3] } })).toBe(0);
    });
  });

  describe('moving through the stages by update', () => {
    it('moves one step forward and records who, from and to', async () => {
      const id = await start(hers[4], theirs[4]);
      const response = await post(as.wangfang, `/introductions:update?filterByTk=${id}`, { stage: 'recommendedToB' });
      expect(response.status).toBe(200);
      const rows = await history(id);
      expect(rows.map((row: any) => [row.get('fromStage'), row.get('toStage'), row.get('changedById')])).toEqual([
        [null, 'recommendedToA', users.lijing],
        ['recommendedToA', 'recommendedToB', users.wangfang],
      ]);
    });

    it('refuses a skipped step, naming the steps allowed, and writes no history', async () => {
      const id = await start(hers[5], theirs[5]);
      const skipped = await post(as.lijing, `/introductions:update?filterByTk=${id}`, { stage: 'dating' });
      expect(skipped.status).toBe(400);
      expect(messageOf(skipped)).toBe(
        '“Stage” cannot go from “Recommended to side A” to “Dating”; it can go to: Recommended to side B, Ended',
      );
      const zh = await post(as.lijing, `/introductions:update?filterByTk=${id}`, { stage: 'met' }, 'zh-CN');
      expect(messageOf(zh)).toBe('“阶段”不能从“推荐给甲方”改为“已约见”；可改为：推荐给乙方、终止');
      expect(await stageOf(id)).toBe('recommendedToA');
      expect(await history(id)).toHaveLength(1);
    });

    it('refuses 双方同意 before both consents are 同意, and a step back', async () => {
      const id = await start(hers[6], theirs[6]);
      await introductions().update({ filterByTk: id, values: { stage: 'recommendedToB' } });
      const early = await post(as.lijing, `/introductions:update?filterByTk=${id}`, { stage: 'bothAgreed' }, 'zh-CN');
      expect(early.status).toBe(400);
      expect(messageOf(early)).toBe('双方意愿均为“同意”后，“阶段”才能改为“双方同意”');
      const back = await post(as.lijing, `/introductions:update?filterByTk=${id}`, { stage: 'recommendedToA' });
      expect(back.status).toBe(400);
      expect(await stageOf(id)).toBe('recommendedToB');
    });

    it('lets the stages after 已约见 follow one at a time, up to 结婚, which closes it', async () => {
      const id = await atStage(hers[7], theirs[7], 'met');
      for (const stage of ['dating', 'committed', 'engaged', 'married'])
        expect((await post(as.lijing, `/introductions:update?filterByTk=${id}`, { stage })).status).toBe(200);
      const after = await post(as.manager, `/introductions:update?filterByTk=${id}`, {
        stage: 'ended',
        endReason: 'other',
      });
      expect(after.status).toBe(400);
      expect(messageOf(after)).toMatch(/the introduction is closed; start a new one instead/);
      expect((await history(id)).map((row: any) => row.get('toStage'))).toEqual(
        expect.arrayContaining(['met', 'dating', 'committed', 'engaged', 'married']),
      );
      expect((await introductions().findOne({ filterByTk: id })).get('openPairKey')).toBeNull();
    });

    it('needs an end reason to end one, and keeps an ended one ended (for a manager too)', async () => {
      const id = await start(hers[0], theirs[5]);
      const noReason = await post(as.lijing, `/introductions:update?filterByTk=${id}`, { stage: 'ended' }, 'zh-CN');
      expect(noReason.status).toBe(400);
      expect(messageOf(noReason)).toBe('终止牵线须填写“终止原因”');
      const badReason = await post(as.lijing, `/introductions:update?filterByTk=${id}`, {
        stage: 'ended',
        endReason: 'bored',
      });
      expect(badReason.status).toBe(400);
      expect(messageOf(badReason)).toMatch(/^“End reason” cannot be “bored”; choose one of: sideDeclined/);
      const ended = await post(as.lijing, `/introductions:update?filterByTk=${id}`, {
        stage: 'ended',
        endReason: 'memberLeft',
        endNote: '男方退会',
      });
      expect(ended.status).toBe(200);
      const stored = await introductions().findOne({ filterByTk: id });
      expect(stored.get('endedAt')).toBeTruthy();
      expect((await history(id)).pop().get('note')).toBe('男方退会');
      const reopen = await post(as.manager, `/introductions:update?filterByTk=${id}`, { stage: 'recommendedToA' });
      expect(reopen.status).toBe(400);
      expect(await stageOf(id)).toBe('ended');
    });

    it('refuses a change of the pair or of what the server keeps, naming the field', async () => {
      const id = await start(hers[1], theirs[6]);
      const repaired = await post(
        as.manager,
        `/introductions:update?filterByTk=${id}`,
        { memberBId: theirs[7] },
        'zh-CN',
      );
      expect(repaired.status).toBe(400);
      expect(messageOf(repaired)).toBe('牵线的“乙方”不能修改；未保存任何内容');
      const kept = await post(as.manager, `/introductions:update?filterByTk=${id}`, { openPairKey: null });
      expect(kept.status).toBe(400);
      expect((await introductions().findOne({ filterByTk: id })).get('memberBId')).toBe(theirs[6]);
    });
  });

  describe('other write paths', () => {
    it('holds an update with a filter to the same rules', async () => {
      const id = await start(hers[2], theirs[7]);
      const filter = encodeURIComponent(JSON.stringify({ id }));
      const skipped = await post(as.lijing, `/introductions:update?filter=${filter}`, { stage: 'met' });
      expect(skipped.status).toBe(400);
      expect(await stageOf(id)).toBe('recommendedToA');
      const step = await post(as.lijing, `/introductions:update?filter=${filter}`, { stage: 'recommendedToB' });
      expect(step.status).toBe(200);
      expect(await stageOf(id)).toBe('recommendedToB');
      expect((await history(id)).pop().get('changedById')).toBe(users.lijing);
    });

    it('holds updateOrCreate and firstOrCreate to the same rules', async () => {
      const id = await start(hers[3], theirs[0]);
      const skipped = await post(as.manager, '/introductions:updateOrCreate?filterKeys[]=id', { id, stage: 'dating' });
      expect(skipped.status).toBe(400);
      expect(await stageOf(id)).toBe('recommendedToA');
      const created = await post(as.manager, '/introductions:firstOrCreate?filterKeys[]=memberAId', {
        memberAId: hers[4],
        memberBId: hers[4],
      });
      expect(created.status).toBe(400);
      expect(await introductions().count({ filter: { memberBId: hers[4] } })).toBe(0);
    });

    it('holds a kanban move to the same rules, and records who moved the card', async () => {
      const id = await start(hers[4], theirs[1]);
      const skip = await as.lijing
        .post(`/introductions:move?sourceId=${id}&sortField=stageSort&targetScope[stage]=bothAgreed`)
        .set('X-Locale', 'en-US');
      expect(skip.status).toBe(400);
      expect(messageOf(skip)).toMatch(/^“Stage” cannot go from “Recommended to side A” to “Both agreed”/);
      expect(await stageOf(id)).toBe('recommendedToA');
      const step = await as.wangfang.post(
        `/introductions:move?sourceId=${id}&sortField=stageSort&targetScope[stage]=recommendedToB`,
      );
      expect(step.status).toBe(200);
      expect(await stageOf(id)).toBe('recommendedToB');
      const last = (await history(id)).pop();
      expect([last.get('fromStage'), last.get('toStage'), last.get('changedById')]).toEqual([
        'recommendedToA',
        'recommendedToB',
        users.wangfang,
      ]);
      const end = await as.lijing.post(
        `/introductions:move?sourceId=${id}&sortField=stageSort&targetScope[stage]=ended`,
      );
      expect(end.status).toBe(400);
      expect(await stageOf(id)).toBe('recommendedToB');
    });

    it('holds a drag onto a card of another stage (move with a target) to the same rules', async () => {
      const moved = await start(hers[7], theirs[0]);
      const target = await atStage(hers[6], theirs[0], 'bothAgreed');
      const skip = await as.lijing
        .post(`/introductions:move?sourceId=${moved}&targetId=${target}&sortField=stageSort`)
        .set('X-Locale', 'zh-CN');
      expect(skip.status).toBe(400);
      expect(messageOf(skip)).toBe('“阶段”不能从“推荐给甲方”改为“双方同意”；可改为：推荐给乙方、终止');
      expect(await stageOf(moved)).toBe('recommendedToA');
      expect(await history(moved)).toHaveLength(1);
    });

    it('refuses imports of introductions, for the manager too, in her language', async () => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        book,
        XLSX.utils.aoa_to_sheet([
          ['甲方', '乙方'],
          [hers[5], theirs[2]],
        ]),
        'Sheet1',
      );
      const response = await as.manager
        .post('/introductions:importXlsx')
        .set('X-Locale', 'zh-CN')
        .field('columns', JSON.stringify([{ dataIndex: ['memberA', 'id'] }, { dataIndex: ['memberB', 'id'] }]))
        .attach('file', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'introductions.xlsx');
      expect(response.status).toBe(400);
      expect(messageOf(response)).toBe('牵线与意愿不能从表格导入：请逐一发起牵线，以便询问双方意愿');
      expect(await introductions().count({ filter: { memberAId: hers[5], memberBId: theirs[2] } })).toBe(0);
    });

    it('takes the two members as the web client sends them (association objects), with the same checks', async () => {
      const created = await post(as.lijing, '/introductions:create', {
        memberA: { id: hers[6] },
        memberB: { id: theirs[3] },
      });
      expect(created.status).toBe(200);
      const stored = await introductions().findOne({ filterByTk: created.body.data.id });
      expect([stored.get('memberAId'), stored.get('memberBId')]).toEqual([hers[6], theirs[3]]);
      const again = await post(as.wangfang, '/introductions:create', { memberA: { id: theirs[3] }, memberB: hers[6] });
      expect(again.status).toBe(400);
      const swapped = await post(as.manager, `/introductions:update?filterByTk=${stored.get('id')}`, {
        memberB: { id: theirs[4] },
      });
      expect(swapped.status).toBe(400);
      expect((await introductions().findOne({ filterByTk: stored.get('id') })).get('memberBId')).toBe(theirs[3]);
    });
  });
});

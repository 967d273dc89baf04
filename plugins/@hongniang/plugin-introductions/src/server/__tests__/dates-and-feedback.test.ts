// Dates (约会) and date feedback (约会反馈) on every write path: a date for an introduction at 双方同意 or later, its
// members and times kept by the server, no two overlapping dates for a member, 已约见 only after a date took place (on
// update and kanban move), feedback one per member per date from that member's own matchmaker; both sides' 愿意继续 bring
// the introduction to 交往中, a 不继续 ends it and matching then leaves the pair out (`dateDeclined`). Who sees which dates.
import { MockServer } from '@nocobase/test';
import { HONGNIANG_PLUGINS, appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';

const HER = SUITED.her;
const HIM = SUITED.him;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A future moment on the hour (UTC), far enough ahead that "now" never reaches it during the suite. */
const now = new Date();
const T = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 3, 10, 0));
const at = (minutes: number) => new Date(T.getTime() + minutes * MINUTE);
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

describe('dates and date feedback', () => {
  let app: MockServer;
  let root: any;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  const hers: number[] = [];
  const theirs: number[] = [];

  appForSuite(
    async (booted) => {
      app = booted;
      root = await signInAsRoot(app);
      ({ as, users } = await signInStaff(app));
      for (let n = 0; n < 7; n++) {
        hers.push(await addMember(app, { ...HER, name: `李静的会员${n}`, matchmakerId: users.lijing }));
        theirs.push(await addMember(app, { ...HIM, name: `王芳的会员${n}`, matchmakerId: users.wangfang }));
      }
    },
    { ours: HONGNIANG_PLUGINS },
  );

  const repo = (name: string) => app.db.getRepository(name);
  const stageOf = async (id: number) => (await repo('introductions').findOne({ filterByTk: id })).get('stage');
  const dateOf = (id: number) => repo('dates').findOne({ filterByTk: id });
  const history = (introductionId: number) =>
    repo('introductionStageChanges').find({ filter: { introductionId }, sort: ['id'] });
  const post = (agent: any, url: string, body: any, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).set('X-Timezone', '+00:00').send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  /** An introduction brought to 双方同意 by both sides' consents (set-up through the repository, with its hooks). */
  const agreed = async (a: number, b: number) => {
    const id = (await repo('introductions').create({ values: { memberAId: a, memberBId: b } })).get('id');
    await repo('introductionConsents').createMany({
      records: [
        { introductionId: id, memberId: a, answer: 'agreed' },
        { introductionId: id, memberId: b, answer: 'agreed' },
      ],
    });
    expect(await stageOf(id)).toBe('bothAgreed');
    return id as number;
  };
  const arrange = async (agent: any, introductionId: number, startsAt: Date, extra: Record<string, unknown> = {}) => {
    const response = await post(agent, '/dates:create', { introductionId, startsAt, place: '国贸咖啡馆', ...extra });
    expect([response.status, messageOf(response)]).toEqual([200, '']);
    return response.body.data.id as number;
  };
  const feedback = (agent: any, dateId: number, memberId: number, values: Record<string, unknown>, locale = 'en-US') =>
    post(agent, '/dateFeedback:create', { dateId, memberId, satisfaction: 4, ...values }, locale);

  let first: number; // hers[0] × theirs[0], T → T+120
  let firstIntroduction: number;

  describe('arranging a date', () => {
    it('fills in the members, end, title and arranger; refuses members other than the introduction’s', async () => {
      firstIntroduction = await agreed(hers[0], theirs[0]);
      const chosen = await post(as.lijing, '/dates:create', {
        introductionId: firstIntroduction,
        startsAt: T,
        place: '公园',
        memberBId: theirs[6],
      });
      expect([chosen.status, messageOf(chosen)]).toEqual([
        400,
        '“Side B” comes from the introduction and cannot be chosen on a date',
      ]);
      expect(await repo('dates').count({ filter: { introductionId: firstIntroduction } })).toBe(0);
      first = await arrange(as.lijing, firstIntroduction, T, { memberAId: hers[0], endsAt: at(5), title: 'x' });
      const date = await dateOf(first);
      expect([date.get('memberAId'), date.get('memberBId')]).toEqual([hers[0], theirs[0]]);
      expect(new Date(date.get('endsAt')).getTime()).toBe(at(120).getTime());
      expect(date.get('durationMinutes')).toBe(120);
      expect(date.get('title')).toBe('李静的会员0 × 王芳的会员0');
      expect(date.get('arrangedById')).toBe(users.lijing);
      expect(date.get('status')).toBe('scheduled');
    });

    it('refuses a date before 双方同意, and missing or bad values, in both languages; nothing is written', async () => {
      const early = (await repo('introductions').create({ values: { memberAId: hers[6], memberBId: theirs[6] } })).get(
        'id',
      );
      const en = await post(as.lijing, '/dates:create', { introductionId: early, startsAt: T, place: '公园' });
      expect(en.status).toBe(400);
      expect(messageOf(en)).toBe(
        `A date is arranged for an introduction at “Both agreed” or later that is still open; no. ${early} is at “Recommended to side A”`,
      );
      const zh = await post(as.lijing, '/dates:create', { introductionId: early, startsAt: T, place: '公园' }, 'zh-CN');
      expect(messageOf(zh)).toBe(
        `只能为处于“双方同意”或之后、且尚未结束的牵线安排约会；编号 ${early} 的牵线处于“推荐给甲方”`,
      );
      const noPlace = await post(as.lijing, '/dates:create', { introductionId: firstIntroduction, startsAt: at(-600) });
      expect([noPlace.status, messageOf(noPlace)]).toEqual([400, '“Place” is required']);
      const noStart = await post(
        as.lijing,
        '/dates:create',
        { introductionId: firstIntroduction, place: '公园' },
        'zh-CN',
      );
      expect([noStart.status, messageOf(noStart)]).toEqual([400, '“开始时间”必填']);
      const tooLong = await post(as.lijing, '/dates:create', {
        introductionId: firstIntroduction,
        startsAt: at(-2000),
        place: '公园',
        durationMinutes: 721,
      });
      expect([tooLong.status, messageOf(tooLong)]).toEqual([
        400,
        '“Duration (minutes)” must be a whole number from 15 to 720',
      ]);
      const noIntroduction = await post(as.manager, '/dates:create', { startsAt: T, place: '公园' });
      expect([noIntroduction.status, messageOf(noIntroduction)]).toEqual([400, '“Introduction” is required']);
      expect(await repo('dates').count({ filter: { introductionId: [early, firstIntroduction] } })).toBe(1);
    });

    it("refuses an overlap for either member, naming her and the other date; touching ends and cancelled dates don't count", async () => {
      const second = await agreed(hers[0], theirs[1]);
      const third = await agreed(hers[1], theirs[0]);
      const overlapA = await post(as.lijing, '/dates:create', {
        introductionId: second,
        startsAt: at(60),
        place: '公园',
      });
      expect(overlapA.status).toBe(400);
      expect(messageOf(overlapA)).toBe(
        `李静的会员0 already has a date at that time (no. ${first}, ${T.toISOString().slice(0, 10)} 10:00–12:00); choose another “Starts at”`,
      );
      const overlapB = await post(
        as.wangfang,
        '/dates:create',
        { introductionId: third, startsAt: at(-30), durationMinutes: 60, place: '公园' },
        'zh-CN',
      );
      expect(overlapB.status).toBe(400);
      expect(messageOf(overlapB)).toMatch(new RegExp(`^王芳的会员0在该时段已有约会（编号 ${first}，`));
      // Touching ends: one starts when the first ends, one ends when it starts.
      const after = await arrange(as.lijing, second, at(120), { durationMinutes: 60 });
      const before = await arrange(as.wangfang, third, at(-120));
      // Moving one onto the other is refused too (update, and update by a filter).
      const moved = await post(as.lijing, `/dates:update?filterByTk=${after}`, { startsAt: at(90) });
      expect(moved.status).toBe(400);
      const filter = encodeURIComponent(JSON.stringify({ id: before }));
      const longer = await post(as.wangfang, `/dates:update?filter=${filter}`, { durationMinutes: 150 });
      expect(longer.status).toBe(400);
      expect(messageOf(longer)).toMatch(/^王芳的会员0 already has a date at that time/);
      const upserted = await post(as.lijing, '/dates:updateOrCreate?filterKeys[]=id', { id: after, startsAt: at(90) });
      expect(upserted.status).toBe(400);
      const relinked = await as.manager.post(`/dates/${after}/introduction:set`).send({ values: third, tk: third });
      expect([relinked.status, messageOf(relinked)]).toEqual([
        400,
        '“Introduction” cannot be changed on a date; nothing was saved',
      ]);
      expect((await dateOf(after)).get('introductionId')).toBe(second);
      expect(new Date((await dateOf(after)).get('startsAt')).getTime()).toBe(at(120).getTime());
      expect((await dateOf(before)).get('durationMinutes')).toBe(120);
      // A cancelled date holds nobody's time.
      expect((await post(as.lijing, `/dates:update?filterByTk=${first}`, { status: 'cancelled' })).status).toBe(200);
      await arrange(as.wangfang, third, at(30), { durationMinutes: 60 });
    });

    it('completes a date only once it has begun, keeps a closed status final, and asks who did not come', async () => {
      const introduction = await agreed(hers[5], theirs[5]);
      const future = await arrange(as.lijing, introduction, at(DAY / MINUTE));
      const early = await post(as.lijing, `/dates:update?filterByTk=${future}`, { status: 'completed' }, 'zh-CN');
      expect(early.status).toBe(400);
      expect(messageOf(early)).toMatch(/^约会开始后，“状态”才能为“已完成”（开始时间 /);
      const past = await arrange(as.lijing, introduction, daysAgo(30));
      const noWho = await post(as.lijing, `/dates:update?filterByTk=${past}`, { status: 'noShow' });
      expect([noWho.status, messageOf(noWho)]).toEqual([400, '“Did not come” is required when the date is “No-show”']);
      const unknown = await post(as.lijing, `/dates:update?filterByTk=${past}`, {
        status: 'noShow',
        noShowMembers: ['memberC'],
      });
      expect(unknown.status).toBe(400);
      const notNoShow = await post(as.lijing, `/dates:update?filterByTk=${future}`, { noShowMembers: ['memberA'] });
      expect([notNoShow.status, messageOf(notNoShow)]).toEqual([
        400,
        '“Did not come” is only for a date that is “No-show”',
      ]);
      const noShow = await post(as.lijing, `/dates:update?filterByTk=${past}`, {
        status: 'noShow',
        noShowMembers: ['memberB'],
      });
      expect(noShow.status).toBe(200);
      expect((await dateOf(past)).get('noShowMembers')).toEqual(['memberB']);
      // A no-show brings no 已约见.
      expect(await stageOf(introduction)).toBe('bothAgreed');
      const reopened = await post(as.manager, `/dates:update?filterByTk=${past}`, { status: 'scheduled' }, 'zh-CN');
      expect(reopened.status).toBe(400);
      expect(messageOf(reopened)).toBe('该约会已是“爽约”，不能再更改，只能修改备注（“状态”未保存）');
      expect((await post(as.lijing, `/dates:update?filterByTk=${past}`, { note: '男方临时加班' })).status).toBe(200);
      for (const values of [{ introductionId: firstIntroduction }, { memberAId: hers[1] }, { title: '改名' }]) {
        const refused = await post(as.manager, `/dates:update?filterByTk=${future}`, values);
        expect(refused.status).toBe(400);
        expect(messageOf(refused)).toMatch(/cannot be changed on a date; nothing was saved$/);
      }
      expect((await dateOf(future)).get('introductionId')).toBe(introduction);
    });
  });

  describe('已约见 needs a date that took place', () => {
    let introduction: number;
    let date: number;

    it('refuses 已约见 without a completed date, on update and on a kanban move, in both languages', async () => {
      introduction = await agreed(hers[2], theirs[2]);
      const update = await post(as.lijing, `/introductions:update?filterByTk=${introduction}`, { stage: 'met' });
      expect([update.status, messageOf(update)]).toEqual([
        400,
        '“Stage” can become “Met” only once a date of the introduction is “Completed”',
      ]);
      const move = await as.wangfang
        .post(`/introductions:move?sourceId=${introduction}&sortField=stageSort&targetScope[stage]=met`)
        .set('X-Locale', 'zh-CN');
      expect([move.status, messageOf(move)]).toEqual([400, '该牵线有一次约会为“已完成”后，“阶段”才能改为“已约见”']);
      expect(await stageOf(introduction)).toBe('bothAgreed');
    });

    it('moves the introduction to 已约见 when its date is completed, with the history row, in the same request', async () => {
      date = await arrange(as.wangfang, introduction, daysAgo(2));
      const done = await post(as.wangfang, `/dates:update?filterByTk=${date}`, { status: 'completed' });
      expect([done.status, messageOf(done)]).toEqual([200, '']);
      expect(await stageOf(introduction)).toBe('met');
      const last = (await history(introduction)).pop();
      expect([last.get('fromStage'), last.get('toStage'), last.get('changedById')]).toEqual([
        'bothAgreed',
        'met',
        users.wangfang,
      ]);
    });

    it('lets a kanban move reach 已约见 once a completed date exists', async () => {
      const other = await agreed(hers[3], theirs[3]);
      // A date completed without its hooks (as if recorded before this rule): the stage rule alone is tried.
      await repo('dates').create({
        values: {
          introductionId: other,
          memberAId: hers[3],
          memberBId: theirs[3],
          startsAt: daysAgo(3),
          endsAt: daysAgo(3),
          place: '公园',
          status: 'completed',
        },
        hooks: false,
      });
      const move = await as.lijing.post(
        `/introductions:move?sourceId=${other}&sortField=stageSort&targetScope[stage]=met`,
      );
      expect(move.status).toBe(200);
      expect(await stageOf(other)).toBe('met');
    });

    describe('feedback on that date', () => {
      it('is refused for a date not completed, a member not of the date, and the other matchmaker’s side (403)', async () => {
        const scheduled = await arrange(as.lijing, introduction, at((2 * DAY) / MINUTE));
        const notDone = await feedback(as.lijing, scheduled, hers[2], { wantsToContinue: 'yes' });
        expect([notDone.status, messageOf(notDone)]).toEqual([
          400,
          `Feedback is recorded for a date that is “Completed”; date no. ${scheduled} is “Scheduled”`,
        ]);
        const outsider = await feedback(as.lijing, date, hers[3], { wantsToContinue: 'yes' }, 'zh-CN');
        expect([outsider.status, messageOf(outsider)]).toEqual([400, '“一方”须为该约会的两位会员之一']);
        const otherSide = await feedback(as.lijing, date, theirs[2], { wantsToContinue: 'yes' }, 'zh-CN');
        expect([otherSide.status, messageOf(otherSide)]).toEqual([403, '只有该“一方”的红娘才能记录这位会员的反馈']);
        const badScore = await feedback(as.lijing, date, hers[2], { satisfaction: 6 });
        expect([badScore.status, messageOf(badScore)]).toEqual([
          400,
          '“Satisfaction (1–5)” must be a whole number from 1 to 5',
        ]);
        const badReason = await feedback(as.lijing, date, hers[2], { reasons: ['looks'] });
        expect(badReason.status).toBe(400);
        expect(messageOf(badReason)).toMatch(/^“Reasons” cannot be “looks”; choose one of: appearance \(Appearance\)/);
        expect(await repo('dateFeedback').count({ filter: { dateId: [date, scheduled] } })).toBe(0);
      });

      it('keeps one feedback per member per date, recorded by her matchmaker; both 愿意继续 bring 交往中', async () => {
        const hersSaid = await feedback(as.lijing, date, hers[2], { wantsToContinue: 'yes', reasons: ['personality'] });
        expect([hersSaid.status, messageOf(hersSaid)]).toEqual([200, '']);
        const stored = await repo('dateFeedback').findOne({ filterByTk: hersSaid.body.data.id });
        expect(stored.get('recordedById')).toBe(users.lijing);
        expect(await stageOf(introduction)).toBe('met');
        const again = await feedback(as.lijing, date, hers[2], { wantsToContinue: 'no' });
        expect([again.status, messageOf(again)]).toEqual([
          400,
          `This member’s feedback on the date is already recorded (no. ${hersSaid.body.data.id}); change it instead`,
        ]);
        const changedByOther = await post(as.wangfang, `/dateFeedback:update?filterByTk=${hersSaid.body.data.id}`, {
          comment: '改一下',
        });
        expect(changedByOther.status).toBe(403);
        const hisSaid = await feedback(as.wangfang, date, theirs[2], { wantsToContinue: 'yes', satisfaction: 5 });
        expect(hisSaid.status).toBe(200);
        expect(await stageOf(introduction)).toBe('dating');
        const last = (await history(introduction)).pop();
        expect([last.get('fromStage'), last.get('toStage'), last.get('changedById')]).toEqual([
          'met',
          'dating',
          users.wangfang,
        ]);
      });
    });
  });

  describe('a 不继续 after a date', () => {
    let introduction: number;
    let date: number;
    let upcoming: number;

    it('ends the introduction (约会后不继续, naming the side and the reasons) and cancels its scheduled dates', async () => {
      introduction = await agreed(hers[4], theirs[4]);
      // A date recorded as it happened: created 已完成, which brings 已约见 at once.
      date = await arrange(as.lijing, introduction, daysAgo(5), { status: 'completed' });
      expect(await stageOf(introduction)).toBe('met');
      upcoming = await arrange(as.lijing, introduction, at((3 * DAY) / MINUTE));
      const said = await feedback(
        as.wangfang,
        date,
        theirs[4],
        { wantsToContinue: 'no', satisfaction: 2, reasons: ['finances', 'values'] },
        'zh-CN',
      );
      expect([said.status, messageOf(said)]).toEqual([200, '']);
      const ended = await repo('introductions').findOne({ filterByTk: introduction });
      expect([ended.get('stage'), ended.get('endReason')]).toEqual(['ended', 'notContinuingAfterDate']);
      expect(ended.get('endNote')).toBe(`乙方王芳的会员4在约会（编号 ${date}）后不愿继续；原因：经济条件、价值观`);
      expect((await history(introduction)).pop().get('note')).toBe(ended.get('endNote'));
      expect((await dateOf(upcoming)).get('status')).toBe('cancelled');
      // The other side's feedback is still recorded, and moves nothing.
      expect((await feedback(as.lijing, date, hers[4], { wantsToContinue: 'yes' })).status).toBe(200);
      expect(await stageOf(introduction)).toBe('ended');
      const late = await post(as.lijing, '/dates:create', {
        introductionId: introduction,
        startsAt: at(9000),
        place: '公园',
      });
      expect(late.status).toBe(400);
    });

    it('keeps the pair out of members:match, counted under dateDeclined', async () => {
      const response = await root.post(`/members:match?filterByTk=${hers[4]}`).set('X-Locale', 'en-US').send({});
      expect(response.status).toBe(200);
      expect(response.body.data.map((row: any) => row.candidateId)).not.toContain(theirs[4]);
      expect(response.body.data.map((row: any) => row.candidateId)).toContain(theirs[6]);
      expect(response.body.meta.excluded).toMatchObject({ dateDeclined: 1 });
      const chosen = await root.post(`/members:match?filterByTk=${theirs[4]}`).send({ candidateIds: [hers[4]] });
      expect(chosen.body.data).toEqual([]);
      expect(chosen.body.meta.excluded).toMatchObject({ dateDeclined: 1 });
    });

    it('once the introduction is closed, deleting a member takes her dates and their feedback along', async () => {
      expect(await repo('dateFeedback').count({ filter: { dateId: date } })).toBe(2);
      const deleted = await post(as.manager, `/members:destroy?filterByTk=${hers[4]}`, {});
      expect(deleted.status).toBe(200);
      expect(await repo('dates').count({ filter: { id: [date, upcoming] } })).toBe(0);
      expect(await repo('dateFeedback').count({ filter: { dateId: date } })).toBe(0);
    });
  });

  describe('who sees and works which dates', () => {
    let theirsOnly: number;

    beforeAll(async () => {
      const introduction = await agreed(theirs[5], theirs[6]);
      theirsOnly = (
        await repo('dates').create({ values: { introductionId: introduction, startsAt: at(-5000), place: '公园' } })
      ).get('id');
    });

    it('shows a matchmaker the dates of her members only, a manager all; the front desk none (403)', async () => {
      const ids = async (agent: any, url = '/dates:list?pageSize=500') => {
        const response = await agent.get(url);
        expect(response.status).toBe(200);
        return response.body.data.map((row: any) => row.id);
      };
      const lijing = await ids(as.lijing);
      expect(lijing).toContain(first);
      expect(lijing).not.toContain(theirsOnly);
      expect((await as.lijing.get(`/dates:get?filterByTk=${theirsOnly}`)).body.data ?? null).toBeNull();
      expect(await ids(as.wangfang)).toEqual(expect.arrayContaining([first, theirsOnly]));
      const all = await ids(as.manager);
      expect(all.length).toBe(await repo('dates').count());
      for (const url of ['/dates:list', '/dateFeedback:list']) expect((await as.intake.get(url)).status).toBe(403);
      const created = await post(as.intake, '/dates:create', {
        introductionId: firstIntroduction,
        startsAt: at(-9000),
        place: '公园',
      });
      expect(created.status).toBe(403);
    });

    it('shows a matchmaker both members’ feedback of her dates', async () => {
      const rows = (await as.lijing.get('/dateFeedback:list?pageSize=500')).body.data;
      const members = rows.map((row: any) => row.memberId);
      expect(members).toEqual(expect.arrayContaining([hers[2], theirs[2]]));
    });

    it("refuses a matchmaker a date for another matchmaker's introduction, and changes none of theirs", async () => {
      const theirsIntroduction = (await dateOf(theirsOnly)).get('introductionId');
      const created = await post(as.lijing, '/dates:create', {
        introductionId: theirsIntroduction,
        startsAt: at(-8000),
        place: '公园',
      });
      expect(created.status).toBe(403);
      expect(await repo('dates').count({ filter: { introductionId: theirsIntroduction } })).toBe(1);
      const changed = await post(as.lijing, `/dates:update?filterByTk=${theirsOnly}`, { place: '别处' });
      expect(changed.status).toBeLessThan(500);
      expect((await dateOf(theirsOnly)).get('place')).toBe('公园');
    });

    it('works dates and feedback from the board card, through introductions/:id/dates and dates/:id/feedback', async () => {
      const introduction = await agreed(hers[3], theirs[6]);
      const created = await post(as.lijing, `/introductions/${introduction}/dates:create`, {
        startsAt: daysAgo(30),
        place: '国贸咖啡馆',
        status: 'completed',
      });
      expect([created.status, messageOf(created)]).toEqual([200, '']);
      const date = created.body.data.id;
      const stored = await dateOf(date);
      expect([stored.get('introductionId'), stored.get('memberAId'), stored.get('memberBId')]).toEqual([
        introduction,
        hers[3],
        theirs[6],
      ]);
      const listed = await as.wangfang.get(`/introductions/${introduction}/dates:list`);
      expect(listed.body.data.map((row: any) => row.id)).toEqual([date]);
      // The same rules on this path: an overlapping date is refused, in the caller's language.
      const overlapping = await post(
        as.lijing,
        `/introductions/${introduction}/dates:create`,
        { startsAt: new Date(stored.get('startsAt')), place: '公园' },
        'zh-CN',
      );
      expect(overlapping.status).toBe(400);
      expect(messageOf(overlapping)).toMatch(new RegExp(`^李静的会员3在该时段已有约会（编号 ${date}，`));

      const hers3 = await post(as.lijing, `/dates/${date}/feedback:create`, {
        memberId: hers[3],
        satisfaction: 4,
        wantsToContinue: 'undecided',
      });
      expect([hers3.status, messageOf(hers3)]).toEqual([200, '']);
      // Her matchmaker records her side only, on this path too.
      const otherSide = await post(as.lijing, `/dates/${date}/feedback:create`, {
        memberId: theirs[6],
        satisfaction: 5,
        wantsToContinue: 'yes',
      });
      expect(otherSide.status).toBe(403);
      const his = await post(as.wangfang, `/dates/${date}/feedback:create`, {
        memberId: theirs[6],
        satisfaction: 5,
        wantsToContinue: 'yes',
      });
      expect([his.status, messageOf(his)]).toEqual([200, '']);
      const both = (await as.lijing.get(`/dates/${date}/feedback:list`)).body.data;
      expect(both.map((row: any) => row.memberId).sort()).toEqual([hers[3], theirs[6]].sort());
      expect(await stageOf(introduction)).toBe('met');
    });

    it("shows nothing of another matchmaker's introduction through its dates and their feedback", async () => {
      const theirsIntroduction = (await dateOf(theirsOnly)).get('introductionId');
      const dates = await as.lijing.get(`/introductions/${theirsIntroduction}/dates:list`);
      expect(dates.body.data ?? []).toEqual([]);
      const feedbackRows = await as.lijing.get(`/dates/${theirsOnly}/feedback:list`);
      expect(feedbackRows.body.data ?? []).toEqual([]);
      const created = await post(as.lijing, `/introductions/${theirsIntroduction}/dates:create`, {
        startsAt: at(-12000),
        place: '公园',
      });
      expect(created.status).toBe(403);
      expect(await repo('dates').count({ filter: { introductionId: theirsIntroduction } })).toBe(1);
    });

    it('answers 404 naming the record for a write through a missing date or introduction (never a 500)', async () => {
      const before = await repo('dateFeedback').count();
      const feedbackOnNone = await post(
        root,
        '/dates/999999/feedback:create',
        { memberId: hers[0], satisfaction: 3, wantsToContinue: 'undecided' },
        'zh-CN',
      );
      expect([feedbackOnNone.status, messageOf(feedbackOnNone)]).toEqual([
        404,
        '没有编号为 999999 的约会，未保存任何内容',
      ]);
      const dateOnNone = await post(as.lijing, '/introductions/999999/dates:create', { startsAt: T, place: '公园' });
      expect([dateOnNone.status, messageOf(dateOnNone)]).toEqual([
        404,
        'There is no Introductions no. 999999: nothing was saved',
      ]);
      expect(await repo('dateFeedback').count()).toBe(before);
    });

    it('refuses spreadsheet imports of dates and feedback, root included', async () => {
      for (const url of ['/dates:importXlsx', '/dateFeedback:importXlsx']) {
        const response = await post(root, url, {}, 'zh-CN');
        expect([response.status, messageOf(response)]).toEqual([
          400,
          '约会与约会反馈不能从表格导入：请逐条记录，以便检查规则',
        ]);
      }
    });
  });

  it('writes nothing when the stage change a feedback causes fails (one transaction)', async () => {
    const introduction = await agreed(hers[6], theirs[1]);
    const date = await arrange(as.lijing, introduction, daysAgo(40), { status: 'completed' });
    const before = (await history(introduction)).length;
    const failing = (row: any) => {
      if (row.get('id') === introduction) throw new Error('simulated failure of the stage change');
    };
    app.db.on('introductions.beforeUpdate', failing);
    try {
      expect((await feedback(as.lijing, date, hers[6], { wantsToContinue: 'no' })).status).toBe(500);
    } finally {
      app.db.off('introductions.beforeUpdate', failing);
    }
    expect(await repo('dateFeedback').count({ filter: { dateId: date } })).toBe(0);
    expect(await history(introduction)).toHaveLength(before);
    expect(await stageOf(introduction)).toBe('met');
  });
});

// Events (活动) over HTTP with the ACL on, as the agency's roles use them: 邀请合适会员 ranks only the caller's members and
// tells why; the rules on events and invitations refuse bad writes in both languages and write nothing; interest after
// an event becomes one match suggestion per mutual pair, once.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('events', () => {
  let app: MockServer;
  let root: any;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  /** 李静's members (by what they share with the salon), and one of 王芳's. */
  const m: Record<string, number> = {};
  let salon: number;

  const post = (agent: any, url: string, body: any = {}, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  /** The same request in English and in Chinese: both statuses and messages. */
  const inBoth = async (agent: any, url: string, body: any = {}) => {
    const en = await post(agent, url, body, 'en-US');
    const zh = await post(agent, url, body, 'zh-CN');
    return { status: [en.status, zh.status], en: messageOf(en), zh: messageOf(zh) };
  };
  const count = (collection: string, filter: any) => app.db.getRepository(collection).count({ filter });
  const her = (values: Record<string, unknown>) =>
    addMember(app, { gender: 'female', matchmakerId: users.lijing, ...values });

  appForSuite(async (booted) => {
    app = booted;
    root = await signInAsRoot(app);
    ({ as, users } = await signInStaff(app));
    m.allThree = await her({ name: '甲·三项相同', age: 30, hobbies: ['reading', 'film', 'music', 'pets'] });
    m.one = await her({ name: '乙·一项相同', age: 32, hobbies: ['reading', 'travel'] });
    m.none = await her({ name: '丙·无相同', age: 28, hobbies: ['gaming'] });
    m.tooOld = await her({ name: '丁·年龄不符', age: 50, hobbies: ['reading', 'film'] });
    m.paused = await her({ name: '戊·暂停', age: 30, status: 'paused', hobbies: ['reading'] });
    m.noConsent = await her({ name: '己·未授权', age: 30, recommendConsent: false, hobbies: ['reading', 'film'] });
    m.doNotRecommend = await her({ name: '庚·勿推荐', age: 30, doNotRecommend: true, hobbies: ['reading'] });
    m.man = await addMember(app, {
      name: '辛·男会员',
      gender: 'male',
      age: 30,
      matchmakerId: users.lijing,
      hobbies: ['reading', 'film', 'music'],
    });
    m.invited = await her({ name: '壬·已邀请', age: 30, hobbies: ['reading', 'film', 'music'] });
    m.wangfangs = await addMember(app, {
      name: '王芳的会员',
      gender: 'female',
      age: 30,
      matchmakerId: users.wangfang,
      hobbies: ['reading', 'film', 'music'],
    });
    const created = await post(as.manager, '/events:create', {
      title: '读书观影沙龙',
      type: 'salon',
      startsAt: new Date(Date.now() + 3 * DAY),
      endsAt: new Date(Date.now() + 3 * DAY + 2 * HOUR),
      place: '门店二楼',
      capacity: 2,
      fee: 50,
      interestTags: ['reading', 'film', 'music'],
      ageMin: 25,
      ageMax: 40,
      gender: 'female',
      status: 'open',
    });
    expect([created.status, messageOf(created)]).toEqual([200, '']);
    salon = created.body.data.id;
    const invited = await post(as.lijing, '/eventInvitations:create', { eventId: salon, memberId: m.invited });
    expect([invited.status, messageOf(invited)]).toEqual([200, '']);
  });

  describe('邀请合适会员 (events:suggestInvitees)', () => {
    it('ranks her members in service who consented, by shared interest tags, within age and gender, and says why', async () => {
      const response = await post(as.lijing, `/events:suggestInvitees?filterByTk=${salon}`);
      expect([response.status, messageOf(response)]).toEqual([200, '']);
      const { invitees, eligible } = response.body.data;
      expect(invitees.map((row: any) => row.id)).toEqual([m.allThree, m.one, m.none]);
      expect(eligible).toBe(3);
      expect(invitees.map((row: any) => row.score)).toEqual([3, 1, 0]);
      expect(invitees[0].sharedTags.map((tag: any) => tag.value)).toEqual(['reading', 'music', 'film']);
      expect(invitees[0].reasons).toEqual([
        'Shares 3 of the event’s 3 interest tags: Reading, Music, Films',
        'Age within the event’s range (25–40)',
      ]);
      // Only the id, the name and the explanation: nothing else of the member's record.
      for (const row of invitees)
        expect(Object.keys(row).sort()).toEqual(['ageFit', 'id', 'name', 'reasons', 'score', 'sharedTags']);
      const zh = await post(as.lijing, `/events:suggestInvitees?filterByTk=${salon}`, {}, 'zh-CN');
      expect(zh.body.data.invitees[1].reasons[0]).toBe('与活动的 3 个兴趣标签有 1 个相同：阅读');
    });

    it('never gives 李静 王芳’s members; gives a manager every matchmaker’s; limit cuts the list', async () => {
      const lijing = await post(as.lijing, `/events:suggestInvitees?filterByTk=${salon}`);
      expect(lijing.body.data.invitees.map((row: any) => row.id)).not.toContain(m.wangfangs);
      const wangfang = await post(as.wangfang, `/events:suggestInvitees?filterByTk=${salon}`);
      expect(wangfang.body.data.invitees.map((row: any) => row.id)).toEqual([m.wangfangs]);
      const manager = await post(as.manager, `/events:suggestInvitees?filterByTk=${salon}`);
      const ids = manager.body.data.invitees.map((row: any) => row.id);
      expect(ids.slice(0, 2).sort()).toEqual([m.allThree, m.wangfangs].sort());
      expect(ids).toContain(m.one);
      const one = await post(as.manager, `/events:suggestInvitees?filterByTk=${salon}&limit=1`);
      expect([one.body.data.invitees.length, one.body.data.eligible]).toEqual([1, 4]);
    });

    it('refuses a bad limit (400), an unknown event (404), in both languages; the front desk may not ask (403)', async () => {
      expect(await inBoth(as.lijing, `/events:suggestInvitees?filterByTk=${salon}&limit=0`)).toEqual({
        status: [400, 400],
        en: 'limit must be a whole number from 1 to 200, not "0"',
        zh: 'limit（返回人数）必须是 1 到 200 之间的整数，而不是“0”',
      });
      expect(await inBoth(as.lijing, '/events:suggestInvitees?filterByTk=999999')).toEqual({
        status: [404, 404],
        en: 'There is no event with number 999999',
        zh: '没有编号为 999999 的活动',
      });
      expect((await inBoth(as.lijing, '/events:suggestInvitees?filterByTk=abc')).status).toEqual([400, 400]);
      const intake = await post(as.intake, `/events:suggestInvitees?filterByTk=${salon}`);
      expect(intake.status).toBe(403);
      // The front desk sees the events themselves.
      const list = await as.intake.get('/events:list');
      expect(list.body.data.map((row: any) => row.id)).toContain(salon);
    });
  });

  describe('rules on write', () => {
    it('never more members attending than seats, on create and on update (also by filter), in both languages', async () => {
      for (const memberId of [m.allThree, m.one]) {
        const response = await post(as.lijing, '/eventInvitations:create', {
          eventId: salon,
          memberId,
          rsvp: 'attending',
        });
        expect([response.status, messageOf(response)]).toEqual([200, '']);
      }
      expect(
        await inBoth(as.lijing, '/eventInvitations:create', { eventId: salon, memberId: m.none, rsvp: 'attending' }),
      ).toEqual({
        status: [409, 409],
        en: 'RSVP cannot be Attending: all 2 seats of "读书观影沙龙" (Capacity) are taken; nothing was saved',
        zh: '“回复”不能设为“参加”：活动「读书观影沙龙」的 2 个名额（名额）已满；未保存任何内容',
      });
      expect(await count('eventInvitations', { eventId: salon, memberId: m.none })).toBe(0);
      const pending = await post(as.lijing, '/eventInvitations:create', { eventId: salon, memberId: m.none });
      expect([pending.status, pending.body.data.rsvp, pending.body.data.invitedById]).toEqual([
        200,
        'pending',
        users.lijing,
      ]);
      const id = pending.body.data.id;
      const update = await post(as.lijing, `/eventInvitations:update?filterByTk=${id}`, { rsvp: 'attending' });
      expect([update.status, messageOf(update)]).toEqual([409, expect.stringContaining('all 2 seats')]);
      const byFilter = await post(
        as.manager,
        `/eventInvitations:update?filter=${encodeURIComponent(JSON.stringify({ memberId: m.none }))}`,
        {
          rsvp: 'attending',
        },
      );
      expect(byFilter.status).toBe(409);
      expect(await count('eventInvitations', { eventId: salon, rsvp: 'attending' })).toBe(2);
      // Fewer seats than members attending.
      expect(await inBoth(as.manager, `/events:update?filterByTk=${salon}`, { capacity: 1 })).toEqual({
        status: [409, 409],
        en: 'Capacity cannot be 1: 2 members already attend; nothing was saved',
        zh: '“名额”不能改为 1：已有 2 位会员确认参加；未保存任何内容',
      });
    });

    it('an invitation: her own member, in service, once; attendance only once the event has started', async () => {
      const theirs = await inBoth(as.lijing, '/eventInvitations:create', { eventId: salon, memberId: m.wangfangs });
      expect(theirs.status).toEqual([403, 403]);
      expect(theirs.en).toMatch(
        /^You may invite only your own members; 王芳的会员 \(HN\d+\) is not one of them\. Nothing was saved$/,
      );
      expect(theirs.zh).toContain('只能邀请自己负责的会员');
      const paused = await inBoth(as.lijing, '/eventInvitations:create', { eventId: salon, memberId: m.paused });
      expect(paused.status).toEqual([400, 400]);
      expect(paused.en).toMatch(/^戊·暂停 .* is not in service \(Paused\): only members in service are invited/);
      expect(paused.zh).toMatch(/不在服务中（暂停）/);
      const twice = await post(as.lijing, '/eventInvitations:create', { eventId: salon, memberId: m.invited });
      expect([twice.status, messageOf(twice)]).toEqual([
        409,
        expect.stringContaining('is already invited to "读书观影沙龙"'),
      ]);
      expect(await count('eventInvitations', { memberId: [m.wangfangs, m.paused] })).toBe(0);
      expect(await count('eventInvitations', { memberId: m.invited })).toBe(1);
      const invitation = await app.db.getRepository('eventInvitations').findOne({ filter: { memberId: m.invited } });
      const early = await inBoth(as.lijing, `/eventInvitations:update?filterByTk=${invitation.get('id')}`, {
        attended: true,
      });
      expect(early).toEqual({
        status: [400, 400],
        en: 'Attended can be recorded only once "读书观影沙龙" has started; nothing was saved',
        zh: '活动「读书观影沙龙」开始后才能登记“已签到”；未保存任何内容',
      });
      expect(
        (await app.db.getRepository('eventInvitations').findOne({ filterByTk: invitation.get('id') })).get('attended'),
      ).toBe(false);
    });

    it('firstOrCreate and updateOrCreate by 李静 never invite, nor change the invitation of, 王芳’s member', async () => {
      const viaFirstOrCreate = await as.lijing
        .post('/eventInvitations:firstOrCreate?filterKeys[]=eventId&filterKeys[]=memberId')
        .send({ eventId: salon, memberId: m.wangfangs });
      expect(viaFirstOrCreate.status).toBe(403);
      expect(messageOf(viaFirstOrCreate)).toContain('王芳的会员');
      const viaUpdateOrCreate = await as.lijing
        .post('/eventInvitations:updateOrCreate?filterKeys[]=eventId&filterKeys[]=memberId')
        .send({ eventId: salon, memberId: m.wangfangs, rsvp: 'attending' });
      expect(viaUpdateOrCreate.status).toBe(403);
      expect(await count('eventInvitations', { memberId: m.wangfangs })).toBe(0);

      // 王芳 invites her; 李静's updateOrCreate on that invitation (by its key) neither changes it nor makes a second.
      const theirs = await post(as.wangfang, '/eventInvitations:create', { eventId: salon, memberId: m.wangfangs });
      expect([theirs.status, messageOf(theirs)]).toEqual([200, '']);
      const id = theirs.body.data.id;
      const overwrite = await as.lijing
        .post('/eventInvitations:updateOrCreate?filterKeys[]=id')
        .send({ id, eventId: salon, memberId: m.wangfangs, rsvp: 'declined' });
      expect(overwrite.status).toBeGreaterThanOrEqual(400);
      expect(overwrite.status).toBeLessThan(500);
      const after = await app.db.getRepository('eventInvitations').find({ filter: { memberId: m.wangfangs } });
      expect(after.map((one: any) => [one.get('id'), one.get('rsvp')])).toEqual([[id, 'pending']]);
      await app.db.getRepository('eventInvitations').destroy({ filterByTk: id });
    });

    it('an event: an end after its start, ages in order, seats and fee in range; nothing written when refused', async () => {
      const base = { title: '规则测试', startsAt: new Date(Date.now() + 5 * DAY) };
      expect(await inBoth(as.manager, '/events:create', { ...base, endsAt: new Date(Date.now() + 4 * DAY) })).toEqual({
        status: [400, 400],
        en: 'Ends at must come after Starts at; nothing was saved',
        zh: '“结束时间”必须晚于“开始时间”；未保存任何内容',
      });
      expect(await inBoth(as.manager, '/events:create', { ...base, ageMin: 40, ageMax: 30 })).toEqual({
        status: [400, 400],
        en: 'Age from (40) cannot be above Age to (30); nothing was saved',
        zh: '“年龄下限”（40）不能大于“年龄上限”（30）；未保存任何内容',
      });
      const seats = await inBoth(as.manager, '/events:create', { ...base, capacity: 0 });
      expect([seats.status, seats.en, seats.zh]).toEqual([
        [400, 400],
        'Capacity must be a whole number of at least 1, not "0"; nothing was saved',
        '“名额”必须是不小于 1 的整数，而不是“0”；未保存任何内容',
      ]);
      const fee = await post(as.manager, '/events:create', { ...base, fee: -1 });
      expect([fee.status, messageOf(fee)]).toEqual([
        400,
        'Fee must be an amount of 0 or more, not "-1"; nothing was saved',
      ]);
      const tag = await post(as.manager, '/events:create', { ...base, interestTags: ['reading', 'knitting'] });
      expect([tag.status, messageOf(tag)]).toEqual([
        400,
        expect.stringContaining('Interest tags cannot be "knitting"'),
      ]);
      expect(await count('events', { title: '规则测试' })).toBe(0);
      // A matchmaker views events but does not create them.
      expect((await post(as.lijing, '/events:create', base)).status).toBe(403);
    });
  });

  describe('转为推荐 (events:suggestFromInterests)', () => {
    let outing: number;
    let woman: number;
    let man: number;
    let other: number;

    beforeAll(async () => {
      woman = await addMember(app, { ...SUITED.her, name: '徒步女会员', matchmakerId: users.lijing });
      man = await addMember(app, { ...SUITED.him, name: '徒步男会员', matchmakerId: users.wangfang });
      other = await addMember(app, { ...SUITED.him, name: '徒步男会员二', matchmakerId: users.lijing });
      const event = await app.db.getRepository('events').create({
        values: {
          title: '周末徒步',
          type: 'outdoor',
          startsAt: new Date(Date.now() - 2 * DAY),
          capacity: 10,
          status: 'open',
        },
      });
      outing = event.get('id');
      for (const memberId of [woman, man, other])
        await app.db.getRepository('eventInvitations').create({
          values: { eventId: outing, memberId, rsvp: 'attending', attended: true },
        });
    });

    it('interest is recorded between attendees, by the interested member’s matchmaker', async () => {
      for (const [agent, fromMemberId, toMemberId] of [
        [as.lijing, woman, man],
        [as.wangfang, man, woman],
        [as.lijing, woman, other],
      ]) {
        const response = await post(agent, '/eventInterests:create', { eventId: outing, fromMemberId, toMemberId });
        expect([response.status, messageOf(response)]).toEqual([200, '']);
      }
      const theirs = await post(as.lijing, '/eventInterests:create', {
        eventId: outing,
        fromMemberId: man,
        toMemberId: other,
      });
      expect([theirs.status, messageOf(theirs)]).toEqual([
        403,
        expect.stringContaining('You may record the interest of your own members only'),
      ]);
      const absent = await inBoth(as.lijing, '/eventInterests:create', {
        eventId: outing,
        fromMemberId: woman,
        toMemberId: m.one,
      });
      expect(absent.status).toEqual([400, 400]);
      expect(absent.en).toContain('did not attend "周末徒步"');
      expect(absent.zh).toContain('未参加活动「周末徒步」');
      expect(await count('eventInterests', { eventId: outing })).toBe(3);
    });

    it('creates one match suggestion per mutual pair, noting the event, and nothing the second time', async () => {
      const first = await post(as.manager, `/events:suggestFromInterests?filterByTk=${outing}`);
      expect([first.status, messageOf(first)]).toEqual([200, '']);
      expect(first.body.data.skipped).toEqual([]);
      expect(first.body.data.created).toHaveLength(1);
      expect(first.body.data.created[0].members.map((member: any) => member.id)).toEqual(
        [woman, man].sort((a, b) => a - b),
      );
      const key = woman < man ? `${woman}:${man}` : `${man}:${woman}`;
      const suggestions = await app.db.getRepository('matchSuggestions').find({ filter: { pairKey: key } });
      expect(suggestions).toHaveLength(1);
      expect(suggestions[0].get('id')).toBe(first.body.data.created[0].suggestionId);
      expect(suggestions[0].get('note')).toBe('活动「周末徒步」后双方互有好感');
      expect(suggestions[0].get('score')).toBeGreaterThan(0);
      // One-way interest is no pair.
      const oneWay = woman < other ? `${woman}:${other}` : `${other}:${woman}`;
      expect(await count('matchSuggestions', { pairKey: oneWay })).toBe(0);
      const again = await post(as.manager, `/events:suggestFromInterests?filterByTk=${outing}`);
      expect([again.status, again.body.data.created]).toEqual([200, []]);
      expect(again.body.data.skipped).toEqual([
        { members: expect.any(Array), reason: 'This pair has a match suggestion already' },
      ]);
      expect(await count('matchSuggestions', { pairKey: key })).toBe(1);
    });

    // The 活动 page lists an event's invitations and interest through the event (its popup's association tables).
    it('through the event (its page’s tables), each matchmaker lists and invites only her own members', async () => {
      const listed = async (agent: any, association: string) => {
        const response = await agent.get(`/events/${outing}/${association}:list`).query({ paginate: false });
        expect([response.status, messageOf(response)]).toEqual([200, '']);
        return response.body.data;
      };
      const fromTo = (rows: any[]) => rows.map((row) => [row.fromMemberId, row.toMemberId]).sort();
      expect(fromTo(await listed(as.lijing, 'interests'))).toEqual(
        [
          [woman, man],
          [woman, other],
        ].sort(),
      );
      expect(fromTo(await listed(as.wangfang, 'interests'))).toEqual([[man, woman]]);
      expect(await listed(as.manager, 'interests')).toHaveLength(3);
      const invited = async (agent: any) => (await listed(agent, 'invitations')).map((row: any) => row.memberId).sort();
      expect(await invited(as.lijing)).toEqual([woman, other].sort((a, b) => a - b));
      expect(await invited(as.wangfang)).toEqual([man]);
      expect((await as.intake.get(`/events/${outing}/interests:list`)).status).toBe(403);
      const mine = await her({ name: '癸·从活动页邀请', age: 33, hobbies: ['reading'] });
      const viaEvent = await post(as.lijing, `/events/${salon}/invitations:create`, { memberId: mine });
      expect([viaEvent.status, messageOf(viaEvent)]).toEqual([200, '']);
      expect(await count('eventInvitations', { eventId: salon, memberId: mine, invitedById: users.lijing })).toBe(1);
      const theirs = await inBoth(as.lijing, `/events/${salon}/invitations:create`, { memberId: m.wangfangs });
      expect(theirs.status).toEqual([403, 403]);
      expect(theirs.en).toContain('You may invite only your own members');
      expect(theirs.zh).toContain('只能邀请自己负责的会员');
      expect(await count('eventInvitations', { memberId: m.wangfangs, invitedById: users.lijing })).toBe(0);
    });

    it('refuses an event that has not taken place yet, in both languages', async () => {
      expect(await inBoth(as.manager, `/events:suggestFromInterests?filterByTk=${salon}`)).toEqual({
        status: [400, 400],
        en: '"读书观影沙龙" has not taken place yet: interest is turned into suggestions after the event',
        zh: '活动「读书观影沙龙」尚未开始：活动结束后才能把好感转为推荐',
      });
      expect((await post(root, `/events:suggestFromInterests?filterByTk=${salon}`)).status).toBe(400);
    });
  });
});

// Contact release: a member's contact details (phone, WeChat, e-mail: the 字段隐私 contact level) reach the other side's
// matchmaker once both sides agreed, on every read path, and no sooner; the release is recorded (who, when, which
// introduction); ending the introduction hides them again and stops the record. Through access's registry (plugin-core's
// discloseToViewer), so every path access shapes follows the same rule.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';

const CONTACT = ['phone', 'wechat', 'email'];
const SENSITIVE = ['idNumber', 'incomeBand'];

describe('introductions: contact release after both sides agreed', () => {
  let app: MockServer;
  let root: any;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'zhaomin' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'zhaomin' | 'intake', number>;
  // 李静's member A (and another of hers, A2), 王芳's member B; a second pair (A3, B3) for a reassignment.
  let memberA: number;
  let otherOfLijing: number;
  let memberB: number;
  let memberA3: number;
  let memberB3: number;
  let introduction: number;
  let second: number;

  const contactOf = (n: number) => ({
    phone: `1580000000${n}`,
    wechat: `wx_member_${n}`,
    email: `member${n}@example.test`,
    incomeBand: '50kTo100k',
  });

  appForSuite(async (booted) => {
    app = booted;
    root = await signInAsRoot(app);
    ({ as, users } = await signInStaff(app, {
      manager: 'manager',
      lijing: 'matchmaker',
      wangfang: 'matchmaker',
      zhaomin: 'matchmaker',
      intake: 'intake',
    }));
    memberA = await addMember(app, { name: '陈晓', gender: 'female', matchmakerId: users.lijing, ...contactOf(1) });
    otherOfLijing = await addMember(app, {
      name: '林月',
      gender: 'female',
      matchmakerId: users.lijing,
      ...contactOf(2),
    });
    memberB = await addMember(app, { name: '周强', gender: 'male', matchmakerId: users.wangfang, ...contactOf(3) });
    memberA3 = await addMember(app, { name: '吴霞', gender: 'female', matchmakerId: users.lijing, ...contactOf(4) });
    memberB3 = await addMember(app, { name: '郑伟', gender: 'male', matchmakerId: users.wangfang, ...contactOf(5) });
    introduction = (await as.lijing.post('/introductions:create').send({ memberAId: memberA, memberBId: memberB })).body
      .data.id;
    second = (await as.lijing.post('/introductions:create').send({ memberAId: memberA3, memberBId: memberB3 })).body
      .data.id;
  });

  const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const getMember = async (agent: any, id: number) => (await agent.get(`/members:get?filterByTk=${id}`)).body.data;
  const answer = (agent: any, introductionId: number, memberId: number, value: string) =>
    agent.post('/introductionConsents:create').send({ introductionId, memberId, answer: value, channel: 'phone' });
  const releases = (introductionId: number) =>
    app.db.getRepository('contactReleases').find({ filter: { introductionId }, sort: ['memberId'] });

  /** Asserts the member record carries no contact value and names the contact fields as withheld. */
  const withheld = (record: any, what: string) => {
    expect({ what, shown: CONTACT.filter((field) => field in record) }).toEqual({ what, shown: [] });
    expect({ what, hidden: CONTACT.filter((field) => record.hiddenFields?.includes(field)) }).toEqual({
      what,
      hidden: CONTACT,
    });
  };
  /** Asserts the member record carries her contact values and does not name them as withheld; sensitive stays hidden. */
  const released = (record: any, n: number, what: string) => {
    const expected = contactOf(n);
    expect({ what, phone: record.phone, wechat: record.wechat, email: record.email }).toEqual({
      what,
      phone: expected.phone,
      wechat: expected.wechat,
      email: expected.email,
    });
    expect({ what, hidden: CONTACT.filter((field) => record.hiddenFields?.includes(field)) }).toEqual({
      what,
      hidden: [],
    });
    expect({ what, shown: SENSITIVE.filter((field) => field in record) }).toEqual({ what, shown: [] });
    expect(record.hiddenFields).toEqual(expect.arrayContaining(SENSITIVE));
  };

  /** Every read path by which 王芳 could meet 李静's member A, as records (each labelled). */
  const pathsToA = async (agent: any) => {
    const paths: [string, any][] = [];
    paths.push(['members:get', await getMember(agent, memberA)]);
    const listed = (await agent.get(`/members:list?filter=${q({ id: { $in: [memberA, otherOfLijing] } })}`)).body.data;
    paths.push(['members:list', listed.find((row: any) => row.id === memberA)]);
    const fields = (await agent.get(`/members:list?fields=id,name,phone,wechat,email&filter=${q({ id: memberA })}`))
      .body.data;
    paths.push(['members:list with fields', fields[0]]);
    const introductions = (
      await agent.get(`/introductions:list?appends=memberA,memberB&filter=${q({ id: introduction })}`)
    ).body.data;
    paths.push(['introductions:list appends memberA', introductions[0]?.memberA]);
    const got = (await agent.get(`/introductions:get?filterByTk=${introduction}&appends=memberA`)).body.data;
    paths.push(['introductions:get appends memberA', got?.memberA]);
    const consents = (
      await agent.get(
        `/introductionConsents:list?appends=introduction.memberA&filter=${q({ introductionId: introduction })}`,
      )
    ).body.data;
    for (const consent of consents)
      paths.push(['consents appends introduction.memberA', consent.introduction?.memberA]);
    paths.push([
      'introductions/<id>/memberA:get',
      (await agent.get(`/introductions/${introduction}/memberA:get`)).body.data,
    ]);
    const history = (
      await agent.get(
        `/introductionStageChanges:list?appends=introduction.memberA&filter=${q({ introductionId: introduction })}`,
      )
    ).body.data;
    paths.push(['history appends introduction.memberA', history[0]?.introduction?.memberA]);
    return paths;
  };

  it('before both agreed: the other side’s matchmaker gets no contact detail of A on any path, and searching by it finds nothing', async () => {
    expect(await answer(as.lijing, introduction, memberA, 'agreed').then((r: any) => r.status)).toBe(200);
    const paths = await pathsToA(as.wangfang);
    expect(paths.length).toBeGreaterThanOrEqual(8);
    for (const [what, record] of paths) {
      expect({ what, found: Boolean(record) }).toEqual({ what, found: true });
      withheld(record, what);
    }
    // Filtering or sorting by a contact field narrows the search to her own members: A is not found by her phone.
    const byPhone = await as.wangfang.get(`/members:list?filter=${q({ phone: contactOf(1).phone })}`);
    expect([byPhone.status, byPhone.body.data.length]).toEqual([200, 0]);
    const sorted = await as.wangfang.get(`/members:list?sort=phone&filter=${q({ id: { $in: [memberA, memberB] } })}`);
    expect(sorted.body.data.map((row: any) => row.id)).toEqual([memberB]);
    // Through an association the contact fields cannot narrow anything: refused, naming the field.
    const through = await as.wangfang.get(
      `/introductions:list?filter=${q({ memberA: { phone: contactOf(1).phone } })}`,
    );
    expect(through.status).toBe(403);
    expect(await releases(introduction)).toHaveLength(0);
  });

  it('once both agreed: each matchmaker sees the other side’s contact details, for that member only, and the release is recorded', async () => {
    const before = new Date();
    const agreed = await answer(as.wangfang, introduction, memberB, 'agreed');
    expect(agreed.status).toBe(200);
    const stored = await app.db.getRepository('introductions').findOne({ filterByTk: introduction });
    expect(stored.get('stage')).toBe('bothAgreed');

    for (const [what, record] of await pathsToA(as.wangfang)) released(record, 1, what);
    // 李静 sees 王芳's member B the same way.
    released(await getMember(as.lijing, memberB), 3, '李静 members:get B');
    const appendedB = (await as.lijing.get(`/introductions:get?filterByTk=${introduction}&appends=memberB`)).body.data;
    released(appendedB.memberB, 3, '李静 introductions:get appends memberB');

    // Not A's other member, in the same answer as A: each record by its own disclosure.
    withheld(await getMember(as.wangfang, otherOfLijing), '李静’s other member');
    const both = (await as.wangfang.get(`/members:list?filter=${q({ id: { $in: [memberA, otherOfLijing] } })}`)).body
      .data;
    released(
      both.find((row: any) => row.id === memberA),
      1,
      'A listed beside another',
    );
    withheld(
      both.find((row: any) => row.id === otherOfLijing),
      'another listed beside A',
    );

    // Still not searchable by a contact field (documented): the search stays narrowed to her own members.
    const byPhone = await as.wangfang.get(`/members:list?filter=${q({ phone: contactOf(1).phone })}`);
    expect([byPhone.status, byPhone.body.data.length]).toEqual([200, 0]);

    // An unrelated matchmaker and the front desk: nothing.
    withheld(await getMember(as.zhaomin, memberA), '赵敏 members:get A');
    const intakeView = await getMember(as.intake, memberA);
    expect(CONTACT.filter((field) => field in intakeView)).toEqual([]);
    expect(SENSITIVE.filter((field) => field in intakeView)).toEqual([]);

    // The record: one row per side, to the other side's matchmaker, by whoever's answer made it 双方同意.
    const rows = await releases(introduction);
    expect(
      rows.map((row: any) => [
        row.get('memberId'),
        row.get('releasedToId'),
        row.get('releasedById'),
        row.get('stoppedAt'),
      ]),
    ).toEqual([
      [memberA, users.wangfang, users.wangfang, null],
      [memberB, users.lijing, users.wangfang, null],
    ]);
    for (const row of rows) {
      expect(new Date(row.get('releasedAt')).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
      expect(row.get('introductionId')).toBe(introduction);
    }
  });

  it('shows the releases to the manager (all), to the matchmakers of the introduction (theirs), to no one else', async () => {
    const ids = (response: any) => response.body.data.map((row: any) => row.id).sort();
    const all = (await releases(introduction)).map((row: any) => row.get('id')).sort();
    const manager = await as.manager.get('/contactReleases:list?appends=member,releasedTo,introduction');
    expect(ids(manager)).toEqual(all);
    // The manager sees every field of the member appended to a release.
    expect(manager.body.data.find((row: any) => row.memberId === memberA).member.phone).toBe(contactOf(1).phone);
    expect(ids(await as.lijing.get('/contactReleases:list'))).toEqual(all);
    expect(ids(await as.wangfang.get('/contactReleases:list'))).toEqual(all);
    expect(ids(await as.zhaomin.get('/contactReleases:list'))).toEqual([]);
    expect((await as.intake.get('/contactReleases:list')).status).toBe(403);
    // 王芳 reads A's release with A appended: the same rule, A's contact details shown to her.
    const hers = (await as.wangfang.get(`/contactReleases:list?appends=member&filter=${q({ memberId: memberA })}`)).body
      .data;
    released(hers[0].member, 1, 'release appends member');
  });

  it('closes writes to the releases to everyone, root included (403, nothing changed)', async () => {
    const [row] = await releases(introduction);
    for (const agent of [root, as.manager, as.wangfang]) {
      const created = await agent
        .post('/contactReleases:create')
        .send({ introductionId: introduction, memberId: memberA });
      const changed = await agent
        .post(`/contactReleases:update?filterByTk=${row.get('id')}`)
        .set('X-Locale', 'zh-CN')
        .send({ stoppedAt: new Date().toISOString() });
      const removed = await agent.post(`/contactReleases:destroy?filterByTk=${row.get('id')}`).send({});
      expect([created.status, changed.status, removed.status]).toEqual([403, 403, 403]);
      expect(changed.body.errors[0].message).toBe('联系方式公开记录由系统自动写入，不能修改');
    }
    expect((await releases(introduction)).map((r: any) => r.get('stoppedAt'))).toEqual([null, null]);
    expect(await app.db.getRepository('contactReleases').count()).toBe(2);
  });

  it('follows a member handed to another matchmaker: the other side is always her current matchmaker', async () => {
    expect((await answer(as.manager, second, memberA3, 'agreed')).status).toBe(200);
    expect((await answer(as.manager, second, memberB3, 'agreed')).status).toBe(200);
    const rows = await releases(second);
    expect(rows.map((row: any) => [row.get('memberId'), row.get('releasedToId'), row.get('releasedById')])).toEqual([
      [memberA3, users.wangfang, users.manager],
      [memberB3, users.lijing, users.manager],
    ]);
    released(await getMember(as.wangfang, memberA3), 4, '王芳 sees A3');
    withheld(await getMember(as.zhaomin, memberA3), '赵敏 before B3 is hers');
    const moved = await as.manager.post(`/members:update?filterByTk=${memberB3}`).send({ matchmakerId: users.zhaomin });
    expect(moved.status).toBe(200);
    released(await getMember(as.zhaomin, memberA3), 4, '赵敏 once B3 is hers');
    withheld(await getMember(as.wangfang, memberA3), '王芳 once B3 is no longer hers');
    // The record follows: A3's release to 王芳 is stopped, one to 赵敏 is written (by the manager who handed B3 over).
    const after = await app.db
      .getRepository('contactReleases')
      .find({ filter: { introductionId: second }, sort: ['id'] });
    expect(
      after.map((row: any) => [
        row.get('memberId'),
        row.get('releasedToId'),
        row.get('releasedById'),
        Boolean(row.get('stoppedAt')),
      ]),
    ).toEqual([
      [memberA3, users.wangfang, users.manager, true],
      [memberB3, users.lijing, users.manager, false],
      [memberA3, users.zhaomin, users.manager, false],
    ]);
  });

  it('keeps the release through the later stages up to 结婚, which closes the introduction', async () => {
    const post = (url: string, body: any) => as.manager.post(url).set('X-Timezone', '+00:00').send(body);
    const startsAt = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const date = await post('/dates:create', { introductionId: second, startsAt, place: '国贸咖啡馆' });
    expect(date.status).toBe(200);
    expect((await post(`/dates:update?filterByTk=${date.body.data.id}`, { status: 'completed' })).status).toBe(200);
    for (const stage of ['dating', 'committed', 'married'])
      expect([stage, (await post(`/introductions:update?filterByTk=${second}`, { stage })).status]).toEqual([
        stage,
        200,
      ]);
    const stored = await app.db.getRepository('introductions').findOne({ filterByTk: second });
    expect(stored.get('stage')).toBe('married');
    released(await getMember(as.zhaomin, memberA3), 4, '赵敏 sees A3 after 结婚');
    released(await getMember(as.lijing, memberB3), 5, '李静 sees B3 after 结婚');
    expect((await releases(second)).filter((row: any) => !row.get('stoppedAt'))).toHaveLength(2);
  });

  it('after 终止: hidden again on every path, and the release rows are stopped', async () => {
    const ended = await as.wangfang
      .post(`/introductions:update?filterByTk=${introduction}`)
      .send({ stage: 'ended', endReason: 'lostContact' });
    expect(ended.status).toBe(200);
    for (const [what, record] of await pathsToA(as.wangfang)) withheld(record, `after 终止: ${what}`);
    withheld(await getMember(as.lijing, memberB), '李静 members:get B after 终止');
    const rows = await releases(introduction);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.get('stoppedAt')).toBeTruthy();
    // The other introduction's releases run on.
    expect((await releases(second)).filter((row: any) => !row.get('stoppedAt'))).toHaveLength(2);
    // Her own members are untouched: 王芳 still sees B's contact details, 李静 A's.
    expect((await getMember(as.wangfang, memberB)).phone).toBe(contactOf(3).phone);
    expect((await getMember(as.lijing, memberA)).phone).toBe(contactOf(1).phone);
  });
});

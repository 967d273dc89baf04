import { MockServer } from '@nocobase/test';
import { appForSuite, createUser, signInAs, signInAsRoot } from '@test/support/app';
import { addMember } from '@test/support/members';

// Roles as an admin would set them in the Roles UI: members:match is granted per role, with a data scope and field lists.
describe('members:match — who may match whom, and what she sees of a candidate', () => {
  let app: MockServer;
  let admin: any;
  let matchmaker: any;
  let viewerWithoutMatch: any;
  let stranger: any;
  let hers: number;
  let notHers: number;
  let candidate: number;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
    const assignedToMe = await app.db.getRepository('dataSourcesRolesResourcesScopes').create({
      values: { resourceName: 'members', name: 'Assigned to me', scope: { matchmakerId: { $eq: '{{$user.id}}' } } },
    });
    const roles = app.db.getRepository('roles');
    await roles.create({
      values: {
        name: 'testMatchmaker',
        resources: [
          {
            name: 'members',
            usingActionsConfig: true,
            actions: [
              // She may view a member's name, gender, age and city, not her education: the candidate card must follow.
              { name: 'view', fields: ['id', 'name', 'gender', 'age', 'currentCity', 'matchmaker'] },
              { name: 'match', scopeId: assignedToMe.get('id') },
            ],
          },
          { name: 'matchSuggestions', usingActionsConfig: true, actions: [{ name: 'view' }, { name: 'create' }] },
        ],
      },
    });
    await roles.create({ values: { name: 'testViewer', strategy: { actions: ['view'] } } });
    await roles.create({ values: { name: 'testStranger', strategy: { actions: [] } } });
    const her = await createUser(app, { nickname: '李静', email: 'lijing@example.test', roles: ['testMatchmaker'] });
    matchmaker = await signInAs(app, her, 'testMatchmaker');
    viewerWithoutMatch = await signInAs(
      app,
      await createUser(app, { nickname: '前台', email: 'intake@example.test', roles: ['testViewer'] }),
      'testViewer',
    );
    stranger = await signInAs(
      app,
      await createUser(app, { nickname: '访客', email: 'visitor@example.test', roles: ['testStranger'] }),
      'testStranger',
    );
    const colleague = await createUser(app, {
      nickname: '王芳',
      email: 'wangfang@example.test',
      roles: ['testMatchmaker'],
    });
    hers = await addMember(app, { name: '她的会员', gender: 'female', matchmakerId: her.get('id') });
    notHers = await addMember(app, { name: '别人的会员', gender: 'female', matchmakerId: colleague.get('id') });
    candidate = await addMember(app, {
      name: '候选人',
      gender: 'male',
      education: 'master',
      incomeBand: 'above1m',
      city: '3101',
      matchmakerId: colleague.get('id'),
    });
  });

  const match = (agent: any, memberId: number, body: any = {}) =>
    agent.post(`/members:match?filterByTk=${memberId}`).set('X-Locale', 'en-US').send(body);

  it('lets a matchmaker match her own member, showing only the fields she may view and that are introduction-safe', async () => {
    const { status, body } = await match(matchmaker, hers);
    expect(status).toBe(200);
    expect(body.data.map((result: any) => result.candidateId)).toEqual([candidate]);
    expect(Object.keys(body.data[0].candidate).sort()).toEqual(['age', 'currentCity', 'gender', 'id', 'name']);
  });

  it("refuses a matchmaker another matchmaker's member with 403, by id or by a filter in the query", async () => {
    const byId = await match(matchmaker, notHers);
    expect(byId.status).toBe(403);
    const withFilter = await matchmaker
      .post(`/members:match?filterByTk=${notHers}&filter=${encodeURIComponent(JSON.stringify({ id: notHers }))}`)
      .send({});
    expect(withFilter.status).toBe(403);
  });

  it('names the member she may not match by name and member number, in her language, never by the internal id', async () => {
    const memberNo = (await app.db.getRepository('members').findOne({ filterByTk: notHers })).get('memberNo');
    expect(memberNo).toBeTruthy();
    const english = await match(matchmaker, notHers);
    expect(english.body.errors[0].message).toBe(
      `Member 别人的会员 (${memberNo}) is not among the members you may match`,
    );
    const chinese = await matchmaker.post(`/members:match?filterByTk=${notHers}`).set('X-Locale', 'zh-CN').send({});
    expect(chinese.status).toBe(403);
    expect(chinese.body.errors[0].message).toBe(`会员 别人的会员（${memberNo}）不在您可匹配的范围内`);
    const saving = await matchmaker
      .post('/matchSuggestions:create')
      .set('X-Locale', 'zh-CN')
      .send({ member: notHers, candidate });
    expect(saving.status).toBe(403);
    expect(saving.body.errors[0].message).toBe(`会员 别人的会员（${memberNo}）不在您可匹配的范围内`);
  });

  it('answers 403 to roles without the match action, whatever else they may do', async () => {
    expect((await match(viewerWithoutMatch, hers)).status).toBe(403);
    expect((await match(stranger, hers)).status).toBe(403);
    expect((await app.agent().post(`/members:match?filterByTk=${hers}`).send({})).status).toBe(401);
  });

  it('tells a role without matching so in her language, naming the member only to a role that may view her', async () => {
    const memberNo = (await app.db.getRepository('members').findOne({ filterByTk: hers })).get('memberNo');
    const viewer = await viewerWithoutMatch.post(`/members:match?filterByTk=${hers}`).set('X-Locale', 'zh-CN').send({});
    expect(viewer.status).toBe(403);
    expect(viewer.body.errors[0].message).toBe(`您的角色不能为会员 她的会员（${memberNo}）找对象`);
    expect((await match(viewerWithoutMatch, hers)).body.errors[0].message).toBe(
      `Your role may not find matches for 她的会员 (${memberNo})`,
    );
    expect((await match(stranger, hers)).body.errors[0].message).toBe('Your role may not find matches for members');
    const batch = await matchmaker.post('/matchSuggestions:refreshAll').set('X-Locale', 'zh-CN').send({});
    expect(batch.status).toBe(403);
    expect(batch.body.errors[0].message).toBe('您的角色不能批量匹配（仅主管可以）');
  });

  it('lets her save suggestions only with the right to create them', async () => {
    const saved = await match(matchmaker, hers, { persist: true });
    expect(saved.status).toBe(200);
    expect(saved.body.data[0].suggestionId).toEqual(expect.any(Number));
    await app.db.getRepository('roles').update({
      filterByTk: 'testViewer',
      values: { strategy: { actions: ['view', 'match'] } },
    });
    const refused = await match(viewerWithoutMatch, notHers, { persist: true });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].message).toBe('You may not create match suggestions');
    expect(await app.db.getRepository('matchSuggestions').count({ filter: { memberId: notHers } })).toBe(0);
  });

  it('gives the administrator every member and the full introduction-safe card', async () => {
    const { status, body } = await match(admin, notHers);
    expect(status).toBe(200);
    expect(body.data[0].candidate).toMatchObject({ name: '候选人', education: 'master' });
    expect(body.data[0].candidate).not.toHaveProperty('incomeBand');
  });
});

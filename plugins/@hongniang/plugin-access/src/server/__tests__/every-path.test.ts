// The paths around the guards that field reports found open: names spelled differently from the field, compound actions
// that look up before the ACL, writes through association routes and foreign keys, kanban moves, and every action
// NocoBase registers for any collection (enumerated from the resourcer, not listed by hand).
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff, StaffName } from '@test/support/app';
import { addMember } from '@test/support/members';
import { globalActions, probeEveryAction } from '@test/support/action-probe';
import { GUARDED_ACTIONS } from '../privacy/action-kinds';
import { grantStaffLabels } from '../agency/apply-roles';

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('every path to a member', () => {
  let app: MockServer;
  let root: any;
  let as: Record<StaffName, any>;
  let lijingId: number;
  let hers: number;
  let theirs: number;
  const members = () => app.db.getRepository('members');
  const preferences = () => app.db.getRepository('partnerPreferences');

  appForSuite(
    async (booted) => {
      app = booted;
      root = await signInAsRoot(app);
      const staff = await signInStaff(app);
      as = staff.as;
      lijingId = staff.users.lijing;
      hers = await addMember(app, {
        name: '她的会员',
        gender: 'female',
        age: 30,
        matchmakerId: lijingId,
        phone: '15800000001',
        incomeBand: '50kTo100k',
        notes: '她的备注',
        partnerPreferences: { ageMin: 25, ageMax: 40 },
      });
      theirs = await addMember(app, {
        name: '别人的会员',
        gender: 'male',
        age: 32,
        matchmakerId: staff.users.wangfang,
        phone: '15811112222',
        incomeBand: '50kTo100k',
        notes: '别人的备注',
        partnerPreferences: { ageMin: 25, ageMax: 35, minIncomeBand: 'below50k' },
      });
    },
    { timeout: 300_000 },
  );

  describe('field names are resolved exactly (SQLite and MariaDB compare column names case-insensitively)', () => {
    const refusedAs400 = async (response: any, name: string) => {
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(name);
    };

    it('refuses a filter key at any depth that is not exactly a field, naming it', async () => {
      await refusedAs400(await as.lijing.get(`/members:list?filter=${q({ IncomeBand: '50kTo100k' })}`), 'IncomeBand');
      await refusedAs400(await as.lijing.get(`/members:list?filter=${q({ Phone: { $includes: '158' } })}`), 'Phone');
      await refusedAs400(
        await as.lijing.get(
          `/members:list?filter=${q({ $and: [{ $or: [{ name: 'x' }, { 'iNcomeBand.$eq': 'above1m' }] }] })}`,
        ),
        'iNcomeBand',
      );
      await refusedAs400(
        await as.lijing.get(`/members:list?filter=${q({ 'partnerPreferences.MinIncomeBand': 'below50k' })}`),
        'MinIncomeBand',
      );
      await refusedAs400(
        await as.lijing.get(`/members:list?filter=${q({ matchmaker: { Email: { $includes: '@' } } })}`),
        'Email',
      );
      await refusedAs400(await as.lijing.get(`/members:list?filter=${q({ 'name.Foo': 'x' })}`), 'name.Foo');
    });

    it('refuses sort, fields, appends and except naming no field', async () => {
      await refusedAs400(await as.lijing.get('/members:list?sort=-IncomeBand'), 'IncomeBand');
      await refusedAs400(await as.lijing.get('/members:list?fields=id,Phone'), 'Phone');
      await refusedAs400(await as.lijing.get('/members:list?appends=PartnerPreferences'), 'PartnerPreferences');
      await refusedAs400(await as.lijing.get('/members:list?except=Notes'), 'Notes');
    });

    it('refuses a chart measure, dimension or filter naming no field, on both chart paths', async () => {
      const measure = { field: ['name'], aggregation: 'count', alias: 'n' };
      await refusedAs400(
        await as.lijing.post('/members:query').send({ measures: [measure], dimensions: [{ field: ['IncomeBand'] }] }),
        'IncomeBand',
      );
      await refusedAs400(
        await as.lijing.post('/members:query').send({ measures: [{ ...measure, field: ['PHONE'] }] }),
        'PHONE',
      );
      const chart = await as.lijing.post('/charts:queryData').send({
        mode: 'builder',
        dataSource: 'main',
        collection: 'members',
        measures: [measure],
        filter: { IncomeBand: 'x' },
      });
      await refusedAs400(chart, 'IncomeBand');
    });

    it('refuses a value under a name that is not exactly a field, and writes nothing', async () => {
      const response = await as.lijing
        .post(`/members:update?filterByTk=${hers}`)
        .send({ notes: '改了', IncomeBand: 'above1m' });
      await refusedAs400(response, 'IncomeBand');
      const stored = await members().findOne({ filterByTk: hers });
      expect([stored.get('notes'), stored.get('incomeBand')]).toEqual(['她的备注', '50kTo100k']);
    });

    it('holds for a manager too (unknown is not allowed), while exact names work', async () => {
      await refusedAs400(await as.manager.get(`/members:list?filter=${q({ IncomeBand: '50kTo100k' })}`), 'IncomeBand');
      const exact = await as.manager.get(
        `/members:list?filter=${q({ incomeBand: '50kTo100k', 'partnerPreferences.minIncomeBand': 'below50k' })}&sort=-incomeBand&appends=partnerPreferences`,
      );
      expect(exact.status).toBe(200);
      expect(exact.body.data.map((row: any) => row.id)).toEqual([theirs]);
    });

    it('answers zh-CN and en-US', async () => {
      const zh = await as.lijing.get('/members:list?sort=Phone').set('X-Locale', 'zh-CN');
      expect(JSON.stringify(zh.body)).toContain('「Phone」不是数据表「会员」（members）的字段');
      const en = await as.lijing.get('/members:list?sort=Phone').set('X-Locale', 'en-US');
      expect(JSON.stringify(en.body)).toContain('“Phone” is not a field of the collection');
    });
  });

  // NocoBase 2.2.15 applies the association target's data scope to such a filter itself; this keeps it so.
  describe('the 红娘 picker (members.matchmaker): the users holding the matchmaker role, by name', () => {
    it('lists them for the front desk and a matchmaker, with nothing of their accounts beyond the label', async () => {
      const byRole = q({ $and: [{ roles: { name: { $eq: 'matchmaker' } } }] });
      for (const staff of ['intake', 'lijing'] as const) {
        const response = await as[staff].get(`/users:list?filter=${byRole}&pageSize=200`);
        expect(response.status).toBe(200);
        expect(response.body.data.map((user: any) => user.nickname).sort()).toEqual(['lijing', 'wangfang']);
        for (const user of response.body.data) expect(user).not.toHaveProperty('email');
      }
    });

    it('an agency installed before (roles without these grants) gets them at upgrade, and keeps what an admin added', async () => {
      const byRole = `/users:list?filter=${q({ roles: { name: { $eq: 'matchmaker' } } })}`;
      const resources = app.db.getRepository('dataSourcesRolesResources');
      const actions = app.db.getRepository('dataSourcesRolesResourcesActions');
      const usersOfIntake = await resources.findOne({ filter: { roleName: 'intake', name: 'users' } });
      const view = await actions.findOne({ filter: { rolesResourceId: usersOfIntake.get('id'), name: 'view' } });
      // As installed before issue 12 item 5, with a field an admin added since.
      await actions.update({
        filterByTk: view.get('id'),
        values: { fields: ['id', 'nickname', 'username', 'createdAt'] },
      });
      await resources.destroy({ filter: { roleName: 'intake', name: 'roles' } });
      expect((await as.intake.get(byRole)).status).toBe(403);

      await grantStaffLabels(app.db, app.pm.get<any>('@hongniang/plugin-access').registry);
      const response = await as.intake.get(byRole);
      expect(response.status).toBe(200);
      expect(response.body.data.map((user: any) => user.nickname).sort()).toEqual(['lijing', 'wangfang']);
      const fields = (await actions.findOne({ filterByTk: view.get('id') })).get('fields');
      expect([...fields].sort()).toEqual(['createdAt', 'id', 'nickname', 'roles', 'username']);
    });
  });

  describe('searches through an association into records she sees only within a data scope', () => {
    it("narrow a members search by preferences to her own members (another matchmaker's member's wishes stay unreadable)", async () => {
      await preferences().update({ filter: { memberId: hers }, values: { minIncomeBand: 'below50k' } });
      const byWish = await as.lijing.get(
        `/members:list?pageSize=50&filter=${q({ 'partnerPreferences.minIncomeBand': 'below50k' })}`,
      );
      expect(byWish.status).toBe(200);
      expect(byWish.body.data.map((row: any) => row.id)).toEqual([hers]);
      const nested = await as.lijing.get(
        `/members:list?pageSize=50&filter=${q({ partnerPreferences: { ageMin: { $eq: 25 } } })}`,
      );
      expect(nested.body.data.map((row: any) => row.id)).toEqual([hers]);
      await preferences().update({ filter: { memberId: hers }, values: { minIncomeBand: null } });
      const manager = await as.manager.get(
        `/members:list?pageSize=50&filter=${q({ 'partnerPreferences.minIncomeBand': 'below50k' })}`,
      );
      expect(manager.body.data.map((row: any) => row.id)).toContain(theirs);
    });
  });

  describe('compound actions look up under the same guard as a search', () => {
    it('gives no oracle on a hidden field: a right and a wrong guess answer the same 403, and nothing is created', async () => {
      const before = await members().count();
      const guess = (incomeBand: string) =>
        as.lijing
          .post('/members:firstOrCreate?filterKeys[]=id&filterKeys[]=incomeBand')
          .send({ id: theirs, incomeBand, heightCm: 999 });
      const right = await guess('50kTo100k');
      const wrong = await guess('above1m');
      expect([right.status, wrong.status]).toEqual([403, 403]);
      expect(JSON.stringify(right.body)).toContain('Annual income');
      expect(await members().count()).toBe(before);
    });

    it('refuses a lookup by phone for the front desk (who never reads phones)', async () => {
      const response = await as.intake
        .post('/members:firstOrCreate?filterKeys[]=phone')
        .send({ phone: '15811112222', name: '探测', gender: 'male' });
      expect(response.status).toBe(403);
      expect(await members().count({ filter: { name: '探测' } })).toBe(0);
    });

    it("refuses a matchmaker's lookup by a contact field she sees only on her own members (it cannot be narrowed)", async () => {
      const response = await as.lijing
        .post('/members:firstOrCreate?filterKeys[]=phone')
        .send({ phone: '15811112222', name: '探测', gender: 'male' });
      expect(response.status).toBe(403);
    });

    it('checks the values of updateOrCreate as a write: outside the list is a 403, never a silent drop', async () => {
      const response = await as.lijing
        .post('/members:updateOrCreate?filterKeys[]=id')
        .send({ id: hers, notes: '复合写入', incomeBand: 'above1m' });
      expect(response.status).toBe(403);
      const stored = await members().findOne({ filterByTk: hers });
      expect([stored.get('notes'), stored.get('incomeBand')]).toEqual(['她的备注', '50kTo100k']);
    });

    it("keeps updateOrCreate inside her update scope: another matchmaker's member is not changed", async () => {
      const response = await as.lijing
        .post('/members:updateOrCreate?filterKeys[]=id')
        .send({ id: theirs, notes: '我改的' });
      expect(response.status).toBe(403);
      expect((await members().findOne({ filterByTk: theirs })).get('notes')).toBe('别人的备注');
    });

    it('still lets a role look up by a field it sees and write what it may', async () => {
      const response = await as.lijing
        .post('/members:updateOrCreate?filterKeys[]=id')
        .send({ id: hers, notes: '复合写入' });
      expect(response.status).toBe(200);
      expect((await members().findOne({ filterByTk: hers })).get('notes')).toBe('复合写入');
      await members().update({ filterByTk: hers, values: { notes: '她的备注' } });
    });
  });

  describe('hidden is not blank: each member read names the fields withheld from the reader on her', () => {
    const hiddenOf = async (agent: any, id: number) =>
      (await agent.get(`/members:get?filterByTk=${id}`)).body.data.hiddenFields;

    it('names, by role and by whose member she is, what was withheld, and never depends on the values', async () => {
      const others = await hiddenOf(as.lijing, theirs);
      for (const field of ['phone', 'notes', 'birthDate', 'incomeBand', 'idNumber']) expect(others).toContain(field);
      for (const field of ['name', 'gender', 'age', 'matchmaker', 'createdBy', 'updatedBy'])
        expect(others).not.toContain(field);
      const own = await hiddenOf(as.lijing, hers);
      expect(own).toContain('incomeBand');
      expect(own).not.toContain('phone');
      expect(await hiddenOf(as.manager, theirs)).toBeUndefined();
      // Blank or filled, the same fields are named: the list says nothing of what they hold.
      const blank = await addMember(app, {
        name: '空白会员',
        gender: 'male',
        age: 40,
        matchmakerId: (await members().findOne({ filterByTk: theirs })).get('matchmakerId'),
      });
      expect(await hiddenOf(as.lijing, blank)).toEqual(others);
      const listed = (await as.lijing.get(`/members:list?filter=${q({ id: { $in: [hers, theirs] } })}`)).body.data;
      expect(listed.find((row: any) => row.id === theirs).hiddenFields).toEqual(others);
    });

    it('knows whose member she is when the request names fields without her matchmaker', async () => {
      const asked = `fields=id,name,phone&filter=${q({ id: { $in: [hers, theirs] } })}`;
      const listed = (await as.lijing.get(`/members:list?${asked}`)).body.data;
      const own = listed.find((row: any) => row.id === hers);
      expect(own.phone).toBe('15800000001');
      expect(own.hiddenFields).toEqual(await hiddenOf(as.lijing, hers));
      const other = listed.find((row: any) => row.id === theirs);
      expect(other.phone).toBeUndefined();
      expect(other.hiddenFields).toEqual(await hiddenOf(as.lijing, theirs));
      expect((await as.lijing.get(`/members:get?filterByTk=${hers}&fields=phone`)).body.data.phone).toBe('15800000001');
    });

    it('a record sent back as read (with the note) saves: the note is not a field', async () => {
      const read = (await as.lijing.get(`/members:get?filterByTk=${hers}`)).body.data;
      expect(read.hiddenFields).toBeDefined();
      const response = await as.lijing
        .post(`/members:update?filterByTk=${hers}`)
        .send({ notes: '回读保存', hiddenFields: read.hiddenFields });
      expect(response.status).toBe(200);
      expect((await members().findOne({ filterByTk: hers })).get('notes')).toBe('回读保存');
    });
  });

  describe('records that belong to a member are written only in reach of her matchmaker', () => {
    const theirPreferences = async () =>
      (await preferences().find({ filter: { memberId: theirs } })).map((row: any) => row.toJSON());

    it("refuses an update through the association route of another matchmaker's member", async () => {
      const before = await theirPreferences();
      const response = await as.lijing.post(`/members/${theirs}/partnerPreferences:update`).send({ ageMax: 40 });
      expect(response.status).toBe(403);
      expect(await theirPreferences()).toEqual(before);
    });

    it("refuses a second preference set injected with another matchmaker's member as foreign key", async () => {
      const response = await as.lijing
        .post('/partnerPreferences:create')
        .send({ memberId: theirs, ageMin: 18, ageMax: 99 });
      expect(response.status).toBe(403);
      expect(await theirPreferences()).toHaveLength(1);
      const viaRoute = await as.lijing
        .post(`/members/${theirs}/partnerPreferences:create`)
        .send({ ageMin: 18, ageMax: 99 });
      expect(viaRoute.status).toBe(403);
      expect(await theirPreferences()).toHaveLength(1);
    });

    it("refuses moving her own member's preferences onto another matchmaker's member", async () => {
      const own = await preferences().findOne({ filter: { memberId: hers } });
      const response = await as.lijing
        .post(`/partnerPreferences:update?filterByTk=${own.get('id')}`)
        .send({ memberId: theirs });
      expect(response.status).toBe(403);
      expect((await preferences().findOne({ filterByTk: own.get('id') })).get('memberId')).toBe(hers);
    });

    it('keeps a has-one one: a second preference set for her own member is refused with 400', async () => {
      const response = await as.lijing
        .post('/partnerPreferences:create')
        .set('X-Locale', 'zh-CN')
        .send({ memberId: hers, ageMin: 20 });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('择偶标准');
      expect(await preferences().count({ filter: { memberId: hers } })).toBe(1);
    });

    it('still lets her edit her own member’s preferences through the association route', async () => {
      const response = await as.lijing.post(`/members/${hers}/partnerPreferences:update`).send({ ageMax: 45 });
      expect(response.status).toBe(200);
      expect((await preferences().findOne({ filter: { memberId: hers } })).get('ageMax')).toBe(45);
    });

    it('saves the member form as the browser sends it: the member with her preference set nested, its id and memberId included', async () => {
      const own = await preferences().findOne({ filter: { memberId: hers } });
      const response = await as.lijing
        .post(`/members:update?filterByTk=${hers}&updateAssociationValues[]=partnerPreferences`)
        .send({ notes: '表单保存', partnerPreferences: { id: own.get('id'), memberId: hers, ageMin: 26, ageMax: 45 } });
      expect(response.status).toBe(200);
      expect(await preferences().count({ filter: { memberId: hers } })).toBe(1);
      expect((await preferences().findOne({ filter: { memberId: hers } })).get('ageMin')).toBe(26);
    });

    it('never lets an update change a record’s primary key', async () => {
      const own = await preferences().findOne({ filter: { memberId: hers } });
      const response = await as.lijing
        .post(`/partnerPreferences:update?filterByTk=${own.get('id')}`)
        .send({ id: 9999, ageMin: 27 });
      expect(response.status).toBe(403);
      expect(await preferences().count({ filter: { id: 9999 } })).toBe(0);
      expect((await preferences().findOne({ filter: { memberId: hers } })).get('id')).toBe(own.get('id'));
    });
  });

  describe('kanban moves (an ACL alias of update that NocoBase runs without the data scope)', () => {
    beforeAll(async () => {
      const created = await root
        .post('/collections/members/fields:create')
        .send({ name: 'boardSort', type: 'sort', interface: 'sort', scopeKey: 'status' });
      expect(created.status).toBe(200);
    });

    it("refuses moving another matchmaker's member, and leaves her where she was", async () => {
      const before = (await members().findOne({ filterByTk: theirs })).get('boardSort');
      const response = await as.lijing.post(`/members:move?sourceId=${theirs}&targetId=${hers}&sortField=boardSort`);
      expect(response.status).toBe(403);
      expect((await members().findOne({ filterByTk: theirs })).get('boardSort')).toBe(before);
    });

    it('refuses a move into a group by a field she may not write, or not spelled as a field', async () => {
      const hidden = await as.lijing.post(
        `/members:move?sourceId=${hers}&sortField=boardSort&targetScope[incomeBand]=above1m`,
      );
      expect(hidden.status).toBe(403);
      const unknown = await as.lijing.post(`/members:move?sourceId=${hers}&sortField=BoardSort`);
      expect(unknown.status).toBe(400);
      expect((await members().findOne({ filterByTk: hers })).get('incomeBand')).toBe('50kTo100k');
    });

    it('refuses, by name and never with a 500, a move without a sort field, through a many-to-many route, or of no record', async () => {
      const ours = [...app.db.collections.values()].filter((collection: any) =>
        String(collection.options.origin).startsWith('@hongniang/'),
      );
      for (const collection of ours) {
        const sortable = collection.getField('sort')?.type === 'sort';
        const response = await root.post(`/${collection.name}:move?sourceId=1&targetId=2`).set('X-Locale', 'en-US');
        expect({
          collection: collection.name,
          // 400 here; 403 where a collection takes no moves at all (contactReleases are never changed)
          refused: response.status === 400 || response.status === 403,
          serverError: response.status >= 500,
        }).toEqual({ collection: collection.name, refused: !sortable, serverError: false });
        if (response.status === 400)
          expect(response.body.errors[0].message).toMatch(/^“sort” is not a sort field of .+; nothing was moved$/);
      }
      const manyToMany = await root.post('/users/1/roles:move?sourceId=admin&targetId=member').set('X-Locale', 'zh-CN');
      expect(manyToMany.status).toBe(400);
      expect(manyToMany.body.errors[0].message).toMatch(/^“sort”不是「.+」的排序字段，未移动任何记录$/);

      for (const [agent, sourceId, status] of [
        [root, 999999, 404],
        [root, 'abc', 404],
        [as.manager, 999999, 404],
        // Beyond her reach whether or not it exists: a 404 would tell her it does not.
        [as.lijing, 999999, 403],
        [as.lijing, 'abc', 403],
      ] as const) {
        const response = await agent
          .post(`/members:move?sourceId=${sourceId}&targetId=${hers}&sortField=boardSort`)
          .set('X-Locale', 'en-US');
        expect({ sourceId, status: response.status }).toEqual({ sourceId, status });
        if (status === 404)
          expect(response.body.errors[0].message).toBe(
            `There is no Members record with key ${sourceId}; nothing was moved`,
          );
      }
    });

    it('lets her move her own member', async () => {
      const other = await addMember(app, { name: '她的第二位会员', gender: 'male', matchmakerId: lijingId });
      const response = await as.lijing.post(`/members:move?sourceId=${other}&targetId=${hers}&sortField=boardSort`);
      expect(response.status).toBe(200);
    });
  });

  describe('every action NocoBase registers for any collection', () => {
    it('is either reviewed in action-kinds.ts or refused on every collection of ours', async () => {
      const ours = [...app.db.collections.values()].filter((collection: any) =>
        String(collection.options.origin).startsWith('@hongniang/'),
      );
      expect(ours.map((collection: any) => collection.name)).toEqual(
        expect.arrayContaining([
          'members',
          'partnerPreferences',
          'matchSuggestions',
          'weightProposals',
          'fieldPrivacy',
          'introductions',
          'introductionConsents',
          'introductionStageChanges',
          'dates',
          'dateFeedback',
          'contactReleases',
        ]),
      );
      const unreviewed = globalActions(app).filter((action: string) => !GUARDED_ACTIONS[action]);
      for (const collection of ours) {
        for (const action of unreviewed) {
          const response = await as.manager.post(`/${collection.name}:${action}?filterByTk=1`).send({});
          expect({ collection: collection.name, action, status: response.status }).toEqual({
            collection: collection.name,
            action,
            status: 403,
          });
        }
      }
      expect(globalActions(app)).toEqual(
        expect.arrayContaining([
          'list',
          'get',
          'create',
          'update',
          'destroy',
          'firstOrCreate',
          'updateOrCreate',
          'move',
          'add',
          'set',
        ]),
      );
    });

    it("never changes another matchmaker's member's preferences, whatever the action or route", async () => {
      const theirPreferences = await preferences().findOne({ filter: { memberId: theirs } });
      const own = await preferences().findOne({ filter: { memberId: hers } });
      await probeEveryAction(app, as.lijing, {
        routes: [
          `/members/${theirs}/partnerPreferences:{action}`,
          `/partnerPreferences:{action}?filterByTk=${theirPreferences.get('id')}`,
        ],
        query: `sourceId=${theirPreferences.get('id')}&targetId=${own.get('id')}&filterKeys[]=memberId`,
        body: { memberId: theirs, ageMin: 18, ageMax: 99, values: { ageMax: 99 } },
        unchanged: async () =>
          (await preferences().find({ filter: { memberId: theirs } })).map((row: any) => row.toJSON()),
      });
    });

    it('never lets a matchmaker read a hidden value of, or change, another matchmaker’s member — whatever the action', async () => {
      expect((await members().findOne({ filterByTk: theirs }))?.get('notes')).toBe('别人的备注');
      await probeEveryAction(app, as.lijing, {
        routes: [`/members:{action}?filterByTk=${theirs}`],
        query: `sourceId=${theirs}&targetId=${hers}&sortField=boardSort&filterKeys[]=id`,
        body: { id: theirs, notes: '探测写入', values: { notes: '探测写入' } },
        secrets: ['别人的备注', '15811112222'],
        unchanged: async () => (await members().findOne({ filterByTk: theirs }))?.get('notes'),
      });
    });
  });
});

// Every agency role × the endpoints our plugins expose or rely on × every private member field: what each role gets, and
// what it never gets (not a field, not in an append, not in an export, not in a custom action's answer, not by a search).
import { MockServer } from '@nocobase/test';
import { appForSuite, createUser, signInAs, signInAsRoot, signInStaff, StaffName } from '@test/support/app';
import { addMember } from '@test/support/members';
import { endedTask } from '@test/support/tasks';
import * as XLSX from 'xlsx';
import { DEFAULT_MEMBER_PRIVACY } from '@hongniang/plugin-members';

const CONTACT = DEFAULT_MEMBER_PRIVACY.contact;
const SENSITIVE = DEFAULT_MEMBER_PRIVACY.sensitive;
const PRIVATE = [...CONTACT, ...SENSITIVE];
/** Archive fields (not introduction-level): what a matchmaker sees of her own members only. */
const ARCHIVE = ['notes', 'familyBackground', 'joinDate'];

/** A value for every private and archive field, so each one's absence means it was withheld. */
const privateValues = (n: number) => ({
  phone: `1380000000${n}`,
  wechat: `wx_member_${n}`,
  email: `member${n}@example.test`,
  idNumber: '11010519491231002X',
  relationshipHistory: `离异一次 ${n}`,
  hopes: `希望 ${n}`,
  worries: `担心 ${n}`,
  incomeBand: 'above1m',
  housing: 'ownedNoLoan',
  car: 'yes',
  assets: `房产两套 ${n}`,
  spendingPower: 'high',
  notes: `备注 ${n}`,
  familyBackground: `家庭 ${n}`,
  joinDate: '2026-01-0' + n,
});

describe('roles × endpoints × private fields', () => {
  let app: MockServer;
  let root: any;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<StaffName, number>;
  let hers: number;
  let theirs: number;

  appForSuite(
    async (booted) => {
      app = booted;
      root = await signInAsRoot(app);
      ({ as, users } = await signInStaff(app));
      hers = await addMember(app, {
        name: '她的会员',
        gender: 'female',
        age: 30,
        matchmakerId: users.lijing,
        ...privateValues(1),
        partnerPreferences: { ageMin: 25, ageMax: 40 },
      });
      theirs = await addMember(app, {
        name: '别人的会员',
        gender: 'male',
        age: 32,
        matchmakerId: users.wangfang,
        ...privateValues(2),
        partnerPreferences: { ageMin: 25, ageMax: 40 },
      });
      // A candidate for her with no suggestion yet (the pair above is already suggested, so matching leaves it out).
      await addMember(app, {
        name: '另一位候选人',
        gender: 'male',
        age: 31,
        matchmakerId: users.wangfang,
        ...privateValues(3),
      });
      // Suggestions are matching's own records: created through the API, which computes the score (plugin-matching).
      expect((await root.post('/matchSuggestions:create').send({ memberId: hers, candidateId: theirs })).status).toBe(
        200,
      );
    },
    { timeout: 300_000 },
  );

  const listed = async (agent: any, query = '') => {
    const response = await agent.get(`/members:list?pageSize=50${query}`);
    expect(response.status).toBe(200);
    return new Map<number, any>(response.body.data.map((row: any) => [row.id, row]));
  };
  const withheld = (record: any, fields: string[]) => fields.filter((field) => field in record);

  describe('members:list and members:get', () => {
    it('shows a manager every field of every member', async () => {
      const rows = await listed(as.manager);
      for (const id of [hers, theirs])
        for (const field of [...PRIVATE, ...ARCHIVE]) expect(rows.get(id)).toHaveProperty(field);
      const one = await as.manager.get(`/members:get?filterByTk=${theirs}`);
      expect(one.body.data.incomeBand).toBe('above1m');
    });

    it('shows a matchmaker the archive and contact of her own members, never a sensitive field', async () => {
      const rows = await listed(as.lijing);
      expect(rows.get(hers)).toMatchObject({
        name: '她的会员',
        phone: '13800000001',
        wechat: 'wx_member_1',
        notes: '备注 1',
      });
      expect(withheld(rows.get(hers), SENSITIVE)).toEqual([]);
      const got = await as.lijing.get(`/members:get?filterByTk=${hers}`);
      expect(got.body.data.phone).toBe('13800000001');
      expect(withheld(got.body.data, SENSITIVE)).toEqual([]);
    });

    it("shows a matchmaker only the introduction fields of another matchmaker's member, by list or by id", async () => {
      const rows = await listed(as.lijing);
      expect(rows.get(theirs)).toMatchObject({ name: '别人的会员', gender: 'male' });
      expect(withheld(rows.get(theirs), [...PRIVATE, ...ARCHIVE])).toEqual([]);
      const got = await as.lijing.get(`/members:get?filterByTk=${theirs}&appends=partnerPreferences`);
      expect(got.body.data.name).toBe('别人的会员');
      expect(withheld(got.body.data, [...PRIVATE, ...ARCHIVE, 'partnerPreferences'])).toEqual([]);
    });

    it('shows the front desk the archive but no contact detail and no sensitive field', async () => {
      const rows = await listed(as.intake);
      for (const id of [hers, theirs]) {
        expect(rows.get(id).notes).toBeDefined();
        expect(withheld(rows.get(id), PRIVATE)).toEqual([]);
      }
    });

    it('never shows a private field even when asked for it by name', async () => {
      const response = await as.intake.get(`/members:list?fields=id,name,phone,incomeBand,idNumber`);
      for (const row of response.body.data) expect(withheld(row, PRIVATE)).toEqual([]);
    });
  });

  describe('appends', () => {
    it("strips a suggestion's candidate to what the matchmaker may see of that member", async () => {
      const response = await as.lijing.get('/matchSuggestions:list?appends=member,candidate');
      expect(response.status).toBe(200);
      const [suggestion] = response.body.data;
      expect(suggestion.member.phone).toBe('13800000001');
      expect(suggestion.candidate.name).toBe('别人的会员');
      expect(withheld(suggestion.candidate, [...PRIVATE, ...ARCHIVE])).toEqual([]);
      expect(withheld(suggestion.member, SENSITIVE)).toEqual([]);
    });

    it('keeps a staff account appended to a member down to its label (no e-mail, no phone of the user)', async () => {
      const response = await as.intake.get(`/members:get?filterByTk=${hers}&appends=matchmaker,createdBy`);
      expect(response.body.data.matchmaker).toMatchObject({ id: users.lijing, nickname: 'lijing' });
      expect(response.body.data.matchmaker.email).toBeUndefined();
      expect(response.body.data.createdBy?.email).toBeUndefined();
    });
  });

  describe('searching and sorting', () => {
    it('refuses a filter or a sort on a field the role may not see, naming the field', async () => {
      const byIncome = await as.lijing
        .get(`/members:list?filter=${encodeURIComponent(JSON.stringify({ incomeBand: 'above1m' }))}`)
        .set('X-Locale', 'zh-CN');
      expect(byIncome.status).toBe(403);
      expect(JSON.stringify(byIncome.body)).toContain('年收入');
      const sorted = await as.intake.get('/members:list?sort=-phone');
      expect(sorted.status).toBe(403);
      const nested = await as.lijing.get(
        `/members:list?filter=${encodeURIComponent(JSON.stringify({ $or: [{ name: 'x' }, { 'idNumber.$includes': '1101' }] }))}`,
      );
      expect(nested.status).toBe(403);
      const english = await as.lijing
        .get(`/members:list?filter=${encodeURIComponent(JSON.stringify({ assets: { $includes: '房' } }))}`)
        .set('X-Locale', 'en-US');
      expect(JSON.stringify(english.body)).toContain('You may not filter, sort or chart by “Assets”');
    });

    it('narrows a search on a field she sees only on her own members to her own members', async () => {
      const byHerPhone = await listed(
        as.lijing,
        `&filter=${encodeURIComponent(JSON.stringify({ phone: '13800000001' }))}`,
      );
      expect([...byHerPhone.keys()]).toEqual([hers]);
      const byTheirPhone = await listed(
        as.lijing,
        `&filter=${encodeURIComponent(JSON.stringify({ phone: '13800000002' }))}`,
      );
      expect(byTheirPhone.size).toBe(0);
    });

    it('refuses a search through an association on a private field', async () => {
      const response = await as.lijing.get(
        `/matchSuggestions:list?filter=${encodeURIComponent(JSON.stringify({ candidate: { phone: '13800000002' } }))}`,
      );
      expect(response.status).toBe(403);
    });

    it('lets the manager search on anything', async () => {
      const rows = await listed(as.manager, `&filter=${encodeURIComponent(JSON.stringify({ incomeBand: 'above1m' }))}`);
      expect(rows.size).toBe(await app.db.getRepository('members').count({ filter: { incomeBand: 'above1m' } }));
      expect(rows.size).toBeGreaterThanOrEqual(2);
    });
  });

  describe('writes', () => {
    it('refuses a field outside the role’s list with 403 naming it, and writes nothing', async () => {
      const response = await as.lijing
        .post(`/members:update?filterByTk=${hers}`)
        .set('X-Locale', 'zh-CN')
        .send({ notes: '改了', incomeBand: 'below50k' });
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).toContain('年收入');
      const member = await app.db.getRepository('members').findOne({ filterByTk: hers });
      expect(member.get('notes')).toBe('备注 1');
      expect(member.get('incomeBand')).toBe('above1m');
    });

    it('lets the front desk take down contact details at intake, without reading them back', async () => {
      const created = await as.intake
        .post('/members:create')
        .send({ name: '新会员', gender: 'female', birthDate: '1990-01-01', phone: '13900009999' });
      expect(created.status).toBe(200);
      expect(created.body.data.phone).toBeUndefined();
      const stored = await app.db.getRepository('members').findOne({ filterByTk: created.body.data.id });
      expect(stored.get('phone')).toBe('13900009999');
      const refused = await as.intake
        .post('/members:create')
        .send({ name: '另一位', gender: 'male', incomeBand: 'above1m' });
      expect(refused.status).toBe(403);
      expect(await app.db.getRepository('members').count({ filter: { name: '另一位' } })).toBe(0);
      const edit = await as.intake
        .post(`/members:update?filterByTk=${created.body.data.id}`)
        .send({ phone: '13900008888' });
      expect(edit.status).toBe(403);
    });

    it('makes a member a matchmaker creates hers', async () => {
      const created = await as.lijing
        .post('/members:create')
        .send({ name: '李静新会员', gender: 'male', birthDate: '1990-01-01', phone: '13900007777' });
      expect(created.status).toBe(200);
      const stored = await app.db.getRepository('members').findOne({ filterByTk: created.body.data.id });
      expect(stored.get('matchmakerId')).toBe(users.lijing);
    });

    it("refuses to move another member's partner preferences under hers", async () => {
      const preferences = await app.db.getRepository('partnerPreferences').findOne({ filter: { memberId: theirs } });
      const response = await as.lijing
        .post(`/members:update?filterByTk=${hers}`)
        .send({ partnerPreferences: { id: preferences.get('id') } });
      expect(response.status).toBe(403);
      expect(
        (await app.db.getRepository('partnerPreferences').findOne({ filterByTk: preferences.get('id') })).get(
          'memberId',
        ),
      ).toBe(theirs);
    });
  });

  describe('data scope: another matchmaker’s member', () => {
    it('cannot be updated, deleted or matched by id, nor reached through her preferences', async () => {
      await as.lijing.post(`/members:update?filterByTk=${theirs}`).send({ notes: '我改的' });
      expect((await app.db.getRepository('members').findOne({ filterByTk: theirs })).get('notes')).toBe('备注 2');
      expect((await as.lijing.post(`/members:destroy?filterByTk=${theirs}`)).status).toBe(403);
      expect((await as.lijing.post(`/members:match?filterByTk=${theirs}`).send({})).status).toBe(403);
      const preferences = await as.lijing.get(`/members/${theirs}/partnerPreferences:get`);
      expect(preferences.body.data ?? null).toBeNull();
      const all = await as.lijing.get('/partnerPreferences:list?pageSize=100');
      expect(all.body.data.map((row: any) => row.memberId)).not.toContain(theirs);
    });

    it('cannot be updated by a filter either', async () => {
      await as.lijing
        .post(`/members:update?filter=${encodeURIComponent(JSON.stringify({ id: theirs }))}`)
        .send({ notes: '过滤改的' });
      expect((await app.db.getRepository('members').findOne({ filterByTk: theirs })).get('notes')).toBe('备注 2');
    });
  });

  describe('custom action members:match', () => {
    it('answers cards without contact or sensitive fields, and refuses roles that may not match', async () => {
      const response = await as.lijing.post(`/members:match?filterByTk=${hers}`).send({});
      expect(response.status).toBe(200);
      const cards = response.body.data.map((result: any) => result.candidate);
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(withheld(card, [...PRIVATE, ...ARCHIVE])).toEqual([]);
      expect((await as.intake.post(`/members:match?filterByTk=${hers}`).send({})).status).toBe(403);
      expect((await as.manager.post(`/members:match?filterByTk=${theirs}`).send({})).status).toBe(200);
    });
  });

  describe('export and import', () => {
    it('lets only the manager export, and her file carries the sensitive columns', async () => {
      const columns = [
        { dataIndex: ['name'], defaultTitle: '姓名' },
        { dataIndex: ['incomeBand'], defaultTitle: '年收入' },
        { dataIndex: ['phone'], defaultTitle: '手机' },
      ];
      expect((await as.lijing.post('/members:export').send({ columns })).status).toBe(403);
      expect((await as.intake.post('/members:export').send({ columns })).status).toBe(403);
      const exported = await as.manager
        .post('/members:export')
        .send({ columns })
        .buffer(true)
        .parse((res: any, done: any) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(exported.status).toBe(200);
      const sheet = XLSX.read(exported.body, { type: 'buffer' });
      const rows: any[][] = XLSX.utils.sheet_to_json(sheet.Sheets[sheet.SheetNames[0]], { header: 1 });
      expect(rows[0]).toEqual(['姓名', '年收入', '手机']);
      expect(rows.some((row) => row[2] === '13800000002')).toBe(true);
    });

    it('lets neither the matchmaker nor the front desk import', async () => {
      expect((await as.lijing.post('/members:importXlsx').send({})).status).toBe(403);
      expect((await as.intake.post('/members:importXlsx').send({})).status).toBe(403);
    });
  });

  describe('chart queries', () => {
    const query = (agent: any, values: any) => agent.post('/members:query').send(values);

    it('refuses a chart by a field the role may not see, and charts a matchmaker’s archive fields over her own members only', async () => {
      const byIncome = await query(as.lijing, {
        measures: [{ field: ['name'], aggregation: 'count', alias: 'n' }],
        dimensions: [{ field: ['incomeBand'] }],
      });
      expect(byIncome.status).toBe(403);
      const byFilter = await query(as.intake, {
        measures: [{ field: ['name'], aggregation: 'count', alias: 'n' }],
        filter: { phone: { $notEmpty: true } },
      });
      expect(byFilter.status).toBe(403);
      const byGender = await query(as.lijing, {
        measures: [{ field: ['name'], aggregation: 'count', alias: 'n' }],
        dimensions: [{ field: ['gender'] }],
      });
      expect(byGender.status).toBe(200);
      const byJoinDate = await query(as.lijing, {
        measures: [{ field: ['name'], aggregation: 'count', alias: 'n' }],
        dimensions: [{ field: ['joinDate'] }],
      });
      expect(byJoinDate.status).toBe(200);
      const counted = byJoinDate.body.data.reduce((sum: number, row: any) => sum + Number(row.n), 0);
      expect(counted).toBe(await app.db.getRepository('members').count({ filter: { matchmakerId: users.lijing } }));
    });

    it('applies the same rules to the chart plugin (charts:queryData)', async () => {
      const chart = (agent: any, dimension: string) =>
        agent.post('/charts:queryData').send({
          mode: 'builder',
          variableResolution: 'legacy-schema',
          dataSource: 'main',
          collection: 'members',
          measures: [{ field: ['name'], aggregation: 'count', alias: 'n' }],
          dimensions: [{ field: [dimension] }],
        });
      expect((await chart(as.lijing, 'incomeBand')).status).toBe(403);
      expect((await chart(as.intake, 'wechat')).status).toBe(403);
      const byGender = await chart(as.lijing, 'gender');
      expect(byGender.status).toBe(200);
      expect(byGender.body.data.reduce((sum: number, row: any) => sum + Number(row.n), 0)).toBe(
        await app.db.getRepository('members').count(),
      );
    });

    it('lets a chart sort by its own alias (members per month, from the join date), and by no field she may not see', async () => {
      const perMonth = (orders: unknown[]) =>
        as.lijing.post('/charts:queryData').send({
          mode: 'builder',
          variableResolution: 'legacy-schema',
          dataSource: 'main',
          collection: 'members',
          measures: [{ field: ['name'], aggregation: 'count', alias: 'n' }],
          dimensions: [{ field: ['joinDate'], format: 'YYYY-MM', alias: 'month' }],
          orders,
        });
      const sorted = await perMonth([{ field: 'month', order: 'asc' }]);
      expect(sorted.status).toBe(200);
      // Members without a join date group under null, first or last by dialect; the months are in order.
      const months = sorted.body.data.map((row: any) => row.month).filter(Boolean);
      expect(months.length).toBeGreaterThan(0);
      expect(months).toEqual([...months].sort());
      expect((await perMonth([{ field: 'incomeBand', order: 'asc' }])).status).toBe(403);
      expect((await perMonth([{ field: 'monthly', order: 'asc' }])).status).toBe(400);
    });

    it("keeps a chart inside the role's data scope (a matchmaker's partner preferences: her own members')", async () => {
      const viaPreferences = await as.lijing
        .post('/partnerPreferences:query')
        .send({ measures: [{ field: ['ageMin'], aggregation: 'count', alias: 'n' }] });
      expect(viaPreferences.status).toBe(200);
      const hersWithPreferences = await app.db
        .getRepository('partnerPreferences')
        .count({ filter: { 'member.matchmakerId': users.lijing, ageMin: { $notEmpty: true } } });
      expect(Number(viaPreferences.body.data[0].n)).toBe(hersWithPreferences);
      expect(hersWithPreferences).toBeLessThan(
        await app.db.getRepository('partnerPreferences').count({ filter: { ageMin: { $notEmpty: true } } }),
      );
    });

    it('lets the manager chart by income', async () => {
      const response = await query(as.manager, {
        measures: [{ field: ['name'], aggregation: 'count', alias: 'n' }],
        dimensions: [{ field: ['incomeBand'] }],
      });
      expect(response.status).toBe(200);
      expect(response.body.data.find((row: any) => row.incomeBand === 'above1m')?.n).toBeDefined();
    });
  });

  describe('a role an admin makes in the Roles page', () => {
    it('gets the same refusals for fields outside its lists (NocoBase alone would drop them silently or let them be searched)', async () => {
      await root.post('/roles:create').send({
        name: 'receptionist',
        title: '接待员',
        resources: [
          {
            name: 'members',
            usingActionsConfig: true,
            actions: [
              { name: 'view', fields: ['name', 'gender'] },
              { name: 'create', fields: ['name', 'gender'] },
            ],
          },
        ],
      });
      const receptionist = await createUser(app, { nickname: 'receptionist', roles: ['receptionist'] });
      const agent = await signInAs(app, receptionist, 'receptionist');
      const created = await agent
        .post('/members:create')
        .send({ name: '接待登记', gender: 'female', phone: '13900005555' });
      expect(created.status).toBe(403);
      expect(JSON.stringify(created.body)).toContain('Phone');
      expect(await app.db.getRepository('members').count({ filter: { name: '接待登记' } })).toBe(0);
      expect(
        (await agent.get(`/members:list?filter=${encodeURIComponent(JSON.stringify({ phone: '13800000001' }))}`))
          .status,
      ).toBe(403);
      const rows = (await agent.get('/members:list?pageSize=50&appends=matchmaker')).body.data;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(withheld(row, [...PRIVATE, ...ARCHIVE])).toEqual([]);
    });
  });

  describe('import defaults', () => {
    it("refuses row defaults outside a role's import fields (NocoBase writes them into every row unchecked)", async () => {
      await root.post('/roles:create').send({
        name: 'importer',
        title: '导入员',
        resources: [
          { name: 'members', usingActionsConfig: true, actions: [{ name: 'importXlsx', fields: ['name', 'gender'] }] },
        ],
      });
      const importer = await signInAs(
        app,
        await createUser(app, { nickname: 'importer', roles: ['importer'] }),
        'importer',
      );
      const response = await importer
        .post('/members:importXlsx?rowDefaultValues[incomeBand]=above1m')
        .set('X-Locale', 'zh-CN')
        .send({});
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).toContain('年收入');
    });
  });

  describe("the agency's settings, batch run and staff accounts", () => {
    it('leave 匹配设置, 批量匹配 and 字段隐私 to the manager', async () => {
      for (const agent of [as.lijing, as.intake]) {
        expect((await agent.post('/matchSuggestions:refreshAll').send({})).status).toBe(403);
        expect((await agent.post('/matchSettings:update?filterByTk=1').send({ minimumScore: 90 })).status).toBe(403);
        expect(
          (
            await agent
              .post('/fieldPrivacy:create')
              .send({ collectionName: 'members', fieldName: 'notes', level: 'introduction' })
          ).status,
        ).toBe(403);
      }
      expect((await app.db.getRepository('matchSettings').findOne({ filterByTk: 1 })).get('minimumScore')).not.toBe(90);
      expect(await app.db.getRepository('fieldPrivacy').count({ filter: { fieldName: 'notes' } })).toBe(0);
      const batch = await as.manager.post('/matchSuggestions:refreshAll').send({});
      expect(batch.status).toBe(200);
      // On SQLite the batch run's writes would hold the one write lock while the settings are saved.
      expect((await endedTask(app, batch.body.data.id)).get('status')).toBe(1);
      expect((await as.manager.post('/matchSettings:update?filterByTk=1').send({ minimumScore: 10 })).status).toBe(200);
    });

    it("shows other roles a staff account's label only", async () => {
      for (const agent of [as.lijing, as.intake]) {
        const response = await agent.get('/users:list?pageSize=50');
        expect(response.status).toBe(200);
        for (const user of response.body.data)
          expect(Object.keys(user).sort()).toEqual(expect.arrayContaining(['id', 'nickname']));
        for (const user of response.body.data) expect(user.email).toBeUndefined();
      }
    });
  });

  describe('routes open to every signed-in user', () => {
    it('stay as NocoBase answers them (menus, tasks), with their sorts and filters', async () => {
      for (const agent of [as.lijing, as.intake]) {
        const menus = await agent.get('/desktopRoutes:listAccessible?tree=true&sort=sort');
        expect(menus.status).toBe(200);
        expect((await agent.get('/asyncTasks:list?sort=-createdAt')).status).toBe(200);
        expect((await agent.get('/auth:check')).body.data).toMatchObject({
          roles: expect.arrayContaining([
            expect.objectContaining({ name: expect.any(String), title: expect.any(String) }),
          ]),
        });
      }
    });
  });

  describe('saved SQL (SQL blocks and SQL-mode charts)', () => {
    it('runs only for roles that may author SQL: not for a matchmaker or the front desk', async () => {
      const saved = await root
        .post('/flowSql:save')
        .send({ uid: 'incomeSql', sql: 'select count(*) as n from members', dataSourceKey: 'main' });
      expect(saved.status).toBe(200);
      for (const agent of [as.lijing, as.intake]) {
        const response = await agent.post('/flowSql:runById').send({ uid: 'incomeSql' });
        expect(response.status).toBe(403);
      }
      const refusedSql = await as.lijing
        .post('/flowSql:run')
        .send({ sql: 'select incomeBand from members', dataSourceKey: 'main' });
      expect(refusedSql.status).toBe(403);
      expect((await as.manager.post('/flowSql:runById').send({ uid: 'incomeSql' })).status).toBe(200);
    });
  });

  describe('字段隐私: the one list', () => {
    it('moves a field between levels for every path at once, and refuses an unknown field or level with 400', async () => {
      const rows = await root.get(
        `/fieldPrivacy:list?filter=${encodeURIComponent(JSON.stringify({ fieldName: 'occupation' }))}`,
      );
      const [occupation] = rows.body.data;
      expect(occupation.level).toBe('introduction');
      await app.db.getRepository('members').update({ filterByTk: theirs, values: { occupation: '医生' } });
      expect((await listed(as.lijing)).get(theirs).occupation).toBe('医生');
      expect(
        (await as.manager.post(`/fieldPrivacy:update?filterByTk=${occupation.id}`).send({ level: 'sensitive' })).status,
      ).toBe(200);
      expect((await listed(as.lijing)).get(theirs).occupation).toBeUndefined();
      expect((await listed(as.lijing)).get(hers).occupation).toBeUndefined();
      const match = await as.lijing.post(`/members:match?filterByTk=${hers}`).send({});
      for (const result of match.body.data) expect(result.candidate.occupation).toBeUndefined();
      expect(
        (await as.lijing.get(`/members:list?filter=${encodeURIComponent(JSON.stringify({ occupation: '医生' }))}`))
          .status,
      ).toBe(403);
      const badLevel = await root
        .post(`/fieldPrivacy:update?filterByTk=${occupation.id}`)
        .set('X-Locale', 'zh-CN')
        .send({ level: 'secret' });
      expect(badLevel.status).toBe(400);
      expect(JSON.stringify(badLevel.body)).toContain('隐私级别');
      const badField = await root
        .post('/fieldPrivacy:create')
        .send({ collectionName: 'members', fieldName: 'shoeSize', level: 'sensitive' });
      expect(badField.status).toBe(400);
      expect(
        (await as.manager.post(`/fieldPrivacy:update?filterByTk=${occupation.id}`).send({ level: 'introduction' }))
          .status,
      ).toBe(200);
      expect((await listed(as.lijing)).get(theirs).occupation).toBe('医生');
    });

    it('treats a field an admin adds to members as archive: her own members only for a matchmaker', async () => {
      const created = await root.post('/collections/members/fields:create').send({
        name: 'favouriteFood',
        type: 'string',
        interface: 'input',
        uiSchema: { type: 'string', title: '喜欢的食物', 'x-component': 'Input' },
      });
      expect(created.status).toBe(200);
      await app.db
        .getRepository('members')
        .update({ filter: { id: [hers, theirs] }, values: { favouriteFood: '火锅' } });
      const rows = await listed(as.lijing);
      expect(rows.get(hers).favouriteFood).toBe('火锅');
      expect(rows.get(theirs).favouriteFood).toBeUndefined();
      expect((await listed(as.intake)).get(theirs).favouriteFood).toBe('火锅');
    });

    it('leaves an admin’s edit of a role alone when the app restarts (roles are applied once)', async () => {
      await root.post('/roles:update?filterByTk=intake').send({ title: '接待' });
      await app.emitAsync('afterUpgrade', app, {});
      const role = await app.db.getRepository('roles').findOne({ filterByTk: 'intake' });
      expect(role.get('title')).toBe('接待');
    });
  });
});

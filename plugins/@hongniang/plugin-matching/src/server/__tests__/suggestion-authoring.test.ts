// Match suggestions hold what matching computed (scores, reasons, pair key, origin): an API caller names a member and a
// candidate, and afterwards moves the status along its steps and writes notes — on every write path NocoBase offers.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import * as XLSX from 'xlsx';

const pairOf = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

function workbook(header: string[], rows: any[][]) {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Sheet1');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('match suggestions: what only matching writes, and what a matchmaker may change', () => {
  let app: MockServer;
  let root: any;
  let manager: any;
  let lijing: any;
  let hers: number;
  let herOther: number;
  const men: number[] = [];
  let theirMan: number;
  let theirWoman: number;

  appForSuite(async (booted) => {
    app = booted;
    root = await signInAsRoot(app);
    const { as, users } = await signInStaff(app, { manager: 'manager', lijing: 'matchmaker', wangfang: 'matchmaker' });
    ({ manager, lijing } = as);
    const wish = { ageMin: 25, ageMax: 40 };
    hers = await addMember(app, {
      name: '李静的会员',
      gender: 'female',
      age: 30,
      matchmakerId: users.lijing,
      partnerPreferences: wish,
    });
    herOther = await addMember(app, {
      name: '李静的另一位会员',
      gender: 'female',
      age: 31,
      matchmakerId: users.lijing,
    });
    for (let n = 0; n < 6; n++) {
      men.push(
        await addMember(app, {
          name: `王芳的会员${n}`,
          gender: 'male',
          age: 32 + n,
          matchmakerId: users.wangfang,
          partnerPreferences: wish,
        }),
      );
    }
    theirMan = men[5];
    theirWoman = await addMember(app, {
      name: '王芳的女会员',
      gender: 'female',
      age: 29,
      matchmakerId: users.wangfang,
    });
  });

  const suggestions = () => app.db.getRepository('matchSuggestions');
  const stored = (a: number, b: number) => suggestions().findOne({ filter: { pairKey: pairOf(a, b) } });
  const post = (agent: any, url: string, body: any, locale = 'en-US') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';

  describe('matchSuggestions:create', () => {
    it("refuses a matchmaker a suggestion between another matchmaker's members (403), and stores nothing", async () => {
      const response = await post(lijing, '/matchSuggestions:create', {
        memberId: theirMan,
        candidateId: theirWoman,
        status: 'declined',
      });
      expect(response.status).toBe(403);
      expect(await stored(theirMan, theirWoman)).toBeNull();
    });

    it('refuses values only matching sets, naming the field in the caller’s language, and stores nothing', async () => {
      const score = await post(lijing, '/matchSuggestions:create', {
        memberId: hers,
        candidateId: men[0],
        score: 1000,
      });
      expect(score.status).toBe(400);
      expect(messageOf(score)).toContain('Match score');
      const status = await post(
        lijing,
        '/matchSuggestions:create',
        { memberId: hers, candidateId: men[0], status: 'whatever' },
        'zh-CN',
      );
      expect(status.status).toBe(400);
      expect(messageOf(status)).toContain('状态');
      for (const [field, value] of [
        ['pairKey', '1:2'],
        ['breakdown', []],
        ['origin', 'batch'],
        ['forwardScore', 99],
      ] as const) {
        const response = await post(lijing, '/matchSuggestions:create', {
          memberId: hers,
          candidateId: men[0],
          [field]: value,
        });
        expect([field, response.status]).toEqual([field, 400]);
      }
      expect(await stored(hers, men[0])).toBeNull();
    });

    it('computes score, reasons and pair key as matching does, from the member and candidate alone', async () => {
      const matched = await post(root, `/members:match?filterByTk=${hers}`, { candidateIds: [men[0]] });
      expect(matched.body.data).toHaveLength(1);
      const response = await post(lijing, '/matchSuggestions:create', {
        memberId: hers,
        candidateId: men[0],
        note: '周末见面',
      });
      expect(response.status).toBe(200);
      const record = await stored(hers, men[0]);
      expect(record.get()).toMatchObject({
        memberId: hers,
        candidateId: men[0],
        status: 'open',
        origin: 'matchmaker',
        note: '周末见面',
        score: matched.body.data[0].score,
        forwardScore: matched.body.data[0].forward,
        backwardScore: matched.body.data[0].backward,
      });
      expect(record.get('breakdown')).toEqual(matched.body.data[0].breakdown);
      expect(response.body.data.id).toBe(record.get('id'));
    });

    it('names each criterion of the stored reasons in the reader’s language, whoever saved them in which', async () => {
      const record = await stored(hers, men[0]);
      await app.db
        .getModel('matchSuggestions')
        .update(
          { breakdown: record.get('breakdown').map((line: any) => ({ ...line, title: 'English title' })) },
          { where: { id: record.get('id') }, hooks: false },
        );
      for (const [as, locale, title] of [
        [manager, 'zh-CN', '年龄'],
        [lijing, 'zh-CN', '年龄'],
        [manager, 'en-US', 'Age'],
      ] as const) {
        const read = await as.get(`/matchSuggestions:get?filterByTk=${record.get('id')}`).set('X-Locale', locale);
        expect(read.status).toBe(200);
        expect(read.body.data.breakdown.find((line: any) => line.criterion === 'age').title).toBe(title);
      }
    });

    it('refuses a second suggestion for a pair, in either direction', async () => {
      const again = await post(root, '/matchSuggestions:create', { memberId: men[0], candidateId: hers });
      expect(again.status).toBe(400);
      expect(await suggestions().count({ filter: { pairKey: pairOf(hers, men[0]) } })).toBe(1);
    });

    it('refuses a pair matching leaves out (same gender), saying why', async () => {
      const response = await post(lijing, '/matchSuggestions:create', { memberId: hers, candidateId: herOther });
      expect(response.status).toBe(400);
      expect(messageOf(response)).toMatch(/gender/i);
    });
  });

  describe('changing a suggestion', () => {
    let id: number;
    beforeAll(async () => {
      await post(lijing, '/matchSuggestions:create', { memberId: hers, candidateId: men[1] });
      id = (await stored(hers, men[1])).get('id');
    });
    const update = (agent: any, values: any, locale = 'en-US') =>
      post(agent, `/matchSuggestions:update?filterByTk=${id}`, values, locale);

    it('moves the status only to a known option', async () => {
      const response = await update(lijing, { status: 'whatever' }, 'zh-CN');
      expect(response.status).toBe(400);
      expect(messageOf(response)).toContain('状态');
      expect((await stored(hers, men[1])).get('status')).toBe('open');
    });

    it('lets her take it up and write a note, and refuses any computed value (a form may send them back unchanged)', async () => {
      const before = (await stored(hers, men[1])).get();
      expect((await update(lijing, { status: 'accepted', note: '双方同意见面' })).status).toBe(200);
      for (const values of [
        { score: 1 },
        { forwardScore: 0 },
        { breakdown: [] },
        { pairKey: 'x' },
        { origin: 'batch' },
        { candidateId: men[2] },
        { memberId: herOther },
      ]) {
        const response = await update(lijing, values);
        expect([values, response.status]).toEqual([values, 400]);
      }
      expect(
        (await update(lijing, { score: before.score, breakdown: before.breakdown, note: '约在周六' })).status,
      ).toBe(200);
      expect((await stored(hers, men[1])).get()).toMatchObject({
        ...before,
        status: 'accepted',
        note: '约在周六',
        updatedAt: expect.anything(),
      });
    });

    it('keeps a declined pair declined (matching relies on it never being suggested again)', async () => {
      expect((await update(lijing, { status: 'declined' })).status).toBe(200);
      const reopened = await update(manager, { status: 'open' });
      expect(reopened.status).toBe(400);
      expect(messageOf(reopened)).toContain('Status');
      expect((await stored(hers, men[1])).get('status')).toBe('declined');
    });
  });

  describe('every other write path', () => {
    it('firstOrCreate and updateOrCreate create nothing a caller computed', async () => {
      const values = {
        memberId: hers,
        candidateId: men[2],
        pairKey: pairOf(hers, men[2]),
        score: 1000,
        status: 'declined',
      };
      for (const action of ['firstOrCreate', 'updateOrCreate']) {
        const response = await post(root, `/matchSuggestions:${action}?filterKeys[]=pairKey`, values);
        expect([action, response.status]).toEqual([action, 400]);
      }
      expect(await stored(hers, men[2])).toBeNull();
      const asMatchmaker = await post(lijing, '/matchSuggestions:firstOrCreate?filterKeys[]=pairKey', values);
      expect(asMatchmaker.status).toBeGreaterThanOrEqual(400);
      expect(asMatchmaker.status).toBeLessThan(500);
      expect(await stored(hers, men[2])).toBeNull();
    });

    it('updateOrCreate on an existing suggestion changes only what update may', async () => {
      await post(root, '/matchSuggestions:create', { memberId: hers, candidateId: men[3] });
      const response = await post(root, '/matchSuggestions:updateOrCreate?filterKeys[]=pairKey', {
        pairKey: pairOf(hers, men[3]),
        score: 1000,
      });
      expect(response.status).toBe(400);
      expect((await stored(hers, men[3])).get('score')).not.toBe(1000);
    });

    it('the association route (members/<id>/matchSuggestions) and nested values in a member create nothing', async () => {
      const viaMember = await post(root, `/members/${hers}/matchSuggestions:create`, {
        candidateId: men[4],
        score: 1000,
      });
      expect(viaMember.status).toBe(400);
      const nested = await post(root, `/members:update?filterByTk=${hers}`, {
        matchSuggestions: [{ candidateId: men[4], score: 1000, pairKey: pairOf(hers, men[4]) }],
      });
      expect(nested.status).toBe(400);
      expect(await stored(hers, men[4])).toBeNull();
    });

    it('an update by filter (many suggestions at once) and moving a suggestion to another member are refused', async () => {
      const byFilter = await post(
        root,
        `/matchSuggestions:update?filter=${encodeURIComponent(JSON.stringify({ memberId: hers }))}`,
        { score: 1000 },
      );
      expect(byFilter.status).toBe(400);
      const id = (await stored(hers, men[3])).get('id');
      const asList = await post(root, '/matchSuggestions:update', [{ id, score: 1000 }]);
      expect(asList.status).toBe(400);
      const moved = await post(root, `/members/${herOther}/matchSuggestions:add`, [id]);
      expect(moved.status).toBe(400);
      const replaced = await post(root, `/members/${herOther}/matchSuggestions:set`, [id]);
      expect(replaced.status).toBe(400);
      expect((await stored(hers, men[3])).get()).toMatchObject({ memberId: hers });
      expect(await suggestions().count({ filter: { score: 1000 } })).toBe(0);
    });

    it('an Excel import of suggestions is refused as a whole', async () => {
      const file = workbook(['会员', '推荐对象', '匹配度', '状态'], [[hers, men[4], 1000, 'declined']]);
      const response = await manager
        .post('/matchSuggestions:importXlsx')
        .set('X-Locale', 'en-US')
        .attach('file', file, 'suggestions.xlsx')
        .field(
          'columns',
          JSON.stringify([
            { dataIndex: ['member', 'id'], defaultTitle: '会员' },
            { dataIndex: ['candidate', 'id'], defaultTitle: '推荐对象' },
            { dataIndex: ['score'], defaultTitle: '匹配度' },
            { dataIndex: ['status'], defaultTitle: '状态' },
          ]),
        );
      expect(response.status).toBe(400);
      expect(await stored(hers, men[4])).toBeNull();
    });
  });

  describe("the agency's settings and own weights", () => {
    it('checks ranges on an Excel import of settings too', async () => {
      const file = workbook(['年龄权重', '最低匹配度'], [[99, 500]]);
      const response = await manager
        .post('/matchSettings:importXlsx')
        .set('X-Locale', 'zh-CN')
        .attach('file', file, 'settings.xlsx')
        .field(
          'columns',
          JSON.stringify([
            { dataIndex: ['ageWeight'], defaultTitle: '年龄权重' },
            { dataIndex: ['minimumScore'], defaultTitle: '最低匹配度' },
          ]),
        );
      expect(response.status).toBe(400);
      expect(messageOf(response)).toContain('年龄权重');
      expect(await app.db.getRepository('matchSettings').count()).toBe(1);
    });

    it('keeps the settings one record: a second one (which no match would read) is refused, by import or create', async () => {
      const file = workbook(['年龄权重'], [[5]]);
      const imported = await manager
        .post('/matchSettings:importXlsx')
        .set('X-Locale', 'zh-CN')
        .attach('file', file, 'settings.xlsx')
        .field('columns', JSON.stringify([{ dataIndex: ['ageWeight'], defaultTitle: '年龄权重' }]));
      expect(imported.status).toBe(400);
      expect(messageOf(imported)).toContain('匹配设置');
      expect((await post(manager, '/matchSettings:create', { ageWeight: 5 })).status).toBe(400);
      expect(await app.db.getRepository('matchSettings').count()).toBe(1);
    });

    it('checks own weights on an Excel import of partner preferences too', async () => {
      const file = workbook(['会员', '年龄权重（个人）'], [[herOther, 99]]);
      const response = await manager
        .post('/partnerPreferences:importXlsx')
        .set('X-Locale', 'en-US')
        .attach('file', file, 'preferences.xlsx')
        .field(
          'columns',
          JSON.stringify([
            { dataIndex: ['member', 'id'], defaultTitle: '会员' },
            { dataIndex: ['ageWeight'], defaultTitle: '年龄权重（个人）' },
          ]),
        );
      expect(response.status).toBe(400);
      expect(messageOf(response)).toContain('Own weight: Age');
      expect(await app.db.getRepository('partnerPreferences').count({ filter: { memberId: herOther } })).toBe(0);
    });
  });
});

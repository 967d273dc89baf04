// Every action NocoBase registers, on the collections of every plugin of ours (contracts, payments, complaints,
// partners… not only the member archive's): an action the guards were not reviewed for is refused on each of them, and
// through each reviewed action (aliases, compound and association routes included) a role neither reads a value its
// field list or scope hides nor changes a record beyond its reach. The actions are enumerated from the resourcer, not
// listed by hand, so that one a NocoBase upgrade adds is checked too.
import { MockServer } from '@nocobase/test';
import { GUARDED_ACTIONS } from '@hongniang/plugin-access';
import { AGENCY_STAFF, appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';
import { globalActions, probeEveryAction } from '@test/support/action-probe';

type Staff = 'manager' | 'lijing' | 'wangfang' | 'intake' | 'caiwu';

describe('every registered action, on every collection of ours', () => {
  let app: MockServer;
  let root: any;
  let as: Record<Staff, any>;
  let users: Record<Staff, number>;
  /** Records of 王芳's member (out of 李静's reach), and the money of 李静's own member's contract (hidden from her). */
  const ids: Record<string, number> = {};
  const SECRETS = {
    // Prices and an amount no other value of the suite shares, so a leak cannot hide behind a coincidence.
    herPrice: '43210.98',
    theirPrice: '56789.12',
    theirPayment: '1234.56',
    theirComplaint: '别人会员的投诉原文',
    theirPhone: '15877776666',
    theirNotes: '别人会员的私密备注',
  };

  const ok = async (response: any) => {
    expect([response.status, response.body?.errors]).toEqual([200, undefined]);
    return response.body.data;
  };

  appForSuite(
    async (booted) => {
      app = booted;
      root = await signInAsRoot(app);
      ({ as, users } = await signInStaff(app, { ...AGENCY_STAFF, caiwu: 'finance' }));
      ids.hers = await addMember(app, { name: '林小雨', gender: 'female', matchmakerId: users.lijing });
      ids.theirs = await addMember(app, {
        name: '周晓梅',
        gender: 'female',
        matchmakerId: users.wangfang,
        phone: SECRETS.theirPhone,
        notes: SECRETS.theirNotes,
      });
      const contract = (memberId: number, price: string) =>
        root.post('/contracts:create').send({
          memberId,
          package: 'gold',
          price: Number(price),
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          promisedIntroductions: 12,
          signedDate: '2026-01-01',
          status: 'active',
        });
      ids.herContract = (await ok(await contract(ids.hers, SECRETS.herPrice))).id;
      ids.theirContract = (await ok(await contract(ids.theirs, SECRETS.theirPrice))).id;
      ids.theirPayment = (
        await ok(
          await root.post('/payments:create').send({
            contractId: ids.theirContract,
            paidOn: '2026-01-05',
            amount: Number(SECRETS.theirPayment),
            method: 'cash',
          }),
        )
      ).id;
      ids.theirComplaint = (
        await ok(
          await root
            .post('/complaints:create')
            .send({ memberId: ids.theirs, category: 'fees', content: SECRETS.theirComplaint, channel: 'phone' }),
        )
      ).id;
      ids.organisation = (
        await ok(await root.post('/partnerOrganisations:create').send({ name: '华信科技', type: 'enterprise' }))
      ).id;
      ids.theirInteraction = (
        await ok(
          await as.wangfang
            .post('/partnerInteractions:create')
            .send({ organisationId: ids.organisation, date: '2026-11-02', kind: 'visit', summary: '王芳的拜访' }),
        )
      ).id;
    },
    { timeout: 300_000 },
  );

  /** Every row of the collections a probe must leave as they were (as plain JSON, sorted by key). */
  async function snapshot() {
    const rows = async (collection: string, filter = {}) =>
      (await app.db.getRepository(collection).find({ filter, sort: ['id'] })).map((row: any) => row.toJSON());
    return {
      contracts: await rows('contracts'),
      payments: await rows('payments'),
      complaints: await rows('complaints'),
      // 李静 may record interactions of her own (create is hers): only 王芳's stays out of her reach.
      theirInteractions: await rows('partnerInteractions', { recordedById: users.wangfang }),
      theirMember: await rows('members', { id: ids.theirs }),
    };
  }

  /**
   * Every action to each route as `who`, with ids and values every action shape reads (filterByTk, sourceId/targetId,
   * filterKeys, values): no 5xx, none of `secrets` in the answer, nothing of `snapshot()` changed (probeEveryAction).
   */
  const probe = (who: Staff, routes: string[], body: Record<string, unknown>, secrets: string[]) =>
    probeEveryAction(app, as[who], {
      routes,
      query: 'filterKeys[]=id',
      body: { ...body, values: body },
      secrets,
      unchanged: snapshot,
    });

  it('refuses, on every collection of every plugin, each action the guards were not reviewed for', async () => {
    const ours = [...app.db.collections.values()]
      .filter((collection: any) => String(collection.options.origin).startsWith('@hongniang/'))
      .map((collection: any) => collection.name);
    expect(ours).toEqual(
      expect.arrayContaining(['members', 'contracts', 'payments', 'complaints', 'partnerOrganisations', 'events']),
    );
    const unreviewed = globalActions(app).filter((action) => !GUARDED_ACTIONS[action]);
    const answered: string[] = [];
    for (const collection of ours)
      for (const action of unreviewed) {
        const response = await as.manager.post(`/${collection}:${action}?filterByTk=1`).send({});
        if (response.status !== 403) answered.push(`${collection}:${action} ${response.status}`);
      }
    expect(answered).toEqual([]);
    expect(globalActions(app)).toEqual(
      expect.arrayContaining(['list', 'get', 'firstOrCreate', 'updateOrCreate', 'move']),
    );
  });

  it('refuses a route through an association our collection does not have: 404 naming it, in both languages', async () => {
    for (const [agent, action] of [
      [root, 'get'],
      [root, 'firstOrCreate'],
      [as.intake, 'list'],
      [as.caiwu, 'create'],
    ] as const) {
      const en = await agent.post(`/members/${ids.theirs}/contracts:${action}`).set('X-Locale', 'en-US').send({});
      const zh = await agent.post(`/members/${ids.theirs}/contracts:${action}`).set('X-Locale', 'zh-CN').send({});
      expect([action, en.status, en.body.errors?.[0]?.message, zh.status, zh.body.errors?.[0]?.message]).toEqual([
        action,
        404,
        'Members has no association “contracts”',
        404,
        '会员没有名为“contracts”的关联',
      ]);
    }
  });

  it('a matchmaker: no money of any contract, nothing of another’s member’s contracts, payments or complaints', async () => {
    await probe(
      'lijing',
      [
        `/contracts:{action}?filterByTk=${ids.theirContract}&sourceId=${ids.theirContract}&targetId=${ids.herContract}`,
        `/contracts:{action}?filterByTk=${ids.herContract}`,
        `/payments:{action}?filterByTk=${ids.theirPayment}`,
        `/contracts/${ids.theirContract}/payments:{action}?filterByTk=${ids.theirPayment}`,
        `/contracts/${ids.herContract}/payments:{action}`,
        `/complaints:{action}?filterByTk=${ids.theirComplaint}`,
        `/members/${ids.theirs}/contracts:{action}?filterByTk=${ids.theirContract}`,
        `/partnerInteractions:{action}?filterByTk=${ids.theirInteraction}`,
      ],
      {
        id: ids.theirContract,
        memberId: ids.hers,
        contractId: ids.herContract,
        price: 1,
        amount: 1,
        content: '改写',
        status: 'answered',
        resolution: '越权答复',
        summary: '改写',
      },
      [SECRETS.herPrice, SECRETS.theirPrice, SECRETS.theirPayment, SECRETS.theirComplaint],
    );
  });

  it('finance (财务): no member’s archive and no complaint, whatever the action; no contract changed', async () => {
    await probe(
      'caiwu',
      [
        `/members:{action}?filterByTk=${ids.theirs}&sourceId=${ids.theirs}&targetId=${ids.hers}&sortField=boardSort`,
        `/complaints:{action}?filterByTk=${ids.theirComplaint}`,
        `/contracts:{action}?filterByTk=${ids.theirContract}`,
        `/contracts/${ids.theirContract}/member:{action}`,
      ],
      { id: ids.theirs, notes: '探测写入', phone: '13000000000', content: '改写', price: 1, memberId: ids.hers },
      [SECRETS.theirPhone, SECRETS.theirNotes, SECRETS.theirComplaint],
    );
  });

  it('the front desk (前台): no contract, payment or complaint, whatever the action', async () => {
    await probe(
      'intake',
      [
        `/contracts:{action}?filterByTk=${ids.theirContract}`,
        `/payments:{action}?filterByTk=${ids.theirPayment}`,
        `/complaints:{action}?filterByTk=${ids.theirComplaint}`,
        `/members/${ids.theirs}/contracts:{action}`,
      ],
      { memberId: ids.theirs, contractId: ids.theirContract, price: 1, amount: 1, content: '改写' },
      [SECRETS.theirPrice, SECRETS.theirPayment, SECRETS.theirComplaint],
    );
  });
});

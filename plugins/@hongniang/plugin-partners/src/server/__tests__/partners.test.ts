// Partner organisations (合作机构) over HTTP with the ACL on, as the agency's roles use them: what each role may read
// and write, the rules on organisations, contacts and interactions in both languages (nothing written, never a 500),
// and the link from a member to the organisation that referred her.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember } from '@test/support/members';

type Staff = 'manager' | 'lijing' | 'wangfang' | 'intake';

describe('partner organisations', () => {
  let app: MockServer;
  let root: any;
  let as: Record<Staff, any>;
  let users: Record<Staff, number>;
  let huaxin: number;
  let zhouMin: number;

  const post = (agent: any, url: string, body: any = {}, locale = 'zh-CN') =>
    agent.post(url).set('X-Locale', locale).send(body);
  const messageOf = (response: any) => response.body?.errors?.[0]?.message ?? '';
  /** The same request in Chinese and in English: both statuses and messages. */
  const inBoth = async (agent: any, url: string, body: any = {}) => {
    const zh = await post(agent, url, body, 'zh-CN');
    const en = await post(agent, url, body, 'en-US');
    return { status: [zh.status, en.status], zh: messageOf(zh), en: messageOf(en) };
  };
  const count = (collection: string, filter: any = {}) => app.db.getRepository(collection).count({ filter });

  appForSuite(async (booted) => {
    app = booted;
    root = await signInAsRoot(app);
    ({ as, users } = await signInStaff(app));
    const created = await post(as.manager, '/partnerOrganisations:create', {
      name: '华信科技有限公司',
      type: 'enterprise',
      industry: 'it',
      headcount: 1200,
      relationship: 'longTerm',
      region: [{ code: '11' }, { code: '1101' }, { code: '110108' }],
      address: '中关村大街 27 号',
    });
    expect([created.status, messageOf(created)]).toEqual([200, '']);
    huaxin = created.body.data.id;
    const contact = await post(as.manager, '/partnerContacts:create', {
      organisationId: huaxin,
      name: '周敏',
      title: '工会主席',
      phone: '010-62781234',
      wechat: 'zhoumin_hx',
    });
    expect([contact.status, messageOf(contact)]).toEqual([200, '']);
    zhouMin = contact.body.data.id;
  });

  describe('organisations', () => {
    it('works out the size from the headcount (小型 under 300, 中型 300–999, 大型 from 1 000)', async () => {
      const { body } = await root.resource('partnerOrganisations').get({ filterByTk: huaxin, appends: ['region'] });
      expect(body.data).toMatchObject({ size: 'large', headcount: 1200, relationship: 'longTerm' });
      expect(body.data.region.map((region: any) => region.name).sort()).toEqual(['北京市', '市辖区', '海淀区'].sort());
      for (const [headcount, size] of [
        [299, 'small'],
        [300, 'medium'],
        [999, 'medium'],
        [1000, 'large'],
      ] as const) {
        const response = await post(as.manager, '/partnerOrganisations:create', {
          name: `规模测试 ${headcount}`,
          type: 'enterprise',
          headcount,
        });
        expect([headcount, response.status, response.body.data?.size]).toEqual([headcount, 200, size]);
      }
      const noHeadcount = await post(as.manager, '/partnerOrganisations:create', {
        name: '只填规模',
        type: 'community',
        size: 'small',
      });
      expect([noHeadcount.status, noHeadcount.body.data?.size]).toEqual([200, 'small']);
    });

    it('refuses bad values with the field named, in both languages, writing nothing', async () => {
      const before = await count('partnerOrganisations');
      expect(await inBoth(as.manager, '/partnerOrganisations:create', { name: '  　', type: 'enterprise' })).toEqual({
        status: [400, 400],
        zh: '机构名称不能为空',
        en: 'Organisation name is required',
      });
      expect(await inBoth(as.manager, '/partnerOrganisations:create', { name: '无类型' })).toEqual({
        status: [400, 400],
        zh: '机构类型不能为空',
        en: 'Organisation type is required',
      });
      expect(await inBoth(as.manager, '/partnerOrganisations:create', { name: '甲', type: 'bank' })).toEqual({
        status: [400, 400],
        zh: '机构类型不能是“bank”，可选：企业、婚庆服务、其他婚介、社区、学校',
        en: 'Organisation type cannot be "bank"; choose one of: Company, Wedding services, Other matchmaking agency, Community, School',
      });
      expect(
        await inBoth(as.manager, '/partnerOrganisations:create', { name: '乙', type: 'enterprise', headcount: 'many' }),
      ).toMatchObject({ status: [400, 400], zh: '人数须为不小于 1 的整数，收到“many”' });
      expect(
        await inBoth(as.manager, '/partnerOrganisations:create', {
          name: '丙',
          type: 'enterprise',
          headcount: 50,
          size: 'large',
        }),
      ).toEqual({
        status: [400, 400],
        zh: '规模由人数推算：50 人为小型，不是大型（请留空，或修改人数）',
        en: 'Size follows the headcount: 50 people is Small, not Large (leave it empty or change the headcount)',
      });
      expect(
        await inBoth(as.manager, '/partnerOrganisations:create', { name: ' 华信科技有限公司 ', type: 'school' }),
      ).toEqual({
        status: [409, 409],
        zh: '机构名称“华信科技有限公司”已登记，请打开该机构，不要重复新增',
        en: 'Organisation name "华信科技有限公司" is already in the archive; open that organisation instead of adding it again',
      });
      const update = await post(as.manager, `/partnerOrganisations:update?filterByTk=${huaxin}`, { relationship: 'x' });
      expect([update.status, messageOf(update)]).toEqual([400, '合作关系不能是“x”，可选：长期合作、潜在、已流失']);
      expect(await count('partnerOrganisations')).toBe(before);
    });

    it('keeps the size following the headcount on an update', async () => {
      const response = await post(as.manager, `/partnerOrganisations:update?filterByTk=${huaxin}`, { headcount: 500 });
      expect([response.status, response.body.data?.[0]?.size ?? response.body.data?.size]).toEqual([200, 'medium']);
      await post(as.manager, `/partnerOrganisations:update?filterByTk=${huaxin}`, { headcount: 1200 });
    });
  });

  describe('contacts and interactions', () => {
    it('refuses a contact without an organisation or name, or with a phone that is not one', async () => {
      expect(await inBoth(as.manager, '/partnerContacts:create', { name: '无机构' })).toEqual({
        status: [400, 400],
        zh: '所属机构不能为空',
        en: 'Organisation is required',
      });
      expect(await inBoth(as.manager, '/partnerContacts:create', { organisationId: 99999, name: '甲' })).toEqual({
        status: [404, 404],
        zh: '所属机构：没有编号为 99999 的合作机构',
        en: 'Organisation: there is no partner organisation with number 99999',
      });
      expect(
        await inBoth(as.manager, '/partnerContacts:create', { organisationId: huaxin, name: '乙', phone: '打电话' }),
      ).toEqual({
        status: [400, 400],
        zh: '电话“打电话”不是电话号码，请填写手机号或带区号的座机号，如 010-12345678',
        en: 'Phone "打电话" is not a phone number; write a mobile number or a landline with its area code, such as 010-12345678',
      });
      const good = await post(as.manager, '/partnerContacts:create', {
        organisationId: huaxin,
        name: ' 李强 ',
        phone: '+86 138-0013-8000',
      });
      expect([good.status, good.body.data?.name]).toEqual([200, '李强']);
    });

    it('fills in who recorded an interaction, and refuses a missing date, a contact of another organisation, a next step before it', async () => {
      const other = await post(as.manager, '/partnerOrganisations:create', {
        name: '喜悦婚礼策划',
        type: 'weddingService',
      });
      const otherContact = await post(as.manager, '/partnerContacts:create', {
        organisationId: other.body.data.id,
        name: '孙磊',
      });
      const values = {
        organisationId: huaxin,
        date: '2026-11-20',
        kind: 'visit',
        summary: '商谈联谊',
        contactId: zhouMin,
      };
      const recorded = await post(as.lijing, '/partnerInteractions:create', values);
      expect([recorded.status, messageOf(recorded)]).toEqual([200, '']);
      expect(recorded.body.data.recordedById).toBe(users.lijing);
      expect(await inBoth(as.lijing, '/partnerInteractions:create', { ...values, date: null })).toEqual({
        status: [400, 400],
        zh: '日期不能为空',
        en: 'Date is required',
      });
      expect(
        await inBoth(as.lijing, '/partnerInteractions:create', { ...values, contactId: otherContact.body.data.id }),
      ).toEqual({
        status: [400, 400],
        zh: '对接联系人须是本机构（所属机构）的联系人',
        en: 'Contact must be a contact of this organisation (Organisation)',
      });
      expect(
        await inBoth(as.lijing, '/partnerInteractions:create', { ...values, nextStepDate: '2026-11-01' }),
      ).toMatchObject({ status: [400, 400], zh: '下一步截止不能早于日期（2026-11-20）' });
      expect(await inBoth(as.lijing, '/partnerInteractions:create', { ...values, kind: 'fax' })).toMatchObject({
        status: [400, 400],
        zh: '方式不能是“fax”，可选：拜访、电话、微信、会议洽谈、联合活动、转介会员、其他',
      });
    });
  });

  describe('each role', () => {
    it('主管 does everything: create, update, delete, export', async () => {
      const created = await post(as.manager, '/partnerOrganisations:create', { name: '待删除机构', type: 'school' });
      expect(created.status).toBe(200);
      const id = created.body.data.id;
      await post(as.manager, '/partnerContacts:create', { organisationId: id, name: '临时联系人' });
      expect((await post(as.manager, `/partnerOrganisations:update?filterByTk=${id}`, { notes: '改' })).status).toBe(
        200,
      );
      expect((await post(as.manager, `/partnerOrganisations:destroy?filterByTk=${id}`)).status).toBe(200);
      expect(await count('partnerOrganisations', { id })).toBe(0);
      // Its contacts go with it.
      expect(await count('partnerContacts', { organisationId: id })).toBe(0);
    });

    it('红娘 reads organisations and contacts, records interactions, corrects only her own, changes no organisation', async () => {
      expect((await as.lijing.resource('partnerOrganisations').list()).status).toBe(200);
      expect((await as.lijing.resource('partnerContacts').list()).status).toBe(200);
      expect((await post(as.lijing, '/partnerOrganisations:create', { name: '红娘新建', type: 'school' })).status).toBe(
        403,
      );
      expect((await post(as.lijing, `/partnerOrganisations:update?filterByTk=${huaxin}`, { notes: 'x' })).status).toBe(
        403,
      );
      expect((await post(as.lijing, `/partnerOrganisations:destroy?filterByTk=${huaxin}`)).status).toBe(403);
      expect((await post(as.lijing, '/partnerContacts:create', { organisationId: huaxin, name: '甲' })).status).toBe(
        403,
      );
      const values = { organisationId: huaxin, date: '2026-11-25', kind: 'call', summary: '电话回访' };
      const hers = await post(as.lijing, '/partnerInteractions:create', values);
      const others = await post(as.wangfang, '/partnerInteractions:create', values);
      expect([hers.status, others.status]).toEqual([200, 200]);
      const fixHers = await post(as.lijing, `/partnerInteractions:update?filterByTk=${hers.body.data.id}`, {
        nextStep: '寄方案',
      });
      expect(fixHers.status).toBe(200);
      const fixOthers = await post(as.lijing, `/partnerInteractions:update?filterByTk=${others.body.data.id}`, {
        nextStep: '改别人的',
      });
      // Outside her update scope NocoBase finds nothing to update: the record stays as it was.
      expect(fixOthers.status).toBeLessThan(500);
      expect(
        (await app.db.getRepository('partnerInteractions').findOne({ filterByTk: others.body.data.id })).get(
          'nextStep',
        ),
      ).toBeNull();
      expect((await post(as.lijing, `/partnerInteractions:destroy?filterByTk=${hers.body.data.id}`)).status).toBe(403);
      expect((await post(as.lijing, '/partnerOrganisations:export', {})).status).toBe(403);
    });

    it('前台 reads and registers organisations with their contact, and changes nothing afterwards', async () => {
      const created = await post(as.intake, '/partnerOrganisations:create', {
        name: '和平里社区',
        type: 'community',
        relationship: 'potential',
      });
      expect([created.status, messageOf(created)]).toEqual([200, '']);
      const contact = await post(as.intake, '/partnerContacts:create', {
        organisationId: created.body.data.id,
        name: '刘芳',
        phone: '010-84221100',
      });
      expect(contact.status).toBe(200);
      expect((await as.intake.resource('partnerInteractions').list()).status).toBe(200);
      expect(
        (await post(as.intake, `/partnerOrganisations:update?filterByTk=${created.body.data.id}`, { notes: 'x' }))
          .status,
      ).toBe(403);
      expect((await post(as.intake, `/partnerOrganisations:destroy?filterByTk=${huaxin}`)).status).toBe(403);
      expect(
        (
          await post(as.intake, '/partnerInteractions:create', {
            organisationId: huaxin,
            date: '2026-11-25',
            summary: 'x',
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('members referred by an organisation', () => {
    it('links a member from the channel 合作机构, lists her on the organisation, and refuses the link on any other channel', async () => {
      const referred = await post(as.intake, '/members:create', {
        name: '经华信介绍',
        gender: 'female',
        birthDate: '1994-05-12',
        phone: '13812345601',
        sourceChannel: 'partner',
        partnerOrganisation: huaxin,
      });
      expect([referred.status, messageOf(referred)]).toEqual([200, '']);
      const stored = await app.db.getRepository('members').findOne({ filterByTk: referred.body.data.id });
      expect(stored.get('partnerOrganisationId')).toBe(huaxin);
      const listed = await as.lijing.resource('partnerOrganisations.referredMembers', huaxin).list();
      expect([listed.status, listed.body.data.map((member: any) => member.name)]).toEqual([200, ['经华信介绍']]);

      const before = await count('members');
      expect(
        await inBoth(as.intake, '/members:create', {
          name: '门店来的',
          gender: 'male',
          birthDate: '1990-01-01',
          phone: '13812345602',
          sourceChannel: 'store',
          partnerOrganisation: huaxin,
        }),
      ).toEqual({
        status: [400, 400],
        zh: '合作机构只用于来源渠道为「合作机构」的会员（该会员为「门店」）；请把来源渠道改为「合作机构」，或不填合作机构',
        en: 'Partner organisation is only for members whose Source channel is Partner organisation (this one: Walk-in); set the channel to Partner organisation or leave Partner organisation empty',
      });
      expect(await count('members')).toBe(before);
      // Her channel changed away from 合作机构 while she still names the organisation.
      const moved = await post(as.manager, `/members:update?filterByTk=${referred.body.data.id}`, {
        sourceChannel: 'online',
      });
      expect([moved.status, messageOf(moved)]).toEqual([
        400,
        '合作机构只用于来源渠道为「合作机构」的会员（该会员为「线上」）；请把来源渠道改为「合作机构」，或不填合作机构',
      ]);
      const unlinked = await post(as.manager, `/members:update?filterByTk=${referred.body.data.id}`, {
        sourceChannel: 'online',
        partnerOrganisation: null,
      });
      expect(unlinked.status).toBe(200);
      const relinked = await post(as.manager, `/members:update?filterByTk=${referred.body.data.id}`, {
        sourceChannel: 'partner',
        partnerOrganisationId: huaxin,
      });
      expect(relinked.status).toBe(200);
      const missing = await post(as.manager, `/members:update?filterByTk=${referred.body.data.id}`, {
        partnerOrganisationId: 99999,
      });
      expect([missing.status, messageOf(missing)]).toEqual([404, '合作机构：没有编号为 99999 的合作机构']);
    });

    it('checks an update of several members by condition member by member', async () => {
      const walkIn = await addMember(app, { name: '批量门店', gender: 'female', sourceChannel: 'store' });
      const response = await post(
        as.manager,
        `/members:update?filter=${encodeURIComponent(JSON.stringify({ id: walkIn }))}`,
        {
          partnerOrganisationId: huaxin,
        },
      );
      expect(response.status).toBe(400);
      expect(
        (await app.db.getRepository('members').findOne({ filterByTk: walkIn })).get('partnerOrganisationId'),
      ).toBeNull();
      await expect(
        app.db.getModel('members').update({ partnerOrganisationId: huaxin }, { where: { id: walkIn }, hooks: true }),
      ).rejects.toThrow(/合作机构只用于/);
    });

    it('refuses to delete an organisation that referred members (409), naming how many', async () => {
      const response = await inBoth(as.manager, '/partnerOrganisations:destroy?filterByTk=' + huaxin);
      expect(response).toEqual({
        status: [409, 409],
        zh: '华信科技有限公司介绍过 1 位会员，不能删除；请把合作关系改为「已流失」，或先从这些会员的资料中去掉该机构',
        en: '华信科技有限公司 referred 1 member(s) and cannot be deleted; set its relationship to Lost instead, or first remove it from those members',
      });
      expect(await count('partnerOrganisations', { id: huaxin })).toBe(1);
    });
  });
});

// The partners' part of the demo agency (plugin-core's extendDemoAgency, after the members): five organisations of each
// kind and relationship, their contact people, a few interactions recorded by the staff, and some members in service
// marked as referred by the long-term partners. Written through the repositories, so the rules of hooks/ hold.
import { DemoSettings } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';

const ORGANISATIONS = [
  {
    name: '华信科技有限公司',
    type: 'enterprise',
    industry: 'it',
    headcount: 1200,
    relationship: 'longTerm',
    region: ['11', '1101', '110108'],
    address: '海淀区中关村大街 27 号',
    notes: '工会每季度组织单身员工联谊，由我方承办。',
    contacts: [{ name: '周敏', title: '工会主席', phone: '010-62781234', wechat: 'zhoumin_hx' }],
  },
  {
    name: '喜悦婚礼策划',
    type: 'weddingService',
    industry: 'wedding',
    headcount: 35,
    relationship: 'longTerm',
    region: ['11', '1101', '110105'],
    address: '朝阳区建国路 88 号',
    contacts: [{ name: '孙磊', title: '店长', phone: '13911002200', wechat: 'sunlei_wedding' }],
  },
  {
    name: '东城区和平里社区',
    type: 'community',
    industry: 'publicSector',
    headcount: 40,
    relationship: 'potential',
    region: ['11', '1101', '110101'],
    address: '东城区和平里北街 5 号',
    contacts: [{ name: '刘芳', title: '社区主任', phone: '010-84221100' }],
  },
  {
    name: '首都师范学院',
    type: 'school',
    industry: 'education',
    headcount: 2600,
    relationship: 'potential',
    region: ['11', '1101', '110108'],
    contacts: [{ name: '陈静', title: '教职工工会干事', phone: '13800138011' }],
  },
  {
    name: '缘来婚介（望京店）',
    type: 'otherAgency',
    industry: 'wedding',
    headcount: 12,
    relationship: 'lost',
    region: ['11', '1101', '110105'],
    notes: '曾互换会员资源，2026 年起不再合作。',
    contacts: [{ name: '何强', title: '负责人', phone: '13700137000' }],
  },
];

const DAY = 86_400_000;
const dayBefore = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** Seeds the organisations (see the file's head). Answers "5 organisations, N contacts, M interactions, K members linked". */
export async function seedDemoPartners(app: Application, settings: DemoSettings) {
  const organisations = app.db.getRepository('partnerOrganisations');
  const contacts = app.db.getRepository('partnerContacts');
  const interactions = app.db.getRepository('partnerInteractions');
  const manager = settings.staff.find((person) => person.role === 'manager');
  const matchmakers = settings.staff.filter((person) => person.role === 'matchmaker');
  let contactCount = 0;
  let interactionCount = 0;
  const longTerm: number[] = [];
  for (const [i, { contacts: people, region, ...values }] of ORGANISATIONS.entries()) {
    const organisation = await organisations.create({
      values: { ...values, region: region.map((code) => ({ code })), liaisonId: manager?.id ?? null },
    });
    const organisationId = organisation.get('id') as number;
    if (values.relationship === 'longTerm') longTerm.push(organisationId);
    let contactId: number | null = null;
    for (const person of people) {
      const contact = await contacts.create({ values: { ...person, organisationId } });
      contactId ??= contact.get('id') as number;
      contactCount++;
    }
    const recorder = matchmakers[i % Math.max(matchmakers.length, 1)] ?? manager;
    await interactions.create({
      values: {
        organisationId,
        contactId,
        date: dayBefore(20 + i),
        kind: values.relationship === 'lost' ? 'call' : 'visit',
        summary: values.relationship === 'lost' ? '对方表示暂停合作。' : '介绍本机构服务，对方有意向组织联谊。',
        nextStep: values.relationship === 'lost' ? null : '寄送合作方案',
        recordedById: recorder?.id ?? null,
      },
    });
    interactionCount++;
  }
  // Members in service, a few per long-term partner, came through it.
  const members = (await app.db.getModel('members').findAll({
    attributes: ['id'],
    where: { status: 'inService' },
    order: [['id', 'DESC']],
    limit: longTerm.length * 3,
    raw: true,
  })) as any[];
  const memberRepository = app.db.getRepository('members');
  for (const [i, member] of members.entries()) {
    await memberRepository.update({
      filterByTk: member.id,
      values: { sourceChannel: 'partner', partnerOrganisationId: longTerm[i % longTerm.length] },
    });
  }
  settings.onProgress?.('partners', 1, 1);
  return `${ORGANISATIONS.length} organisations, ${contactCount} contacts, ${interactionCount} interactions, ${members.length} members linked`;
}

// What the agency roles may do with the member archive, which member fields are private at which level, and which
// menus each role gets: declared to the access plugin (plugin-core's declareAccess), which applies them.
import { AccessDeclaration } from '@hongniang/plugin-core';
import { memberPopupDefaults } from './pages/member-blueprint';

/** Each member field's group on the member forms (基本信息, 经济状况…): the 会员列表 blueprint's fieldGroups. */
export function memberFieldGroups(): Record<string, string> {
  const groups: { title: string; fields: (string | { field: string })[] }[] =
    memberPopupDefaults().collections?.members?.fieldGroups || [];
  return Object.fromEntries(
    groups.flatMap((group) =>
      group.fields.map((field) => [typeof field === 'string' ? field : field.field, group.title]),
    ),
  );
}

/** The member fields' levels a new installation starts with (its 字段隐私 rows; a field not listed is archive). */
export const DEFAULT_MEMBER_PRIVACY = {
  introduction: [
    'id',
    'memberNo',
    'name',
    'gender',
    'age',
    'ageGroup',
    'ageBand',
    'heightCm',
    'education',
    'occupation',
    'occupationGroup',
    'industry',
    'maritalStatus',
    'childrenStatus',
    'onlyChild',
    'hobbies',
    'personality',
    'smoking',
    'drinking',
    'currentCity',
    // Whom to call about an introduction, and the record's own dates (tables sort by them).
    'matchmaker',
    'createdAt',
    'updatedAt',
  ],
  contact: ['phone', 'wechat', 'email'],
  sensitive: [
    'idNumber',
    'relationshipHistory',
    'hopes',
    'worries',
    'incomeBand',
    'housing',
    'car',
    'assets',
    'spendingPower',
  ],
};

const HER_MEMBER = { matchmakerId: { $eq: '{{$user.id}}' } };

export const MEMBER_ACCESS: AccessDeclaration = {
  privateCollections: {
    members: { ownerKey: 'matchmakerId', defaultLevels: DEFAULT_MEMBER_PRIVACY, fieldGroups: memberFieldGroups },
  },
  ownScopes: {
    members: { title: '自己的会员', filter: HER_MEMBER },
    partnerPreferences: { title: '自己会员的择偶标准', filter: { member: HER_MEMBER } },
  },
  roles: {
    // Managers work on every collection (the role's strategy).
    matchmaker: {
      menus: ['1-member-list'],
      resources: {
        members: {
          view: { levels: ['introduction', 'archive', 'contact'] },
          create: { levels: ['introduction', 'archive', 'contact'] },
          update: { levels: ['introduction', 'archive', 'contact'], scope: 'own' },
        },
        partnerPreferences: { view: { scope: 'own' }, create: {}, update: { scope: 'own' } },
        ageGroupBands: { view: {} },
      },
    },
    intake: {
      menus: ['1-member-list'],
      resources: {
        members: {
          view: { levels: ['introduction', 'archive'] },
          // Takes down how to reach a new client at the desk, but does not read it back afterwards.
          create: { levels: ['introduction', 'archive', 'contact'] },
          update: { levels: ['introduction', 'archive'] },
        },
        partnerPreferences: { view: {}, create: {}, update: {} },
        ageGroupBands: { view: {} },
      },
    },
  },
};

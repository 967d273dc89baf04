// Plausible members of a Chinese matchmaking agency, generated from a seed (no NocoBase here: plain values out).
import { ageGroupOf, ageOn } from '../ages/age';
import { vocabulary } from '../fields/vocabulary';
import { Random } from './random';

/** Demo birth dates and join dates are fixed against this day, so a seed always gives the same records. */
export const DEMO_REFERENCE_DATE = new Date(Date.UTC(2026, 0, 1));

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔';
const GIVEN = {
  female: '婷静敏丽芳娟霞燕玲艳雪梅琳颖晶欣怡悦雅萱诗涵佳慧秀兰倩蕾洁璐瑶晓月琪妍菲薇',
  male: '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆然博文哲轩睿晨阳毅峰龙',
};
const OCCUPATIONS: Record<string, string[]> = {
  whiteCollar: ['产品经理', '会计', '销售经理', '人力资源专员', '软件工程师', '市场专员', '设计师'],
  blueCollar: ['技术工人', '司机', '厨师', '电工', '质检员'],
  freelancer: ['摄影师', '自媒体作者', '翻译', '插画师'],
  civilServant: ['公务员', '事业单位职员'],
  teacher: ['小学教师', '中学教师', '大学讲师'],
  medical: ['医生', '护士', '药剂师'],
  businessOwner: ['个体经营者', '公司创始人'],
  other: ['退休人员', '自由职业者'],
};
const SCHOOLS = [
  '北京大学',
  '复旦大学',
  '浙江大学',
  '武汉大学',
  '四川大学',
  '中山大学',
  '南京大学',
  '西安交通大学',
  '华中科技大学',
  '湖南师范大学',
  '郑州大学',
  '山东大学',
];
const INDUSTRIES = ['互联网', '金融', '教育', '医疗', '制造业', '政府机关', '零售', '房地产', '文化传媒', '物流'];

/** Where members live: [province code, city code, share of members] (codes of NocoBase's China-region table). */
const CITIES: [string, string, number][] = [
  ['11', '1101', 12],
  ['31', '3101', 12],
  ['44', '4401', 9],
  ['44', '4403', 9],
  ['33', '3301', 7],
  ['51', '5101', 7],
  ['42', '4201', 6],
  ['32', '3201', 5],
  ['61', '6101', 5],
  ['50', '5001', 5],
  ['12', '1201', 4],
  ['32', '3205', 4],
  ['43', '4301', 4],
  ['41', '4101', 3],
  ['37', '3702', 3],
  ['35', '3502', 2],
  ['34', '3401', 2],
  ['21', '2101', 1],
];
const CITY_WEIGHTS = Object.fromEntries(CITIES.map(([, city, weight]) => [city, weight])) as Record<string, number>;
const PROVINCE_OF = Object.fromEntries(CITIES.map(([province, city]) => [city, province]));

const EDUCATION_RANK = vocabulary.education.map((choice) => choice.value);
const INCOME_RANK = vocabulary.incomeBand.map((choice) => choice.value);
const values = (list: keyof typeof vocabulary) => vocabulary[list].map((choice) => choice.value);

export interface DemoMember {
  values: Record<string, any>;
  preferences: Record<string, any>;
  /** China-region codes, province first. */
  currentCity: string[];
  hometown: string[];
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * 86400000);

/** A mobile number unique to the member's position in the agency (7919 is prime to 10^8, so numbers never repeat). */
function phoneFor(index: number) {
  const prefixes = ['138', '139', '137', '136', '135', '150', '151', '158', '159', '186', '187', '188', '177', '199'];
  return prefixes[index % prefixes.length] + String((index * 7919 + 104729) % 100000000).padStart(8, '0');
}

/** The index-th member of the demo agency seeded with `seed`; `matchmakerIds` are spread among the members. */
export function demoMember(random: Random, index: number, matchmakerIds: number[]): DemoMember {
  const gender = random.chance(0.52) ? 'female' : 'male';
  const age = random.weighted({ 24: 6, 27: 10, 30: 12, 33: 10, 36: 8, 40: 7, 45: 5, 50: 4, 56: 3, 62: 2 } as Record<
    string,
    number
  >);
  const birthDate = daysBefore(DEMO_REFERENCE_DATE, (Number(age) + random.next() * 3 - 1) * 365.25);
  const years = ageOn(isoDate(birthDate), DEMO_REFERENCE_DATE);
  const education = random.weighted({ highSchool: 14, college: 24, bachelor: 40, master: 17, doctor: 5 });
  const educationRank = EDUCATION_RANK.indexOf(education);
  const occupationGroup =
    educationRank >= 3
      ? random.weighted({ whiteCollar: 5, teacher: 2, medical: 2, civilServant: 2, businessOwner: 1 })
      : educationRank === 2
        ? random.weighted({ whiteCollar: 6, civilServant: 2, teacher: 2, medical: 1, freelancer: 1, businessOwner: 1 })
        : random.weighted({ blueCollar: 5, whiteCollar: 2, freelancer: 2, businessOwner: 1, other: 1 });
  const incomeRank = Math.max(
    0,
    Math.min(
      6,
      educationRank + (years > 32 ? 1 : 0) + random.integer(-1, 1) + (occupationGroup === 'businessOwner' ? 2 : 0),
    ),
  );
  const maritalStatus =
    years < 30
      ? random.weighted({ single: 95, divorced: 5 })
      : years < 50
        ? random.weighted({ single: 55, divorced: 42, widowed: 3 })
        : random.weighted({ single: 10, divorced: 55, widowed: 35 });
  const children =
    maritalStatus === 'single' ? 'none' : random.weighted({ none: 4, livesWithMember: 3, livesWithOther: 3 });
  const heightCm = gender === 'female' ? random.normal(161, 5.5, 145, 185) : random.normal(173, 6, 155, 198);
  const city = random.weighted(CITY_WEIGHTS);
  const hometownCity = random.chance(0.6) ? city : random.pick(CITIES)[1];
  const joinDate = daysBefore(DEMO_REFERENCE_DATE, random.integer(0, 3 * 365));
  const status = random.weighted({
    inService: 60,
    new: 15,
    paused: 8,
    inRelationship: 8,
    married: 4,
    withdrawn: 3,
    lost: 2,
  });
  const surname = SURNAMES[Math.floor(Math.pow(random.next(), 2) * SURNAMES.length)];
  const given = Array.from({ length: random.chance(0.75) ? 2 : 1 }, () => random.pick([...GIVEN[gender]])).join('');

  const member = {
    name: surname + given,
    gender,
    birthDate: isoDate(birthDate),
    age: years,
    ageGroup: ageGroupOf(years),
    phone: phoneFor(index),
    wechat: random.chance(0.8) ? `wx_${(index * 48271 + 7).toString(36)}` : null,
    email: random.chance(0.4) ? `member${index}@example.cn` : null,
    heightCm,
    weightKg: Math.round(((gender === 'female' ? 20.5 : 23.5) + random.next() * 4 - 2) * Math.pow(heightCm / 100, 2)),
    education,
    school: educationRank >= 2 ? random.pick(SCHOOLS) : null,
    occupationGroup,
    occupation: random.pick(OCCUPATIONS[occupationGroup]),
    industry: random.pick(INDUSTRIES),
    maritalStatus,
    childrenStatus: children,
    onlyChild: years < 45 && random.chance(0.55),
    hobbies: random.some(values('hobbies'), 2, 4),
    smoking:
      gender === 'male'
        ? random.weighted({ never: 6, sometimes: 3, often: 1 })
        : random.weighted({ never: 19, sometimes: 1 }),
    drinking: random.weighted({ never: 4, sometimes: 5, often: 1 }),
    personality: random.some(values('personality'), 2, 3),
    incomeBand: INCOME_RANK[incomeRank],
    housing:
      incomeRank >= 3
        ? random.weighted({ ownedNoLoan: 3, ownedWithLoan: 5, none: 1 })
        : random.weighted({ ownedNoLoan: 1, ownedWithLoan: 3, none: 4 }),
    car: random.chance(0.25 + incomeRank * 0.1) ? 'yes' : 'no',
    spendingPower: incomeRank >= 4 ? 'high' : incomeRank >= 2 ? 'medium' : 'low',
    tier: random.weighted({ standard: 50, gold: 30, diamond: 15, vip: 5 }),
    joinDate: isoDate(joinDate),
    expiryDate: isoDate(new Date(joinDate.getTime() + random.pick([365, 730]) * 86400000)),
    status,
    sourceChannel: random.weighted({ store: 30, online: 35, referral: 20, event: 10, partner: 5 }),
    matchmakerId: matchmakerIds.length ? matchmakerIds[index % matchmakerIds.length] : null,
    recommendConsent: random.chance(0.85),
    privacyConsentDate: isoDate(joinDate),
    doNotRecommend: random.chance(0.03),
  };

  const importance = (weights: Record<string, number>) =>
    random.weighted(weights as Record<'indifferent' | 'normal' | 'important' | 'required', number>);
  const preferences = {
    ageMin: Math.max(18, gender === 'female' ? years - 2 : years - 10),
    ageMax: Math.min(100, gender === 'female' ? years + 8 : years + 2),
    ageImportance: importance({ normal: 2, important: 5, required: 3 }),
    heightMin: gender === 'female' ? Math.max(150, heightCm + random.integer(0, 8)) : 150,
    heightMax: gender === 'female' ? 200 : Math.min(200, heightCm + random.integer(0, 5)),
    heightImportance: importance({ indifferent: 2, normal: 4, important: 3, required: 1 }),
    minEducation: EDUCATION_RANK[Math.max(0, educationRank - (gender === 'female' ? 0 : 1))],
    educationImportance: importance({ indifferent: 2, normal: 4, important: 3, required: 1 }),
    maritalStatuses:
      maritalStatus === 'single'
        ? random.pick([['single'], ['single', 'divorced']])
        : ['single', 'divorced', 'widowed'],
    maritalStatusImportance: importance({ normal: 4, important: 4, required: 2 }),
    childrenAcceptable: children !== 'none' || random.chance(0.3),
    childrenImportance: importance({ normal: 4, important: 4, required: 2 }),
    minIncomeBand: gender === 'female' ? INCOME_RANK[Math.max(0, incomeRank - 1)] : INCOME_RANK[0],
    incomeImportance: importance(
      gender === 'female' ? { normal: 3, important: 5, required: 2 } : { indifferent: 5, normal: 4, important: 1 },
    ),
    regionImportance: importance({ indifferent: 2, normal: 3, important: 4, required: 1 }),
    wantedHobbies: random.some(member.hobbies, 1, 2),
    hobbiesImportance: importance({ indifferent: 3, normal: 5, important: 2 }),
    wantedPersonality: random.some(values('personality'), 1, 2),
    personalityImportance: importance({ indifferent: 2, normal: 4, important: 4 }),
    smokingAcceptable: member.smoking !== 'never' || random.chance(0.4),
    smokingImportance: importance({ indifferent: 3, normal: 4, important: 2, required: 1 }),
  };

  return {
    values: member,
    preferences,
    currentCity: [PROVINCE_OF[city], city],
    hometown: [PROVINCE_OF[hometownCity], hometownCity],
  };
}

/**
 * The agency's vocabulary: every choice list of the member archive, with its stored value and its labels.
 * Values are stable codes (the matching engine and imports rely on them); labels are what people see.
 */
export interface Choice {
  value: string;
  en: string;
  zh: string;
}

const list = (...rows: [string, string, string][]): Choice[] => rows.map(([value, en, zh]) => ({ value, en, zh }));

export const vocabulary = {
  gender: list(['male', 'Male', '男'], ['female', 'Female', '女']),
  education: list(
    ['highSchool', 'High school or below', '高中及以下'],
    ['college', 'Junior college', '大专'],
    ['bachelor', 'Bachelor', '本科'],
    ['master', 'Master', '硕士'],
    ['doctor', 'Doctorate', '博士'],
  ),
  occupationGroup: list(
    ['whiteCollar', 'White-collar', '白领'],
    ['blueCollar', 'Blue-collar', '蓝领'],
    ['freelancer', 'Freelancer', '自由职业'],
    ['civilServant', 'Civil servant', '公务员'],
    ['teacher', 'Teacher', '教师'],
    ['medical', 'Doctor / medical', '医生'],
    ['businessOwner', 'Business owner', '企业主'],
    ['other', 'Other', '其他'],
  ),
  maritalStatus: list(['single', 'Never married', '未婚'], ['divorced', 'Divorced', '离异'], ['widowed', 'Widowed', '丧偶']),
  children: list(['none', 'None', '无'], ['livesWithMember', 'Yes, living with me', '有，随本人'], ['livesWithOther', 'Yes, living with the other parent', '有，随对方']),
  habitFrequency: list(['never', 'Never', '从不'], ['sometimes', 'Sometimes', '偶尔'], ['often', 'Often', '经常']),
  hobbies: list(
    ['travel', 'Travel', '旅行'],
    ['fitness', 'Sports & fitness', '运动健身'],
    ['reading', 'Reading', '阅读'],
    ['music', 'Music', '音乐'],
    ['film', 'Films', '电影'],
    ['cooking', 'Cooking & food', '美食烹饪'],
    ['photography', 'Photography', '摄影'],
    ['outdoors', 'Outdoors', '户外'],
    ['gaming', 'Games', '游戏'],
    ['pets', 'Pets', '宠物'],
    ['art', 'Art', '艺术'],
    ['dance', 'Dance', '舞蹈'],
  ),
  personality: list(
    ['outgoing', 'Outgoing', '开朗'],
    ['introverted', 'Introverted', '内向'],
    ['steady', 'Steady', '稳重'],
    ['humorous', 'Humorous', '幽默'],
    ['gentle', 'Gentle', '温柔'],
    ['independent', 'Independent', '独立'],
    ['familyMinded', 'Family-minded', '顾家'],
    ['ambitious', 'Ambitious', '上进'],
  ),
  incomeBand: list(
    ['below50k', 'Under 50k', '5万以下'],
    ['50kTo100k', '50k–100k', '5-10万'],
    ['100kTo200k', '100k–200k', '10-20万'],
    ['200kTo300k', '200k–300k', '20-30万'],
    ['300kTo500k', '300k–500k', '30-50万'],
    ['500kTo1m', '500k–1m', '50-100万'],
    ['above1m', 'Over 1m', '100万以上'],
  ),
  housing: list(['ownedNoLoan', 'Owns home, no mortgage', '有房无贷'], ['ownedWithLoan', 'Owns home with mortgage', '有房有贷'], ['none', 'No home', '无房']),
  car: list(['yes', 'Has a car', '有车'], ['no', 'No car', '无车']),
  spendingPower: list(['low', 'Modest', '一般'], ['medium', 'Comfortable', '中等'], ['high', 'High', '较高']),
  tier: list(['standard', 'Standard', '普通'], ['gold', 'Gold', '黄金'], ['diamond', 'Diamond', '钻石'], ['vip', 'VIP', 'VIP']),
  status: list(
    ['new', 'New', '新入会'],
    ['inService', 'In service', '服务中'],
    ['paused', 'Paused', '暂停'],
    ['inRelationship', 'In a relationship', '已脱单'],
    ['married', 'Married', '已结婚'],
    ['withdrawn', 'Withdrawn', '已退会'],
    ['lost', 'Lost', '流失'],
  ),
  sourceChannel: list(['store', 'Walk-in', '门店'], ['online', 'Online', '线上'], ['referral', 'Referral', '转介绍'], ['event', 'Event', '活动'], ['partner', 'Partner organisation', '合作机构']),
  ageGroup: list(['youth', 'Young', '青年'], ['middleAged', 'Middle-aged', '中年'], ['senior', 'Senior', '老年']),
  importance: list(['indifferent', "Don't care", '不在乎'], ['normal', 'Normal', '一般'], ['important', 'Important', '重要'], ['required', 'Must', '必须']),
} satisfies Record<string, Choice[]>;

export type ChoiceList = keyof typeof vocabulary;

export const isChoice = (listName: ChoiceList, value: unknown) => vocabulary[listName].some((choice) => choice.value === value);

/**
 * The agency's vocabulary: every choice list of the member archive, with its stored value and its labels.
 * Values are stable codes (the matching engine relies on them). The zh-CN label is the option label an admin sees
 * and edits, and what Excel imports and exports carry (NocoBase matches option labels literally, untranslated).
 */
export interface Choice {
  value: string;
  zh: string;
  en: string;
}

const list = (...rows: [string, string, string][]): Choice[] => rows.map(([value, zh, en]) => ({ value, zh, en }));

export const vocabulary = {
  gender: list(['male', '男', 'Male'], ['female', '女', 'Female']),
  education: list(
    ['highSchool', '高中及以下', 'High school or below'],
    ['college', '大专', 'Junior college'],
    ['bachelor', '本科', 'Bachelor'],
    ['master', '硕士', 'Master'],
    ['doctor', '博士', 'Doctorate'],
  ),
  occupationGroup: list(
    ['whiteCollar', '白领', 'White-collar'],
    ['blueCollar', '蓝领', 'Blue-collar'],
    ['freelancer', '自由职业', 'Freelancer'],
    ['civilServant', '公务员', 'Civil servant'],
    ['teacher', '教师', 'Teacher'],
    ['medical', '医生', 'Doctor / medical'],
    ['businessOwner', '企业主', 'Business owner'],
    ['other', '其他', 'Other'],
  ),
  maritalStatus: list(
    ['single', '未婚', 'Never married'],
    ['divorced', '离异', 'Divorced'],
    ['widowed', '丧偶', 'Widowed'],
  ),
  children: list(
    ['none', '无', 'None'],
    ['livesWithMember', '有，随本人', 'Yes, living with me'],
    ['livesWithOther', '有，随对方', 'Yes, living with the other parent'],
  ),
  habitFrequency: list(['never', '从不', 'Never'], ['sometimes', '偶尔', 'Sometimes'], ['often', '经常', 'Often']),
  hobbies: list(
    ['travel', '旅行', 'Travel'],
    ['fitness', '运动健身', 'Sports & fitness'],
    ['reading', '阅读', 'Reading'],
    ['music', '音乐', 'Music'],
    ['film', '电影', 'Films'],
    ['cooking', '美食烹饪', 'Cooking & food'],
    ['photography', '摄影', 'Photography'],
    ['outdoors', '户外', 'Outdoors'],
    ['gaming', '游戏', 'Games'],
    ['pets', '宠物', 'Pets'],
    ['art', '艺术', 'Art'],
    ['dance', '舞蹈', 'Dance'],
  ),
  personality: list(
    ['outgoing', '开朗', 'Outgoing'],
    ['introverted', '内向', 'Introverted'],
    ['steady', '稳重', 'Steady'],
    ['humorous', '幽默', 'Humorous'],
    ['gentle', '温柔', 'Gentle'],
    ['independent', '独立', 'Independent'],
    ['familyMinded', '顾家', 'Family-minded'],
    ['ambitious', '上进', 'Ambitious'],
  ),
  incomeBand: list(
    ['below50k', '5万以下', 'Under 50k'],
    ['50kTo100k', '5-10万', '50k–100k'],
    ['100kTo200k', '10-20万', '100k–200k'],
    ['200kTo300k', '20-30万', '200k–300k'],
    ['300kTo500k', '30-50万', '300k–500k'],
    ['500kTo1m', '50-100万', '500k–1m'],
    ['above1m', '100万以上', 'Over 1m'],
  ),
  housing: list(
    ['ownedNoLoan', '有房无贷', 'Owns home, no mortgage'],
    ['ownedWithLoan', '有房有贷', 'Owns home with mortgage'],
    ['none', '无房', 'No home'],
  ),
  car: list(['yes', '有车', 'Has a car'], ['no', '无车', 'No car']),
  spendingPower: list(['low', '一般', 'Modest'], ['medium', '中等', 'Comfortable'], ['high', '较高', 'High']),
  tier: list(
    ['standard', '普通', 'Standard'],
    ['gold', '黄金', 'Gold'],
    ['diamond', '钻石', 'Diamond'],
    ['vip', 'VIP', 'VIP'],
  ),
  status: list(
    ['new', '新入会', 'New'],
    ['inService', '服务中', 'In service'],
    ['paused', '暂停', 'Paused'],
    ['inRelationship', '已脱单', 'In a relationship'],
    ['married', '已结婚', 'Married'],
    ['withdrawn', '已退会', 'Withdrawn'],
    ['lost', '流失', 'Lost'],
  ),
  sourceChannel: list(
    ['store', '门店', 'Walk-in'],
    ['online', '线上', 'Online'],
    ['referral', '转介绍', 'Referral'],
    ['event', '活动', 'Event'],
    ['partner', '合作机构', 'Partner organisation'],
  ),
  ageGroup: list(['youth', '青年', 'Young'], ['middleAged', '中年', 'Middle-aged'], ['senior', '老年', 'Senior']),
  // Five-year bands (ages/age.ts ageBandOf): members are 18 to 100, so the first band holds 18 and 19.
  ageBand: list(
    ['under20', '20岁以下', 'Under 20'],
    ['20to24', '20–24岁', '20–24'],
    ['25to29', '25–29岁', '25–29'],
    ['30to34', '30–34岁', '30–34'],
    ['35to39', '35–39岁', '35–39'],
    ['40to44', '40–44岁', '40–44'],
    ['45to49', '45–49岁', '45–49'],
    ['50to54', '50–54岁', '50–54'],
    ['55to59', '55–59岁', '55–59'],
    ['60plus', '60岁及以上', '60 and over'],
  ),
  importance: list(
    ['indifferent', '不在乎', "Don't care"],
    ['normal', '一般', 'Normal'],
    ['important', '重要', 'Important'],
    ['required', '必须', 'Must'],
  ),
} satisfies Record<string, Choice[]>;

export type ChoiceList = keyof typeof vocabulary;

export const isChoice = (listName: ChoiceList, value: unknown) =>
  vocabulary[listName].some((choice) => choice.value === value);

/**
 * The agency's vocabulary: every choice list of the member archive, with its stored value and its label.
 * Values are stable codes (the matching engine and imports rely on them); labels are English keys,
 * shown in zh-CN through ../locale/zh-CN.json.
 */
export interface Choice {
  value: string;
  en: string;
}

const list = (...rows: [string, string][]): Choice[] => rows.map(([value, en]) => ({ value, en }));

export const vocabulary = {
  gender: list(['male', 'Male'], ['female', 'Female']),
  education: list(
    ['highSchool', 'High school or below'],
    ['college', 'Junior college'],
    ['bachelor', 'Bachelor'],
    ['master', 'Master'],
    ['doctor', 'Doctorate'],
  ),
  occupationGroup: list(
    ['whiteCollar', 'White-collar'],
    ['blueCollar', 'Blue-collar'],
    ['freelancer', 'Freelancer'],
    ['civilServant', 'Civil servant'],
    ['teacher', 'Teacher'],
    ['medical', 'Doctor / medical'],
    ['businessOwner', 'Business owner'],
    ['other', 'Other'],
  ),
  maritalStatus: list(['single', 'Never married'], ['divorced', 'Divorced'], ['widowed', 'Widowed']),
  children: list(['none', 'None'], ['livesWithMember', 'Yes, living with me'], ['livesWithOther', 'Yes, living with the other parent']),
  habitFrequency: list(['never', 'Never'], ['sometimes', 'Sometimes'], ['often', 'Often']),
  hobbies: list(
    ['travel', 'Travel'],
    ['fitness', 'Sports & fitness'],
    ['reading', 'Reading'],
    ['music', 'Music'],
    ['film', 'Films'],
    ['cooking', 'Cooking & food'],
    ['photography', 'Photography'],
    ['outdoors', 'Outdoors'],
    ['gaming', 'Games'],
    ['pets', 'Pets'],
    ['art', 'Art'],
    ['dance', 'Dance'],
  ),
  personality: list(
    ['outgoing', 'Outgoing'],
    ['introverted', 'Introverted'],
    ['steady', 'Steady'],
    ['humorous', 'Humorous'],
    ['gentle', 'Gentle'],
    ['independent', 'Independent'],
    ['familyMinded', 'Family-minded'],
    ['ambitious', 'Ambitious'],
  ),
  incomeBand: list(
    ['below50k', 'Under 50k'],
    ['50kTo100k', '50k–100k'],
    ['100kTo200k', '100k–200k'],
    ['200kTo300k', '200k–300k'],
    ['300kTo500k', '300k–500k'],
    ['500kTo1m', '500k–1m'],
    ['above1m', 'Over 1m'],
  ),
  housing: list(['ownedNoLoan', 'Owns home, no mortgage'], ['ownedWithLoan', 'Owns home with mortgage'], ['none', 'No home']),
  car: list(['yes', 'Has a car'], ['no', 'No car']),
  spendingPower: list(['low', 'Modest'], ['medium', 'Comfortable'], ['high', 'High']),
  tier: list(['standard', 'Standard'], ['gold', 'Gold'], ['diamond', 'Diamond'], ['vip', 'VIP']),
  status: list(
    ['new', 'New'],
    ['inService', 'In service'],
    ['paused', 'Paused'],
    ['inRelationship', 'In a relationship'],
    ['married', 'Married'],
    ['withdrawn', 'Withdrawn'],
    ['lost', 'Lost'],
  ),
  sourceChannel: list(['store', 'Walk-in'], ['online', 'Online'], ['referral', 'Referral'], ['event', 'Event'], ['partner', 'Partner organisation']),
  ageGroup: list(['youth', 'Young'], ['middleAged', 'Middle-aged'], ['senior', 'Senior']),
  importance: list(['indifferent', "Don't care"], ['normal', 'Normal'], ['important', 'Important'], ['required', 'Must']),
} satisfies Record<string, Choice[]>;

export type ChoiceList = keyof typeof vocabulary;

export const isChoice = (listName: ChoiceList, value: unknown) => vocabulary[listName].some((choice) => choice.value === value);

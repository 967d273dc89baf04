// The partners plugin's words: organisation types, industries, sizes, relationships and kinds of interaction, each
// with its stored value (a stable code) and its labels (zh-CN, en-US). Option labels are Chinese in both languages, as in
// the member archive: NocoBase's Excel import and export match and print option labels literally.
import { Labelled, labelsOf } from '@hongniang/plugin-core';

export const NAMESPACE = '@hongniang/plugin-partners';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

/** What kind of organisation (seed 003, issue 17). */
export const ORGANISATION_TYPES: Labelled[] = [
  { value: 'enterprise', zh: '企业', en: 'Company' },
  { value: 'weddingService', zh: '婚庆服务', en: 'Wedding services' },
  { value: 'otherAgency', zh: '其他婚介', en: 'Other matchmaking agency' },
  { value: 'community', zh: '社区', en: 'Community' },
  { value: 'school', zh: '学校', en: 'School' },
];

/** The organisation's line of business: a fixed list, so that organisations can be classified and counted by it. */
export const INDUSTRIES: Labelled[] = [
  { value: 'manufacturing', zh: '制造业', en: 'Manufacturing' },
  { value: 'finance', zh: '金融', en: 'Finance' },
  { value: 'it', zh: '信息技术', en: 'Information technology' },
  { value: 'education', zh: '教育', en: 'Education' },
  { value: 'healthcare', zh: '医疗健康', en: 'Healthcare' },
  { value: 'publicSector', zh: '政府与事业单位', en: 'Government and public institutions' },
  { value: 'retail', zh: '零售与生活服务', en: 'Retail and consumer services' },
  { value: 'wedding', zh: '婚庆与婚恋', en: 'Weddings and matchmaking' },
  { value: 'realEstate', zh: '房地产与建筑', en: 'Real estate and construction' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/**
 * By headcount (人数): under 300 small, 300–999 medium, 1 000 or more large — the headcount bands of China's statistical
 * size classes for industry (国家统计局, 2017), micro counted as small. Plain labels, so a spreadsheet can say 中型.
 */
export const SIZES: (Labelled & { from: number; to: number })[] = [
  { value: 'small', zh: '小型', en: 'Small', from: 1, to: 299 },
  { value: 'medium', zh: '中型', en: 'Medium', from: 300, to: 999 },
  { value: 'large', zh: '大型', en: 'Large', from: 1000, to: Infinity },
];

/** Where the agency stands with the organisation. */
export const RELATIONSHIPS: Labelled[] = [
  { value: 'longTerm', zh: '长期合作', en: 'Long-term partner' },
  { value: 'potential', zh: '潜在', en: 'Potential' },
  { value: 'lost', zh: '已流失', en: 'Lost' },
];

/** How the agency was in touch with the organisation. */
export const INTERACTION_KINDS: Labelled[] = [
  { value: 'visit', zh: '拜访', en: 'Visit' },
  { value: 'call', zh: '电话', en: 'Phone call' },
  { value: 'wechat', zh: '微信', en: 'WeChat' },
  { value: 'meeting', zh: '会议洽谈', en: 'Meeting' },
  { value: 'jointEvent', zh: '联合活动', en: 'Joint event' },
  { value: 'referral', zh: '转介会员', en: 'Member referral' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/** The size band of a headcount. */
export const sizeOf = (headcount: number) =>
  SIZES.find((size) => headcount >= size.from && headcount <= size.to)!.value;

/** An option's label in the caller's language (its value when it is not one of the options). */
export const labelOf = (options: Labelled[], value: unknown, locale: string) => {
  const option = options.find((candidate) => candidate.value === value);
  if (!option) return String(value ?? '');
  return locale.startsWith('en') ? option.en : option.zh;
};

// The introductions plugin's words: stages, end reasons, consent answers and channels, each with its stored value and labels.

import { Labelled, labelsOf } from '@hongniang/plugin-core';
export const NAMESPACE = '@hongniang/plugin-introductions';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

export type { Labelled };

/** An introduction's stages, in the order it moves through them (ended may come from any open stage). */
export const STAGES: Labelled[] = [
  { value: 'recommendedToA', zh: '推荐给甲方', en: 'Recommended to side A' },
  { value: 'recommendedToB', zh: '推荐给乙方', en: 'Recommended to side B' },
  { value: 'bothAgreed', zh: '双方同意', en: 'Both agreed' },
  { value: 'met', zh: '已约见', en: 'Met' },
  { value: 'dating', zh: '交往中', en: 'Dating' },
  { value: 'committed', zh: '确定关系', en: 'In a relationship' },
  { value: 'engaged', zh: '订婚', en: 'Engaged' },
  { value: 'married', zh: '结婚', en: 'Married' },
  { value: 'ended', zh: '终止', en: 'Ended' },
];

export const END_REASONS: Labelled[] = [
  { value: 'sideDeclined', zh: '一方拒绝', en: 'A side declined' },
  { value: 'notContinuingAfterDate', zh: '约会后不继续', en: 'Not continuing after a date' },
  { value: 'lostContact', zh: '失联', en: 'Lost contact' },
  { value: 'memberLeft', zh: '会员退会', en: 'A member left the agency' },
  { value: 'other', zh: '其他', en: 'Other' },
];

export const ANSWERS: Labelled[] = [
  { value: 'considering', zh: '考虑中', en: 'Considering' },
  { value: 'agreed', zh: '同意', en: 'Agreed' },
  { value: 'declined', zh: '拒绝', en: 'Declined' },
];

export const CHANNELS: Labelled[] = [
  { value: 'phone', zh: '电话', en: 'Phone' },
  { value: 'wechat', zh: '微信', en: 'WeChat' },
  { value: 'inPerson', zh: '面谈', en: 'In person' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/** Where a history row comes from: a stage change, or a side's answer recorded (the consent history). */
export const HISTORY_EVENTS: Labelled[] = [
  { value: 'stage', zh: '阶段变更', en: 'Stage change' },
  { value: 'consent', zh: '意愿记录', en: 'Consent recorded' },
];

// The introductions plugin's words: stages, end reasons, consent answers and channels, date statuses and feedback, each
// with its stored value and labels.

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

/** A date's status: 已安排 until it takes place or not; the other three close it (final, hooks/date-rules.ts). */
export const DATE_STATUSES: (Labelled & { color: string })[] = [
  { value: 'scheduled', zh: '已安排', en: 'Scheduled', color: 'blue' },
  { value: 'completed', zh: '已完成', en: 'Completed', color: 'green' },
  { value: 'cancelled', zh: '取消', en: 'Cancelled', color: 'default' },
  { value: 'noShow', zh: '爽约', en: 'No-show', color: 'red' },
];

/** The statuses in which a date takes its members' time: two such dates of one member may not overlap. */
export const TIME_TAKING_STATUSES = ['scheduled', 'completed'];

/** A date's two sides, as its no-show field names them: the introduction's 甲方 and 乙方. */
export const DATE_SIDES: Labelled<'memberA' | 'memberB'>[] = [
  { value: 'memberA', zh: '甲方', en: 'Side A' },
  { value: 'memberB', zh: '乙方', en: 'Side B' },
];

/** Whether a member wants to see the other again after a date. */
export const CONTINUE_ANSWERS: Labelled[] = [
  { value: 'yes', zh: '愿意继续', en: 'Wants to continue' },
  { value: 'no', zh: '不继续', en: 'Does not continue' },
  { value: 'undecided', zh: '待定', en: 'Undecided' },
];

/** What a member's feedback is about (several at once). */
export const FEEDBACK_REASONS: Labelled[] = [
  { value: 'appearance', zh: '外貌', en: 'Appearance' },
  { value: 'personality', zh: '性格', en: 'Personality' },
  { value: 'values', zh: '价值观', en: 'Values' },
  { value: 'finances', zh: '经济条件', en: 'Finances' },
  { value: 'family', zh: '家庭', en: 'Family' },
  { value: 'communication', zh: '沟通', en: 'Communication' },
  { value: 'other', zh: '其他', en: 'Other' },
];

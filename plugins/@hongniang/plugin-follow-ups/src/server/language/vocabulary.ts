// The follow-ups plugin's words: follow-up channels and types, reminder kinds and states, each with its stored value and
// labels (zh-CN, en-US).
import { Labelled, labelsOf } from '@hongniang/plugin-core';

export const NAMESPACE = '@hongniang/plugin-follow-ups';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

export type { Labelled };

/** How a member was reached (seed 004: 电话/面谈/微信/App/邮件). */
export const FOLLOW_UP_CHANNELS: Labelled[] = [
  { value: 'phone', zh: '电话', en: 'Phone' },
  { value: 'inPerson', zh: '面谈', en: 'In person' },
  { value: 'wechat', zh: '微信', en: 'WeChat' },
  { value: 'app', zh: 'App', en: 'App' },
  { value: 'email', zh: '邮件', en: 'E-mail' },
];

/** Why she was reached: a type closes the reminders it answers (reminders/closing.ts). */
export const FOLLOW_UP_TYPES: Labelled[] = [
  { value: 'regular', zh: '常规回访', en: 'Regular follow-up' },
  { value: 'afterDate', zh: '约会后回访', en: 'After a date' },
  { value: 'birthday', zh: '生日祝福', en: 'Birthday wishes' },
  { value: 'holiday', zh: '节日问候', en: 'Holiday greetings' },
  { value: 'renewal', zh: '续费提醒', en: 'Renewal' },
  { value: 'deepInterview', zh: '深度访谈', en: 'In-depth interview' },
];

/** What a reminder is about: one NocoBase workflow per kind delivers it (src/server/workflows). */
export const REMINDER_KINDS: Labelled[] = [
  { value: 'followUpDue', zh: '到期回访', en: 'Follow-up due' },
  { value: 'noContact', zh: '久未联系', en: 'No contact for too long' },
  { value: 'newMemberNoContact', zh: '新会员未联系', en: 'New member not contacted' },
  { value: 'dateTomorrow', zh: '明日约会', en: 'Date tomorrow' },
  { value: 'collectFeedback', zh: '约会反馈回访', en: 'Collect date feedback' },
  { value: 'birthday', zh: '会员生日', en: 'Birthday' },
  { value: 'membershipEnding', zh: '会籍将到期', en: 'Membership ending' },
  { value: 'deepInterview', zh: '深度访谈', en: 'In-depth interview due' },
  { value: 'stageWaiting', zh: '牵线停滞', en: 'Introduction waiting' },
  // Swept by the events plugin's kind (its matchmakers' members are invited to an event tomorrow).
  { value: 'eventTomorrow', zh: '明日活动', en: 'Event tomorrow' },
  // Swept by the contracts plugin's kinds (a contract ending with introductions owed; a complaint past its due day).
  { value: 'contractEnding', zh: '合同将到期', en: 'Contract ending' },
  { value: 'complaintOverdue', zh: '投诉逾期', en: 'Complaint overdue' },
];

export const REMINDER_STATUSES: Labelled[] = [
  { value: 'open', zh: '待处理', en: 'Open' },
  { value: 'closed', zh: '已完成', en: 'Closed' },
];

/** Why a reminder closed. */
export const CLOSE_REASONS: Labelled[] = [
  { value: 'followUp', zh: '已回访', en: 'Followed up' },
  { value: 'date', zh: '约会已处理', en: 'Date handled' },
  { value: 'feedback', zh: '已收到反馈', en: 'Feedback received' },
  { value: 'stageMoved', zh: '牵线已推进', en: 'Introduction moved on' },
  { value: 'obsolete', zh: '情况已变化', en: 'No longer applies' },
  { value: 'manual', zh: '手动关闭', en: 'Closed by hand' },
];

export const labelOf = (options: Labelled[], value: unknown, locale = 'zh-CN') => {
  const option = options.find((known) => known.value === value);
  return option ? option[locale.startsWith('en') ? 'en' : 'zh'] : String(value ?? '');
};

// The contracts plugin's words: a contract's states, payment methods, the stages that count as delivered, the refund
// rules, complaint categories, channels, states and satisfaction; each with its stored value and labels (zh-CN, en-US).
// Packages are the members' tiers (plugin-members' vocabulary): a contract's package becomes the member's tier.
import { Labelled, labelsOf } from '@hongniang/plugin-core';
import { vocabulary } from '@hongniang/plugin-members';

export const NAMESPACE = '@hongniang/plugin-contracts';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

export type { Labelled };

/** What was bought: the members' tiers (普通/黄金/钻石/VIP). */
export const PACKAGES: Labelled[] = vocabulary.tier;

/**
 * Where a contract stands. 待签 (drafted, not signed), 冷静期 (signed, within the cooling-off days), 生效 (in force),
 * 已完成 (term over or every introduction delivered), 已终止 (ended early), 已退款 (ended and the refund paid).
 */
export const CONTRACT_STATUSES: Labelled[] = [
  { value: 'pending', zh: '待签', en: 'To be signed' },
  { value: 'coolingOff', zh: '冷静期', en: 'Cooling-off' },
  { value: 'active', zh: '生效', en: 'In force' },
  { value: 'completed', zh: '已完成', en: 'Completed' },
  { value: 'terminated', zh: '已终止', en: 'Terminated' },
  { value: 'refunded', zh: '已退款', en: 'Refunded' },
];

/** A contract the agency is serving now: it decides the member's tier and expiry (hooks/member-follows-contract.ts). */
export const IN_FORCE = ['coolingOff', 'active'];

/** A contract that was signed and served at some time (not a draft, not refunded in full): her join date counts from it. */
export const EVER_SERVED = ['coolingOff', 'active', 'completed', 'terminated'];

/** A contract that ended early: the refund proposal applies to it. */
export const ENDED_EARLY = ['terminated', 'refunded'];

export const PAYMENT_METHODS: Labelled[] = [
  { value: 'bankTransfer', zh: '银行转账', en: 'Bank transfer' },
  { value: 'wechatPay', zh: '微信支付', en: 'WeChat Pay' },
  { value: 'alipay', zh: '支付宝', en: 'Alipay' },
  { value: 'card', zh: '刷卡', en: 'Card' },
  { value: 'cash', zh: '现金', en: 'Cash' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/** A payment (positive amount) or a refund (negative), set by the server from the amount's sign. */
export const PAYMENT_KINDS: Labelled[] = [
  { value: 'payment', zh: '收款', en: 'Payment' },
  { value: 'refund', zh: '退款', en: 'Refund' },
];

/**
 * The introductions' stages in their order (plugin-introductions, docs/introductions.md): an introduction counts as
 * delivered once it reached the agency's counting stage or any later one (终止 is not a step of that order: an
 * introduction ended after reaching the counting stage still counts).
 */
export const STAGE_ORDER: Labelled[] = [
  { value: 'recommendedToA', zh: '推荐给甲方', en: 'Recommended to side A' },
  { value: 'recommendedToB', zh: '推荐给乙方', en: 'Recommended to side B' },
  { value: 'bothAgreed', zh: '双方同意', en: 'Both agreed' },
  { value: 'met', zh: '已约见', en: 'Met' },
  { value: 'dating', zh: '交往中', en: 'Dating' },
  { value: 'committed', zh: '确定关系', en: 'In a relationship' },
  { value: 'engaged', zh: '订婚', en: 'Engaged' },
  { value: 'married', zh: '结婚', en: 'Married' },
];

/** The stages from `stage` on, in order: those that count when `stage` is the counting stage. */
export const stagesFrom = (stage: string): string[] => {
  const at = STAGE_ORDER.findIndex((option) => option.value === stage);
  return STAGE_ORDER.slice(at < 0 ? 1 : at).map((option) => option.value);
};

/**
 * How a refund after the cooling-off period is computed (ledger/refund.ts): the share not delivered is that of the
 * introductions (promised − delivered) / promised, of the term (days left / days of the term), or the smaller or the
 * larger of the two.
 */
export const REFUND_RULES: Labelled[] = [
  { value: 'introductions', zh: '按未提供的介绍次数比例', en: 'By the share of introductions not delivered' },
  { value: 'term', zh: '按剩余服务期比例', en: 'By the share of the term left' },
  { value: 'lesser', zh: '取两者中较小者', en: 'The smaller of the two shares' },
  { value: 'greater', zh: '取两者中较大者', en: 'The larger of the two shares' },
];

export const COMPLAINT_CATEGORIES: Labelled[] = [
  { value: 'attitude', zh: '服务态度', en: 'Service attitude' },
  { value: 'matchQuality', zh: '推荐质量', en: 'Quality of introductions' },
  { value: 'privacy', zh: '隐私', en: 'Privacy' },
  { value: 'fees', zh: '收费', en: 'Fees' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/** How a complaint or suggestion reached the agency. */
export const COMPLAINT_CHANNELS: Labelled[] = [
  { value: 'phone', zh: '电话', en: 'Phone' },
  { value: 'inPerson', zh: '面谈', en: 'In person' },
  { value: 'wechat', zh: '微信', en: 'WeChat' },
  { value: 'app', zh: 'App', en: 'App' },
  { value: 'email', zh: '邮件', en: 'E-mail' },
  { value: 'letter', zh: '信件', en: 'Letter' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/** 待处理 → 处理中 → 已答复 (the member has the agency's answer) → 已关闭. */
export const COMPLAINT_STATUSES: Labelled[] = [
  { value: 'open', zh: '待处理', en: 'Open' },
  { value: 'inProgress', zh: '处理中', en: 'In progress' },
  { value: 'answered', zh: '已答复', en: 'Answered' },
  { value: 'closed', zh: '已关闭', en: 'Closed' },
];

/** A complaint still waiting for the agency's answer: it can fall overdue. */
export const UNANSWERED = ['open', 'inProgress'];

/** The member's satisfaction with the answer. */
export const SATISFACTION: Labelled[] = [
  { value: 'verySatisfied', zh: '非常满意', en: 'Very satisfied' },
  { value: 'satisfied', zh: '满意', en: 'Satisfied' },
  { value: 'neutral', zh: '一般', en: 'Neutral' },
  { value: 'dissatisfied', zh: '不满意', en: 'Dissatisfied' },
  { value: 'veryDissatisfied', zh: '非常不满意', en: 'Very dissatisfied' },
];

/** The label of `value` among `options` in `locale` ('zh-CN' unless English), or the value itself when unknown. */
export const labelOf = (options: Labelled[], value: unknown, locale = 'zh-CN') => {
  const option = options.find((known) => known.value === value);
  return option ? option[locale.startsWith('en') ? 'en' : 'zh'] : String(value ?? '');
};

// The matching plugin's words: criteria, combinations and suggestion statuses, each with its stored value and labels.
import { Labelled, labelsOf } from '@hongniang/plugin-core';
import { CRITERIA, Combination, Criterion } from '@hongniang/matching-engine';

export const NAMESPACE = '@hongniang/plugin-matching';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

export type { Labelled };

export const CRITERION_LABELS: Record<Criterion, { zh: string; en: string }> = {
  age: { zh: '年龄', en: 'Age' },
  height: { zh: '身高', en: 'Height' },
  education: { zh: '学历', en: 'Education' },
  maritalStatus: { zh: '婚姻状况', en: 'Marital status' },
  children: { zh: '子女情况', en: 'Children' },
  income: { zh: '收入', en: 'Income' },
  region: { zh: '地区', en: 'Region' },
  hobbies: { zh: '兴趣爱好', en: 'Hobbies' },
  personality: { zh: '性格', en: 'Personality' },
  smoking: { zh: '吸烟', en: 'Smoking' },
};

export const criterionLabel = (criterion: Criterion, locale: string) =>
  CRITERION_LABELS[criterion][locale.startsWith('en') ? 'en' : 'zh'];

export const COMBINATIONS: Labelled<Combination>[] = [
  { value: 'harmonic', zh: '调和平均（默认）', en: 'Harmonic mean (default)' },
  { value: 'geometric', zh: '几何平均', en: 'Geometric mean' },
  { value: 'minimum', zh: '取两者较低', en: 'The lower of the two' },
  { value: 'arithmetic', zh: '算术平均', en: 'Arithmetic mean' },
];

/** A suggestion's life: open until the matchmaker acts; a declined pair is never suggested again. */
export const SUGGESTION_STATUSES: Labelled[] = [
  { value: 'open', zh: '待处理', en: 'Open' },
  { value: 'accepted', zh: '已采纳', en: 'Taken up' },
  { value: 'dismissed', zh: '不合适', en: 'Not suitable' },
  { value: 'declined', zh: '一方拒绝', en: 'Declined by a side' },
];

/** Which side declined a suggestion (一方拒绝): her answer is a no about the other, which matching learns from. */
export const DECLINING_SIDES: Labelled[] = [
  { value: 'member', zh: '会员本人', en: 'The member' },
  { value: 'candidate', zh: '推荐对象', en: 'The candidate' },
];

export const SUGGESTION_ORIGINS: Labelled[] = [
  { value: 'matchmaker', zh: '红娘匹配', en: 'Found by a matchmaker' },
  { value: 'batch', zh: '批量匹配', en: 'Batch run' },
];

/** Why a candidate is left out of a search (meta.excluded), in people's words. */
export const EXCLUSION_REASONS: Record<string, { zh: string; en: string }> = {
  self: { zh: '本人', en: 'the member herself' },
  sameGender: { zh: '同性或性别未填', en: 'same gender, or gender unknown' },
  notRecommendable: { zh: '目前不可推荐', en: 'not available to be recommended' },
  doNotRecommend: { zh: '标记为勿推荐', en: 'marked do-not-recommend' },
  notInService: { zh: '不在服务中', en: 'not in service' },
  notConsented: { zh: '未同意被推荐', en: 'no consent to be recommended' },
  alreadySuggested: { zh: '这一对已有推荐记录', en: 'the pair has a suggestion already' },
  declinedBefore: { zh: '这一对曾被一方拒绝', en: 'the pair was declined before' },
  // Given by another feature through plugin-core's excludePairs (plugin-introductions).
  inIntroduction: { zh: '这一对正在牵线中', en: 'the pair is in an introduction' },
  introductionDeclined: { zh: '这一对的牵线被一方拒绝', en: "the pair's introduction was declined by a side" },
  dateDeclined: { zh: '这一对约会后一方不愿继续', en: 'a side did not want to continue after a date' },
  introductionEnded: { zh: '这一对的牵线已结束', en: "the pair's introduction has ended" },
  hardFilter: { zh: '不满足一方的“必须”条件', en: 'fails a criterion one side requires' },
  belowMinimum: { zh: '低于最低匹配度', en: 'below the minimum score' },
};

/** A weight proposal's life: proposed by matching, then accepted (applied) or declined by the matchmaker; an accepted one may be reverted. */
export const PROPOSAL_STATUSES: Labelled[] = [
  { value: 'proposed', zh: '待确认', en: 'Proposed' },
  { value: 'accepted', zh: '已采纳', en: 'Accepted' },
  { value: 'declined', zh: '未采纳', en: 'Declined' },
  { value: 'reverted', zh: '已撤销', en: 'Reverted' },
];

/** The criteria as options (a weight proposal's criterion). */
export const CRITERION_OPTIONS: Labelled<Criterion>[] = CRITERIA.map((criterion) => ({
  value: criterion,
  ...CRITERION_LABELS[criterion],
}));

/** The weight fields, one per criterion, on the settings (agency) and on partner preferences (one member). */
export const weightField = (criterion: Criterion) => `${criterion}Weight`;

export { CRITERIA };

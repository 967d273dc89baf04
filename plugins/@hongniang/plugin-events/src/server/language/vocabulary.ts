// The events plugin's words: event types and states, the answers to an invitation, each with its stored value and its
// labels (zh-CN, en-US). Interest tags and genders are the member archive's own (plugin-members' vocabulary).
import { Labelled, labelsOf } from '@hongniang/plugin-core';
import { vocabulary } from '@hongniang/plugin-members';

export const NAMESPACE = '@hongniang/plugin-events';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

export type { Labelled };

/** What kind of event (seeds 000/004: themed salons, outings, talks). */
export const EVENT_TYPES: Labelled[] = [
  { value: 'salon', zh: '沙龙', en: 'Salon' },
  { value: 'outdoor', zh: '户外', en: 'Outing' },
  { value: 'talk', zh: '讲座', en: 'Talk' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/** Where an event stands: planned (being prepared), open (inviting), closed (full or over), cancelled. */
export const EVENT_STATUSES: Labelled[] = [
  { value: 'planned', zh: '筹备中', en: 'Planned' },
  { value: 'open', zh: '报名中', en: 'Open' },
  { value: 'closed', zh: '已结束', en: 'Closed' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled' },
];

/** A member's answer to an invitation: only 参加 takes a seat (capacity). */
export const RSVPS: Labelled[] = [
  { value: 'pending', zh: '待回复', en: 'Awaiting reply' },
  { value: 'attending', zh: '参加', en: 'Attending' },
  { value: 'declined', zh: '不参加', en: 'Not attending' },
];

/** The interest tags an event carries: the members' hobbies, so an event and a member are compared value by value. */
export const INTEREST_TAGS: Labelled[] = vocabulary.hobbies;

/** Who an event is for, when it is for one gender only. */
export const GENDERS: Labelled[] = vocabulary.gender;

/** The label of `value` among `options` in `locale` ('zh-CN' unless English), or the value itself when unknown. */
export const labelOf = (options: Labelled[], value: unknown, locale = 'zh-CN') => {
  const option = options.find((known) => known.value === value);
  return option ? option[locale.startsWith('en') ? 'en' : 'zh'] : String(value ?? '');
};

// The readable parts of a service summary, written once when it is drafted (a sent summary keeps the words it was sent
// with): the stages her introductions reached, and both sides' feedback on each date she held.
import { Language } from '@hongniang/plugin-core';
import { dayOf } from '@hongniang/plugin-follow-ups';
import { DateHeld, FeedbackGiven } from './member-figures';

type Option = { value: string; label?: string; labelEn?: string };

/** The options of an option field as its collection defines them (in their order), labelled in `language`. */
export function optionLabels(db: any, collection: string, field: string, language: Language): Map<string, string> {
  const options: Option[] = db.getCollection(collection)?.getField(field)?.options?.uiSchema?.enum || [];
  const english = language.locale.startsWith('en');
  return new Map(options.map((option) => [option.value, (english && option.labelEn) || option.label || option.value]));
}

/** "双方同意 1、交往中 1", in the introductions' stage order; null when none was reached. */
export function stagesText(db: any, reached: Map<string, number>, language: Language): string | null {
  const labels = optionLabels(db, 'introductions', 'stage', language);
  const order = [...labels.keys()];
  const stages = [...reached.entries()].sort(
    ([a], [b]) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1),
  );
  return stages.length ? language.list(stages.map(([stage, n]) => `${labels.get(stage) ?? stage} ${n}`)) : null;
}

/** One side's feedback in words: satisfaction, whether she wants to continue, her comment. */
function feedbackWords(given: FeedbackGiven | undefined, continueLabels: Map<string, string>, language: Language) {
  if (!given) return language.t('not given yet');
  const parts = [
    given.satisfaction == null
      ? language.t('satisfaction not given')
      : language.t('satisfaction {{score}}/5', { score: given.satisfaction }),
    ...(given.wantsToContinue ? [continueLabels.get(given.wantsToContinue) ?? given.wantsToContinue] : []),
    ...(given.comment?.trim() ? [language.t('“{{comment}}”', { comment: given.comment.trim() })] : []),
  ];
  return language.list(parts);
}

/**
 * Per date, in the order they took place: "2026-11-08 与 王五 约会" then 对方评价 and 本人评价, each on its line; null
 * when she held no date in the month.
 */
export function feedbackText(db: any, dates: DateHeld[], timeZone: string, language: Language): string | null {
  if (!dates.length) return null;
  const continueLabels = optionLabels(db, 'dateFeedback', 'wantsToContinue', language);
  return dates
    .map((date) =>
      [
        language.t('{{day}} date with {{other}}', { day: dayOf(date.startsAt, timeZone), other: date.otherName }),
        language.t('The other side’s feedback: {{feedback}}', {
          feedback: feedbackWords(date.theirs, continueLabels, language),
        }),
        language.t('Her own feedback: {{feedback}}', { feedback: feedbackWords(date.hers, continueLabels, language) }),
      ].join('\n'),
    )
    .join('\n\n');
}

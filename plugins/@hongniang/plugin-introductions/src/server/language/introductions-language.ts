import { Language, languageOf } from '@hongniang/plugin-core';
import { Labelled, NAMESPACE } from './vocabulary';

/** The caller's language for this plugin's messages (src/locale): a middleware passes `{ context: ctx }`, a hook its options. */
export const introductionsLanguage = (source: { context?: any } | undefined) => languageOf(source, NAMESPACE);

/** An option's label in the caller's language (its value when unknown). */
export const optionLabel = (language: Language, options: Labelled[], value: unknown) => {
  const option = options.find((known) => known.value === value);
  return option ? option[language.locale.startsWith('en') ? 'en' : 'zh'] : String(value);
};

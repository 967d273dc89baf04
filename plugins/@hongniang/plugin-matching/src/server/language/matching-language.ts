import { Language, languageOf } from '@hongniang/plugin-core';
import { NAMESPACE } from './vocabulary';

/** The caller's language for this plugin's messages (src/locale): a middleware passes `{ context: ctx }`, a hook its options. */
export const matchingLanguage = (source: { context?: any } | undefined) => languageOf(source, NAMESPACE);

/** A vocabulary entry's label (`{ zh, en }`) in the caller's language, as criterionLabel picks it. */
export const labelIn = (language: Language, labelled: { zh: string; en: string }) =>
  labelled[language.locale.startsWith('en') ? 'en' : 'zh'];

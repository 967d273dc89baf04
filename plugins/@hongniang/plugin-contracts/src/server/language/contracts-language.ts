import { languageOf } from '@hongniang/plugin-core';
import { NAMESPACE } from './vocabulary';

/** The caller's language for this plugin's messages (src/locale): a middleware passes `{ context: ctx }`, a hook its options. */
export const contractsLanguage = (source: { context?: any } | undefined) => languageOf(source, NAMESPACE);

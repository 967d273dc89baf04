import { languageOf, Refusal } from '@hongniang/plugin-core';
import { NAMESPACE } from './privacy-levels';

/** The caller's language for this plugin's messages (src/locale): a middleware passes `{ context: ctx }`, a hook its options. */
export const accessLanguage = (source: { context?: any } | undefined) => languageOf(source, NAMESPACE);

/** A request refused for what the caller may not see or write, naming the field (HTTP 403, `HONGNIANG_FORBIDDEN_FIELD`). */
export const forbidden = (field: string, message: string) =>
  new Refusal(message, { field, status: 403, code: 'HONGNIANG_FORBIDDEN_FIELD' });

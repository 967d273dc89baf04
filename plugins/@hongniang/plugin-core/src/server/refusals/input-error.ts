import { fieldTitle } from './translations';

/** A refusal of bad input, naming the field, in the caller's language; NocoBase's error handler answers it with HTTP 400. */
export class MemberInputError extends Error {
  status = 400;
  code = 'HONGNIANG_INVALID_INPUT';

  constructor(
    readonly field: string,
    readonly messages: { 'zh-CN': string; 'en-US': string },
    locale = 'zh-CN',
  ) {
    super(locale.startsWith('en') ? messages['en-US'] : messages['zh-CN']);
  }
}

/** The language of the request behind a database operation, when there is one (NocoBase passes it as `context`). */
export function localeOf(options: any): string {
  const ctx = options?.context;
  return ctx?.getCurrentLocale?.() || ctx?.get?.('x-locale') || 'zh-CN';
}

/** Builds the refusal of one field's value, with the field named as people see it in each language. */
export function refuseField(collection: any, field: string, locale: string, say: (title: string, english: boolean) => string) {
  const title = (lang: string) => fieldTitle(collection, field, lang);
  return new MemberInputError(field, { 'zh-CN': say(title('zh-CN'), false), 'en-US': say(title('en-US'), true) }, locale);
}

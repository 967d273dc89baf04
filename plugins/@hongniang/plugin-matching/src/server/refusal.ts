import { MemberInputError } from '@hongniang/plugin-core';

/** A refusal in the caller's language with its HTTP status (400 bad input, 403 out of her reach, 404 no such member). */
export class MatchingRefusal extends MemberInputError {
  constructor(status: 400 | 403 | 404, field: string, messages: { 'zh-CN': string; 'en-US': string }, locale: string) {
    super(field, messages, locale);
    this.status = status;
  }
}

import { MemberInputError } from '@hongniang/plugin-core';

/** A request refused for what the caller may not see or write, in her language, naming the field (HTTP 403). */
export class AccessRefusal extends MemberInputError {
  code = 'HONGNIANG_FORBIDDEN_FIELD';

  constructor(field: string, messages: { 'zh-CN': string; 'en-US': string }, locale: string) {
    super(field, messages, locale);
    this.status = 403;
  }
}

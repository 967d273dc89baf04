import { fieldTitle, Language } from './language';

/** 400 bad input, 403 out of the caller's reach, 404 no such record, 409 in conflict with what is stored. */
export type RefusalStatus = 400 | 403 | 404 | 409;

/** What a refusal names besides its message: the field (or, for a whole row, the collection or key), status and code. */
export interface RefusalOptions {
  field: string;
  /** HTTP status NocoBase's error handler answers with; 400 unless given. */
  status?: RefusalStatus;
  /** Machine-readable reason in the answer (`errors[0].code`); `HONGNIANG_INVALID_INPUT` unless given. */
  code?: string;
}

/**
 * A request refused with a sentence the caller can act on, in her language (build it with `languageOf(...).t`, from the
 * throwing plugin's locale files). NocoBase's error handler answers `{ errors: [{ message, code }] }` with its status.
 */
export class Refusal extends Error {
  readonly field: string;
  status: RefusalStatus;
  code: string;

  constructor(message: string, { field, status = 400, code = 'HONGNIANG_INVALID_INPUT' }: RefusalOptions) {
    super(message);
    this.field = field;
    this.status = status;
    this.code = code;
  }
}

/**
 * The refusal (400) of one field's value: `key` is a sentence of the language's namespace whose `{{field}}` is the field's
 * title as people see it; `values` fills its other placeholders.
 */
export function refuseField(
  collection: any,
  field: string,
  language: Language,
  key: string,
  values: Record<string, unknown> = {},
) {
  return new Refusal(language.t(key, { field: fieldTitle(collection, field, language), ...values }), { field });
}

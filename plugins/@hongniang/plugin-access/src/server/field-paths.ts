// Field names as a request spells them, resolved against a collection's real fields before anything reads them.
// SQLite and MariaDB match column names case-insensitively, so `IncomeBand` would reach `incomeBand` in SQL while
// every check comparing names by spelling let it through: a name that is not exactly a field is refused here (400).
import { collectionTitle, MemberInputError } from '@hongniang/plugin-core';
import { fieldOfKey } from './request-fields';

/** Field types whose value is a JSON document: a path may go on inside it (`breakdown.income`). */
const JSON_TYPES = new Set(['json', 'jsonb']);

/** A refusal of a field reference that names no field of the collection (HTTP 400), in the caller's language. */
export class UnknownFieldError extends MemberInputError {
  code = 'HONGNIANG_UNKNOWN_FIELD';

  constructor(collection: any, name: string, locale: string) {
    super(
      name,
      {
        'zh-CN': `「${name}」不是数据表「${collectionTitle(collection, 'zh-CN')}」（${collection?.name}）的字段，请求未执行（字段名区分大小写）`,
        'en-US': `“${name}” is not a field of the collection ${collectionTitle(collection, 'en-US')} (${collection?.name}); nothing was done (field names are case-sensitive)`,
      },
      locale,
    );
  }
}

/**
 * The field a name refers to in `collection`, spelled exactly: a field (`incomeBand`), a belongsTo's foreign key
 * (`matchmakerId` → `matchmaker`) or another stored attribute (`id`). Throws UnknownFieldError (400) for anything else.
 */
export function knownFieldName(collection: any, name: string, locale: string): string {
  if (collection.getField(name)) return name;
  if (Object.prototype.hasOwnProperty.call(collection.model.getAttributes(), name)) return fieldOfKey(collection, name);
  throw new UnknownFieldError(collection, name, locale);
}

/** Whether the rest of a path after this field lies inside its JSON value rather than in another collection. */
export const holdsJson = (collection: any, fieldName: string) => JSON_TYPES.has(collection.getField(fieldName)?.type);

/** A dotted reference as a list of steps; appends may carry options in brackets (`roles(sort=name)`), which are not names. */
export const pathOf = (reference: unknown) =>
  String(reference)
    .replace(/\(.*$/, '')
    .split('.')
    .filter((step) => step !== '');

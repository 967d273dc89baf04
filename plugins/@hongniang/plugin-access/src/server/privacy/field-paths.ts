// Field names as a request spells them, resolved against a collection's real fields before anything reads them.
// SQLite and MariaDB match column names case-insensitively, so `IncomeBand` would reach `incomeBand` in SQL while
// every check comparing names by spelling let it through: a name that is not exactly a field is refused here (400).
import { collectionTitle, Language, Refusal } from '@hongniang/plugin-core';
import { fieldOfKey } from './request-fields';

/** Field types whose value is a JSON document: a path may go on inside it (`breakdown.income`). */
const JSON_TYPES = new Set(['json', 'jsonb']);

/** The refusal of a field reference that names no field of the collection (HTTP 400, `HONGNIANG_UNKNOWN_FIELD`). */
export function unknownField(collection: any, name: string, language: Language) {
  const collectionName = collection?.name;
  const message = language.t(
    '“{{field}}” is not a field of the collection {{collection}} ({{collectionName}}); nothing was done (field names are case-sensitive)',
    { field: name, collection: collectionTitle(collection, language), collectionName },
  );
  return new Refusal(message, { field: name, code: 'HONGNIANG_UNKNOWN_FIELD' });
}

/**
 * The field a name refers to in `collection`, spelled exactly: a field (`incomeBand`), a belongsTo's foreign key
 * (`matchmakerId` → `matchmaker`) or another stored attribute (`id`). Throws unknownField's refusal (400) for anything else.
 */
export function knownFieldName(collection: any, name: string, language: Language): string {
  if (collection.getField(name)) return name;
  if (Object.prototype.hasOwnProperty.call(collection.model.getAttributes(), name)) return fieldOfKey(collection, name);
  throw unknownField(collection, name, language);
}

/** Whether the rest of a path after this field lies inside its JSON value rather than in another collection. */
export const holdsJson = (collection: any, fieldName: string) => JSON_TYPES.has(collection.getField(fieldName)?.type);

/** A dotted reference as a list of steps; appends may carry options in brackets (`roles(sort=name)`), which are not names. */
export const pathOf = (reference: unknown) =>
  String(reference)
    .replace(/\(.*$/, '')
    .split('.')
    .filter((step) => step !== '');

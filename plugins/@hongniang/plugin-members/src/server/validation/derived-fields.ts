// Values our code derives (age from the birth date, age group from the agency's bands, when the status changed; later,
// counters that processes keep) are read-only to callers: a request may send one back unchanged, as forms do, but never set it.
import { fieldTitle, Language, refuseField, sameValue } from '@hongniang/plugin-core';

const DERIVED = new Map<string, Map<string, string>>();

/**
 * Declares a field whose value our code derives, with the field(s) it comes from (named in the refusal). Other plugins
 * declare theirs in `load()`; a collection that has derived fields must call `takeBackDerivedValues` and
 * `refuseTypedDerivedValues` around its derivation in its save hooks.
 */
export function declareDerivedField(collection: string, field: string, derivedFrom: string) {
  if (!DERIVED.has(collection)) DERIVED.set(collection, new Map());
  DERIVED.get(collection)!.set(field, derivedFrom);
}

export type TypedValues = [field: string, value: unknown][];

/**
 * Before deriving: takes back what a request typed into derived fields (the stored value, or nothing on a new record),
 * and returns the typed values for `refuseTypedDerivedValues`. Our own writes carry no request (`context`) and are trusted.
 */
export function takeBackDerivedValues(model: any, options: any): TypedValues {
  const fields = DERIVED.get(model.constructor.collection.name);
  if (!fields || !options?.context) return [];
  const typed: TypedValues = [];
  for (const field of fields.keys()) {
    if (!model.changed(field)) continue;
    typed.push([field, model.get(field)]);
    // Restored without touching previous(): the change journal and other hooks still see what was stored.
    model.setDataValue(field, model.isNewRecord ? null : model.previous(field));
    model.changed(field, false);
  }
  return typed;
}

/** After deriving: a typed value that differs from the derived one is refused (400), naming the field and its source. */
export function refuseTypedDerivedValues(model: any, typed: TypedValues, language: Language) {
  const collection = model.constructor.collection;
  for (const [field, value] of typed) {
    if (sameValue(value, model.get(field))) continue;
    const source = DERIVED.get(collection.name)!.get(field)!;
    throw refuseField(
      collection,
      field,
      language,
      '{{field}} is worked out from {{source}} and cannot be entered; leave it out (got {{value}})',
      {
        source: fieldTitle(collection, source, language),
        value: JSON.stringify(value),
      },
    );
  }
}

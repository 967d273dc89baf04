// Refusals of this plugin, in the caller's language (src/locale), naming the field as people see it.
import { fieldTitle, Refusal, RefusalStatus } from '@hongniang/plugin-core';
import { introductionsLanguage, optionLabel } from '../language/introductions-language';
import { Labelled } from '../language/vocabulary';
import { withRequest } from '../middlewares/remember-request';

/** A refusal of `field` of `collection`: `key` is an English sentence of this plugin whose `{{field}}` is the field's title. */
export function refusal(
  collection: any,
  field: string,
  options: any,
  key: string,
  values: Record<string, unknown> = {},
  status: RefusalStatus = 400,
) {
  const language = introductionsLanguage(withRequest(options));
  return new Refusal(language.t(key, { field: fieldTitle(collection, field, language), ...values }), { field, status });
}

/** A value of a select field that is none of its options: refused with the options listed. */
export function checkOption(collection: any, field: string, value: unknown, choices: Labelled[], options: any) {
  if (value == null || choices.some((choice) => choice.value === value)) return;
  const language = introductionsLanguage(withRequest(options));
  const listed = language.list(
    choices.map((choice) =>
      language.t('{{value}} ({{label}})', { value: choice.value, label: optionLabel(language, choices, choice.value) }),
    ),
  );
  throw refusal(collection, field, options, '“{{field}}” cannot be “{{value}}”; choose one of: {{choices}}', {
    value,
    choices: listed,
  });
}

/** The labels of option values in the caller's language. */
export const labels = (options: any, choices: Labelled[], values: string[]) => {
  const language = introductionsLanguage(withRequest(options));
  return language.list(values.map((value) => optionLabel(language, choices, value)));
};

/** A stored attribute's field: a belongsTo's foreign key (memberAId) is its association (memberA). */
export function fieldNameOf(collection: any, key: string): string {
  for (const field of collection.fields.values())
    if (field.type === 'belongsTo' && field.foreignKey === key) return field.name;
  return key;
}

/**
 * Refuses (400, naming the field) the first attribute a save changes that `writable(key)` does not allow a caller to
 * change; `message` is the locale key, with {{field}}. Nothing is refused when nothing changed.
 */
export function refuseUnwritable(record: any, writable: (key: string) => boolean, options: any, message: string) {
  const collection = record.constructor.collection;
  for (const key of (record.changed() || []) as string[])
    if (!writable(key)) throw refusal(collection, fieldNameOf(collection, key), options, message);
}

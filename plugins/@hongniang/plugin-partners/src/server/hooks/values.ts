// Reading the values of a record about to be saved, the same way in every rule of this plugin.
import { Labelled, Language, refuseField } from '@hongniang/plugin-core';
import { labelOf } from '../language/vocabulary';

/** Whether this save sets the field: a new record, or a change. */
export const writes = (model: any, field: string) => model.isNewRecord || model.changed(field);

/** Empty, or only spaces (full-width ones too). */
export const isBlank = (value: unknown) => value == null || (typeof value === 'string' && value.trim() === '');

/** Trims the texts the save sets (full-width and no-break spaces too); blank becomes null. */
export function tidyText(model: any, fields: string[]) {
  for (const field of fields) {
    const value = model.get(field);
    if (!writes(model, field) || typeof value !== 'string') continue;
    const text = value.trim();
    if (text !== value || text === '') model.set(field, text === '' ? null : text);
  }
}

/** Each select field the save sets holds one of its options, or nothing. */
export function checkOptions(collection: any, model: any, options: Record<string, Labelled[]>, language: Language) {
  for (const [field, choices] of Object.entries(options)) {
    if (!writes(model, field)) continue;
    const value = model.get(field);
    if (isBlank(value)) {
      if (value === '') model.set(field, null);
      continue;
    }
    if (choices.some((option) => option.value === value)) continue;
    throw refuseField(collection, field, language, '{{field}} cannot be "{{value}}"; choose one of: {{choices}}', {
      value,
      choices: language.list(choices.map((option) => labelOf(choices, option.value, language.locale))),
    });
  }
}

// An event's values, on every write path (a form, the API, an import, an update by filter: plugin.ts makes bulk writes
// run these per row): a title and a start, an end after the start, whole ages in order, seats and fee in range, known
// options, and never fewer seats than members already attending.
import { fieldTitle, Language, Refusal, refuseField } from '@hongniang/plugin-core';
import { eventsLanguage } from '../language/events-language';
import { EVENT_STATUSES, EVENT_TYPES, GENDERS, INTEREST_TAGS, Labelled, labelOf } from '../language/vocabulary';
import { attendingCount } from './seats';

const OPTIONS: Record<string, Labelled[]> = { type: EVENT_TYPES, status: EVENT_STATUSES, gender: GENDERS };

/** Whether a save writes `field`: every field of a new record, the changed ones of a stored one. */
const writes = (model: any, field: string) => model.isNewRecord || model.changed(field);

const isBlank = (value: unknown) => value == null || String(value).trim() === '';

/** A whole number from `min` to `max`, or null when the value is not one. */
function wholeNumber(value: unknown, min: number, max: number): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/**
 * Checks an event about to be saved (`model`, a Sequelize instance of `events`); throws a `Refusal` (400, naming the
 * field in the caller's language; 409 when seats would fall below the members attending) and nothing is written.
 */
export async function checkEvent(db: any, model: any, options: any) {
  const collection = db.getCollection('events');
  const language = eventsLanguage(options);
  const refuse = (field: string, key: string, values: Record<string, unknown> = {}): never => {
    throw refuseField(collection, field, language, key, values);
  };
  if (writes(model, 'title') && isBlank(model.get('title')))
    refuse('title', '{{field}} is required; nothing was saved');
  if (writes(model, 'startsAt') && isBlank(model.get('startsAt')))
    refuse('startsAt', '{{field}} is required; nothing was saved');
  checkOptions(collection, model, language);
  checkTime(collection, model, language);
  checkNumbers(collection, model, language, refuse);
  if (!model.isNewRecord && model.changed('capacity') && model.get('capacity') != null) {
    const attending = await attendingCount(db, model.get('id'), options.transaction);
    if (attending > Number(model.get('capacity')))
      throw new Refusal(
        language.t('{{field}} cannot be {{capacity}}: {{attending}} members already attend; nothing was saved', {
          field: fieldTitle(collection, 'capacity', language),
          capacity: model.get('capacity'),
          attending,
        }),
        { field: 'capacity', status: 409 },
      );
  }
}

/** The type, status, gender and interest tags are among their options. */
function checkOptions(collection: any, model: any, language: Language) {
  for (const [field, choices] of Object.entries(OPTIONS)) {
    if (!writes(model, field)) continue;
    const value = model.get(field);
    if (value == null || value === '' || choices.some((option) => option.value === value)) continue;
    throw refuseField(collection, field, language, '{{field}} cannot be "{{value}}"; choose one of: {{choices}}', {
      value,
      choices: language.list(choices.map((option) => labelOf(choices, option.value, language.locale))),
    });
  }
  if (!writes(model, 'interestTags')) return;
  const tags = model.get('interestTags') ?? [];
  const unknown = Array.isArray(tags)
    ? tags.filter((tag: unknown) => !INTEREST_TAGS.some((option) => option.value === tag))
    : [tags];
  if (unknown.length)
    throw refuseField(
      collection,
      'interestTags',
      language,
      '{{field}} cannot be "{{value}}"; choose one of: {{choices}}',
      {
        value: unknown.join(', '),
        choices: language.list(INTEREST_TAGS.map((option) => labelOf(INTEREST_TAGS, option.value, language.locale))),
      },
    );
}

/** The end, when given, comes after the start. */
function checkTime(collection: any, model: any, language: Language) {
  if (!writes(model, 'startsAt') && !writes(model, 'endsAt')) return;
  const startsAt = model.get('startsAt');
  const endsAt = model.get('endsAt');
  if (isBlank(startsAt) || isBlank(endsAt)) return;
  if (new Date(endsAt).getTime() > new Date(startsAt).getTime()) return;
  throw refuseField(collection, 'endsAt', language, '{{field}} must come after {{start}}; nothing was saved', {
    start: fieldTitle(collection, 'startsAt', language),
  });
}

/** Seats 1 or more, a fee of 0 or more, ages whole numbers from 0 to 120 with the first not above the second. */
function checkNumbers(
  collection: any,
  model: any,
  language: Language,
  refuse: (field: string, key: string, values?: Record<string, unknown>) => never,
) {
  const capacity = model.get('capacity');
  if (writes(model, 'capacity') && capacity != null && capacity !== '' && wholeNumber(capacity, 1, 100_000) == null)
    refuse('capacity', '{{field}} must be a whole number of at least 1, not "{{value}}"; nothing was saved', {
      value: capacity,
    });
  const fee = model.get('fee');
  if (writes(model, 'fee') && fee != null && fee !== '' && !(Number(fee) >= 0 && Number.isFinite(Number(fee))))
    refuse('fee', '{{field}} must be an amount of 0 or more, not "{{value}}"; nothing was saved', { value: fee });
  for (const field of ['ageMin', 'ageMax']) {
    const value = model.get(field);
    if (writes(model, field) && value != null && value !== '' && wholeNumber(value, 0, 120) == null)
      refuse(field, '{{field}} must be a whole number from 0 to 120, not "{{value}}"; nothing was saved', { value });
  }
  const [ageMin, ageMax] = [model.get('ageMin'), model.get('ageMax')];
  if ((writes(model, 'ageMin') || writes(model, 'ageMax')) && !isBlank(ageMin) && !isBlank(ageMax))
    if (Number(ageMin) > Number(ageMax))
      throw new Refusal(
        language.t('{{field}} ({{min}}) cannot be above {{other}} ({{max}}); nothing was saved', {
          field: fieldTitle(collection, 'ageMin', language),
          other: fieldTitle(collection, 'ageMax', language),
          min: ageMin,
          max: ageMax,
        }),
        { field: 'ageMin' },
      );
}

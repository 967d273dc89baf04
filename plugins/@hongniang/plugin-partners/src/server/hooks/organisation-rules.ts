// A partner organisation, on every write path: a name (trimmed, unique), a type, options among their lists, a
// headcount that is a whole number, and a size that follows the headcount. One at a time (forms, API) or every row of an
// import at once, each bad row named by its Excel row number; nothing is written when one fails.
import { fieldTitle, Language, Refusal, refuseField } from '@hongniang/plugin-core';
import { markRowsChecked, RowProblem, rowNumbering, rowsRefused } from '@hongniang/plugin-members';
import { partnersLanguage } from '../language/partners-language';
import { INDUSTRIES, labelOf, ORGANISATION_TYPES, RELATIONSHIPS, SIZES, sizeOf } from '../language/vocabulary';
import { checkOptions, isBlank, tidyText, writes } from './values';

const COLLECTION = 'partnerOrganisations';
const OPTIONS = { type: ORGANISATION_TYPES, industry: INDUSTRIES, size: SIZES, relationship: RELATIONSHIPS };
const MAX_HEADCOUNT = 10_000_000;

/** Checks one organisation about to be saved (`model`); throws a `Refusal` naming the field (400, 409 a name taken). */
export async function checkOrganisation(db: any, model: any, options: any) {
  const language = partnersLanguage(options);
  checkValues(db, model, language);
  if (!writes(model, 'name')) return;
  const taken = await db.getModel(COLLECTION).findOne({
    where: { name: model.get('name') },
    attributes: ['id'],
    transaction: options?.transaction,
  });
  if (taken && taken.get('id') !== model.get('id')) throw nameTaken(db, model.get('name'), language);
}

/**
 * Checks organisations inserted together (Excel import): every row, names repeated in the file or already in the
 * archive too, all bad rows reported at once with the rows Excel shows.
 */
export async function checkOrganisationsInBulk(db: any, models: any[], options: any) {
  if (!models.length) return;
  const language = partnersLanguage(options);
  const rowOf = rowNumbering(options);
  const problems: RowProblem[] = [];
  const names = new Map<string, number>();
  models.forEach((model, i) => {
    try {
      checkValues(db, model, language);
      const name = model.get('name');
      if (names.has(name)) throw nameRepeated(db, name, rowOf(names.get(name)!), language);
      names.set(name, i);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      problems.push({ row: rowOf(i), error });
    }
  });
  if (names.size) {
    const taken = await db.getModel(COLLECTION).findAll({
      where: { name: [...names.keys()] },
      attributes: ['name'],
      transaction: options?.transaction,
    });
    for (const existing of taken) {
      const i = names.get(existing.get('name'))!;
      problems.push({ row: rowOf(i), error: nameTaken(db, existing.get('name'), language) });
    }
  }
  if (problems.length) throw rowsRefused(problems, language);
  markRowsChecked(options, models.length);
}

/** The checks that need no database; trims the texts and works out the size from the headcount. */
function checkValues(db: any, model: any, language: Language) {
  const collection = db.getCollection(COLLECTION);
  tidyText(model, ['name', 'address']);
  if (writes(model, 'name') && isBlank(model.get('name')))
    throw refuseField(collection, 'name', language, '{{field}} is required');
  if (writes(model, 'name') && String(model.get('name')).length > 100)
    throw refuseField(collection, 'name', language, '{{field}} is at most {{max}} characters', { max: 100 });
  if (model.isNewRecord && isBlank(model.get('type')))
    throw refuseField(collection, 'type', language, '{{field}} is required');
  checkOptions(collection, model, OPTIONS, language);
  deriveSize(collection, model, language);
}

/** A headcount is a whole number from 1; when there is one, the size is its band, and a size typed against it is refused. */
function deriveSize(collection: any, model: any, language: Language) {
  const headcount = model.get('headcount');
  if (!writes(model, 'headcount') && !writes(model, 'size')) return;
  if (isBlank(headcount)) return;
  const number = Number(headcount);
  if (!Number.isInteger(number) || number < 1 || number > MAX_HEADCOUNT)
    throw refuseField(collection, 'headcount', language, '{{field}} must be a whole number from 1, not "{{value}}"', {
      value: headcount,
    });
  const size = sizeOf(number);
  const typed = model.get('size');
  if (writes(model, 'size') && !isBlank(typed) && typed !== size)
    throw refuseField(
      collection,
      'size',
      language,
      '{{field}} follows the headcount: {{headcount}} people is {{size}}, not {{typed}} (leave it empty or change the headcount)',
      {
        headcount: number,
        size: labelOf(SIZES, size, language.locale),
        typed: labelOf(SIZES, typed, language.locale),
      },
    );
  model.set('headcount', number);
  model.set('size', size);
}

const nameTaken = (db: any, name: string, language: Language) =>
  new Refusal(
    language.t('{{field}} "{{name}}" is already in the archive; open that organisation instead of adding it again', {
      field: fieldName(db, language),
      name,
    }),
    { field: 'name', status: 409, code: 'HONGNIANG_DUPLICATE' },
  );

const nameRepeated = (db: any, name: string, row: number, language: Language) =>
  new Refusal(
    language.t('{{field}} "{{name}}" is the same as row {{row}}', { field: fieldName(db, language), name, row }),
    { field: 'name' },
  );

const fieldName = (db: any, language: Language) => fieldTitle(db.getCollection(COLLECTION), 'name', language);

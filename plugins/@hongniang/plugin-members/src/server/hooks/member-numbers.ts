// Member numbers (会员编号) come from NocoBase's sequence field. An agency moving its archive in keeps the numbers its
// clients already know: a number given at creation is kept (the field is `inputable`, so the sequence moves past it)
// if it has the pattern and is free; once given, a number does not change.
import { Language, refuseField } from '@hongniang/plugin-core';

export const MEMBER_NUMBER = 'memberNo';

/** A given number, trimmed (full-width characters made ASCII); blank means "assign the next one". Runs before the sequence reads it. */
export function tidyMemberNumber(model: any) {
  if (!model.changed(MEMBER_NUMBER)) return;
  const value = model.get(MEMBER_NUMBER);
  if (value === null || value === undefined) return;
  const tidy = String(value).normalize('NFKC').trim();
  model.set(MEMBER_NUMBER, tidy === '' ? null : tidy);
}

/** Checks a number a request gives: on a new member it must have the field's pattern; an existing member's never changes. */
export function checkMemberNumber(model: any, options: any, language: Language) {
  if (!options?.context || !model.changed(MEMBER_NUMBER)) return;
  const collection = model.constructor.collection;
  const value = model.get(MEMBER_NUMBER);
  if (!model.isNewRecord) {
    if ((model.previous(MEMBER_NUMBER) ?? null) === (value ?? null)) return;
    const values = { number: model.previous(MEMBER_NUMBER), value };
    throw refuseField(
      collection,
      MEMBER_NUMBER,
      language,
      '{{field}} {{number}} is permanent and cannot be changed (got {{value}})',
      values,
    );
  }
  if (value == null || collection.getField(MEMBER_NUMBER)?.match?.(value)) return;
  const example = 'HN000123';
  throw refuseField(
    collection,
    MEMBER_NUMBER,
    language,
    '{{field}} "{{value}}" does not have the agency\'s form (like {{example}})',
    { value, example },
  );
}

/** The refusal of a number that is already taken, by a member of the archive or by another row of the same file. */
export function memberNumberTaken(model: any, value: string, language: Language, otherRow?: number) {
  const collection = model.constructor.collection;
  if (otherRow)
    return refuseField(collection, MEMBER_NUMBER, language, '{{field}} {{value}} is also on row {{row}}', {
      value,
      row: otherRow,
    });
  return refuseField(collection, MEMBER_NUMBER, language, '{{field}} {{value}} already belongs to another member', {
    value,
  });
}

/** Which of these given numbers the archive already holds (one query, bound parameters). */
export async function takenMemberNumbers(Member: any, numbers: string[], transaction: any): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = await Member.findAll({
    where: { [MEMBER_NUMBER]: numbers },
    attributes: [MEMBER_NUMBER],
    raw: true,
    transaction,
  });
  return new Set(rows.map((row: any) => row[MEMBER_NUMBER]));
}

/**
 * Before NocoBase's sequence numbers a bulk insert (an import): moves the sequence past the largest number the rows
 * bring, so the numbers it gives the other rows come after every kept one. (Its own bulk path does not move past kept
 * numbers; its single-record path, used here, does.) Must run before the sequence field's own hook.
 */
export async function keepGivenMemberNumbers(models: any[], options: any) {
  const field = models[0]?.constructor.collection.getField(MEMBER_NUMBER);
  if (!field?.options.inputable || typeof field.update !== 'function') return;
  const integerParts = (field.options.patterns || []).flatMap((pattern: any, i: number) =>
    pattern.type === 'integer' ? [i] : [],
  );
  models.forEach(tidyMemberNumber);
  for (const part of integerParts) {
    let largest: { model: any; value: bigint } | null = null;
    for (const model of models) {
      const matched = model.get(MEMBER_NUMBER) != null && field.match(model.get(MEMBER_NUMBER));
      if (!matched) continue;
      const value = BigInt(parseInt(matched[part + 1], field.options.patterns[part].options?.base || 10));
      if (!largest || value > largest.value) largest = { model, value };
    }
    if (largest) await field.update(largest.model, { transaction: options.transaction });
  }
}

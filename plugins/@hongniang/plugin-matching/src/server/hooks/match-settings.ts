// The agency's matching settings (one record), read for every match and checked on every save.
import { DEFAULT_LEARNED_SETTINGS, DEFAULT_SETTINGS, MatchSettings } from '@hongniang/matching-engine';
import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { COMBINATIONS, CRITERIA, weightField } from '../language/vocabulary';
import { labelIn, matchingLanguage } from '../language/matching-language';

export const SETTINGS_ID = 1;

export interface AgencySettings {
  engine: MatchSettings;
  defaultLimit: number;
  batchLimit: number;
}

export async function readSettings(db: any, transaction?: any): Promise<AgencySettings> {
  const row: any = await db.getModel('matchSettings').findByPk(SETTINGS_ID, { raw: true, transaction });
  const weights = { ...DEFAULT_SETTINGS.weights };
  for (const criterion of CRITERIA) {
    const value = row?.[weightField(criterion)];
    if (value !== null && value !== undefined) weights[criterion] = Number(value);
  }
  return {
    engine: {
      ...DEFAULT_SETTINGS,
      weights,
      combination: row?.combination || DEFAULT_SETTINGS.combination,
      minimumScore: Number(row?.minimumScore ?? DEFAULT_SETTINGS.minimumScore),
      learned: {
        ...DEFAULT_LEARNED_SETTINGS,
        enabled: row?.learningEnabled == null ? DEFAULT_LEARNED_SETTINGS.enabled : Boolean(row.learningEnabled),
        learnedShare: Number(row?.learnedShare ?? DEFAULT_LEARNED_SETTINGS.learnedShare),
        revealedShare: Number(row?.revealedShare ?? DEFAULT_LEARNED_SETTINGS.revealedShare),
      },
    },
    defaultLimit: Number(row?.defaultLimit ?? 20),
    batchLimit: Number(row?.batchLimit ?? 5),
  };
}

/** A new agency gets the defaults as its record, ready to edit. */
export async function seedSettings(db: any) {
  const repository = db.getRepository('matchSettings');
  if (!(await repository.findOne({ filterByTk: SETTINGS_ID })))
    await repository.create({ values: { id: SETTINGS_ID } });
}

/** The agency has one settings record (id 1, read by every match): a second one would be silently ignored, so it is refused. */
export async function refuseSecondSettings(collection: any, options: any) {
  if (!(await collection.model.count({ transaction: options?.transaction }))) return;
  const { t } = matchingLanguage(options);
  throw new Refusal(
    t(
      'The matching settings are one record: edit it (匹配推荐 → 匹配设置) rather than adding another; nothing was saved',
    ),
    { field: 'matchSettings' },
  );
}

const BOUNDS: Record<string, [number, number, boolean]> = {
  ...Object.fromEntries(CRITERIA.map((criterion) => [weightField(criterion), [0, 10, true]])),
  minimumScore: [0, 100, false],
  defaultLimit: [1, 100, true],
  batchLimit: [1, 100, true],
  learnedShare: [0, 1, false],
  revealedShare: [0, 1, false],
};

/** Weights 0–10, minimum score 0–100, limits 1–100, learned shares 0–1, a known combination; refused with the field's title otherwise. */
export function validateSettings(collection: any, values: Record<string, unknown>, options: any) {
  checkNumbers(collection, values, options, BOUNDS);
  const combination = values.combination;
  if (combination === undefined || COMBINATIONS.some((option) => option.value === combination)) return;
  const language = matchingLanguage(options);
  // English lists the values, Chinese the labels.
  const message = language.t('{{field}} cannot be "{{value}}"; choose one of: {{values}}', {
    field: fieldTitle(collection, 'combination', language),
    value: combination,
    values: language.list(COMBINATIONS.map((option) => option.value)),
    labels: language.list(COMBINATIONS.map((option) => labelIn(language, option))),
  });
  throw new Refusal(message, { field: 'combination' });
}

/** Own weights on partner preferences: 0–10 or empty (the agency's weight). */
export function validateOwnWeights(collection: any, values: Record<string, unknown>, options: any) {
  checkNumbers(
    collection,
    values,
    options,
    Object.fromEntries(CRITERIA.map((criterion) => [weightField(criterion), [0, 10, true]])),
  );
}

function checkNumbers(
  collection: any,
  values: Record<string, unknown>,
  options: any,
  bounds: Record<string, [number, number, boolean]>,
) {
  for (const [field, [min, max, whole]] of Object.entries(bounds)) {
    const value = values[field];
    if (value === null || value === undefined) continue;
    const number = Number(value);
    if (Number.isFinite(number) && number >= min && number <= max && (!whole || Number.isInteger(number))) continue;
    const language = matchingLanguage(options);
    const key = whole
      ? '{{field}} must be a whole number from {{min}} to {{max}}, not "{{value}}"'
      : '{{field}} must be a number from {{min}} to {{max}}, not "{{value}}"';
    throw new Refusal(language.t(key, { field: fieldTitle(collection, field, language), min, max, value }), { field });
  }
}

// The agency's matching settings (one record), read for every match and checked on every save.
import { DEFAULT_SETTINGS, MatchSettings } from '@hongniang/matching-engine';
import { fieldTitle, localeOf } from '@hongniang/plugin-core';
import { COMBINATIONS, CRITERIA, weightField } from './vocabulary';
import { MatchingRefusal } from './refusal';

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
    },
    defaultLimit: Number(row?.defaultLimit ?? 20),
    batchLimit: Number(row?.batchLimit ?? 5),
  };
}

/** A new agency gets the defaults as its record, ready to edit. */
export async function seedSettings(db: any) {
  const repository = db.getRepository('matchSettings');
  if (!(await repository.findOne({ filterByTk: SETTINGS_ID }))) await repository.create({ values: { id: SETTINGS_ID } });
}

/** The agency has one settings record (id 1, read by every match): a second one would be silently ignored, so it is refused. */
export async function refuseSecondSettings(collection: any, options: any) {
  if (!(await collection.model.count({ transaction: options?.transaction }))) return;
  throw new MatchingRefusal(400, 'matchSettings', {
    'zh-CN': '匹配设置只有一条记录，请修改它（匹配推荐 → 匹配设置），不要新建，请求未保存',
    'en-US': 'The matching settings are one record: edit it (匹配推荐 → 匹配设置) rather than adding another; nothing was saved',
  }, localeOf(options));
}

const BOUNDS: Record<string, [number, number, boolean]> = {
  ...Object.fromEntries(CRITERIA.map((criterion) => [weightField(criterion), [0, 10, true]])),
  minimumScore: [0, 100, false],
  defaultLimit: [1, 100, true],
  batchLimit: [1, 100, true],
};

/** Weights 0–10, minimum score 0–100, limits 1–100, a known combination; refused with the field's title otherwise. */
export function validateSettings(collection: any, values: Record<string, unknown>, options: any) {
  checkNumbers(collection, values, options, BOUNDS);
  const combination = values.combination;
  if (combination === undefined || COMBINATIONS.some((option) => option.value === combination)) return;
  const title = (lang: string) => fieldTitle(collection, 'combination', lang);
  throw new MatchingRefusal(400, 'combination', {
    'zh-CN': `${title('zh-CN')}不能是「${combination}」，可选：${COMBINATIONS.map((option) => option.zh).join('、')}`,
    'en-US': `${title('en-US')} cannot be "${combination}"; choose one of: ${COMBINATIONS.map((option) => option.value).join(', ')}`,
  }, localeOf(options));
}

/** Own weights on partner preferences: 0–10 or empty (the agency's weight). */
export function validateOwnWeights(collection: any, values: Record<string, unknown>, options: any) {
  checkNumbers(collection, values, options, Object.fromEntries(CRITERIA.map((criterion) => [weightField(criterion), [0, 10, true]])));
}

function checkNumbers(collection: any, values: Record<string, unknown>, options: any, bounds: Record<string, [number, number, boolean]>) {
  for (const [field, [min, max, whole]] of Object.entries(bounds)) {
    const value = values[field];
    if (value === null || value === undefined) continue;
    const number = Number(value);
    if (Number.isFinite(number) && number >= min && number <= max && (!whole || Number.isInteger(number))) continue;
    const title = (lang: string) => fieldTitle(collection, field, lang);
    throw new MatchingRefusal(400, field, {
      'zh-CN': `${title('zh-CN')}应为 ${min}–${max} 之间的${whole ? '整数' : '数'}，收到「${value}」`,
      'en-US': `${title('en-US')} must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}, not "${value}"`,
    }, localeOf(options));
  }
}

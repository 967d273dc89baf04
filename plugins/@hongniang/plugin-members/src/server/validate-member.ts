import { ageGroupOf, ageOn } from './age';
import { MemberInputError, localeOf } from './member-input-error';
import { ChoiceList, isChoice, vocabulary } from './vocabulary';

const MOBILE = /^1[3-9]\d{9}$/;

/** Select fields of each collection and the list their values must come from. */
const MEMBER_CHOICES: Record<string, ChoiceList> = {
  gender: 'gender', education: 'education', occupationGroup: 'occupationGroup', maritalStatus: 'maritalStatus',
  children: 'children', smoking: 'habitFrequency', drinking: 'habitFrequency', incomeBand: 'incomeBand', housing: 'housing',
  car: 'car', spendingPower: 'spendingPower', tier: 'tier', status: 'status', sourceChannel: 'sourceChannel',
  hobbies: 'hobbies', personality: 'personality',
};
const PREFERENCE_CHOICES: Record<string, ChoiceList> = {
  minEducation: 'education', minIncomeBand: 'incomeBand', maritalStatuses: 'maritalStatus', wantedHobbies: 'hobbies',
  wantedPersonality: 'personality',
  ...Object.fromEntries(['age', 'height', 'education', 'maritalStatus', 'children', 'income', 'region', 'hobbies', 'personality', 'smoking'].map((c) => [`${c}Importance`, 'importance' as ChoiceList])),
};

const FIELD_NAMES: Record<string, [string, string]> = {
  birthDate: ['出生日期', 'Birth date'], heightCm: ['身高', 'Height'], weightKg: ['体重', 'Weight'], phone: ['手机号', 'Phone'],
  age: ['年龄', 'Age'], height: ['身高', 'Height'],
};

function checkChoices(model: any, choices: Record<string, ChoiceList>, locale: string) {
  for (const [field, list] of Object.entries(choices)) {
    if (!model.changed(field)) continue;
    const value = model.get(field);
    if (value === null || value === undefined || value === '') continue;
    const bad = (Array.isArray(value) ? value : [value]).find((item) => !isChoice(list, item));
    if (bad !== undefined) {
      const allowed = vocabulary[list];
      throw new MemberInputError(
        field,
        {
          'zh-CN': `字段「${field}」的取值“${bad}”不在可选项中，可选：${allowed.map((c) => `${c.value}（${c.zh}）`).join('、')}`,
          'en-US': `Field "${field}": "${bad}" is not one of its options: ${allowed.map((c) => `${c.value} (${c.en})`).join(', ')}`,
        },
        locale,
      );
    }
  }
}

function checkRange(field: string, value: unknown, min: number, max: number, unit: [string, string], locale: string) {
  if (value === null || value === undefined) return;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    const [zh, en] = FIELD_NAMES[field] || [field, field];
    throw new MemberInputError(
      field,
      { 'zh-CN': `${zh}应在 ${min}–${max}${unit[0]} 之间，收到 ${value}`, 'en-US': `${en} must be between ${min} and ${max}${unit[1]}; got ${value}` },
      locale,
    );
  }
}

/** Checks a member before it is saved and derives age and age group from the birth date. */
export async function validateMember(model: any, options: any) {
  const locale = localeOf(options);
  checkChoices(model, MEMBER_CHOICES, locale);
  if (model.changed('heightCm')) checkRange('heightCm', model.get('heightCm'), 100, 250, [' 厘米', ' cm'], locale);
  if (model.changed('weightKg')) checkRange('weightKg', model.get('weightKg'), 30, 250, [' 公斤', ' kg'], locale);

  const phone = model.get('phone');
  if (model.changed('phone') && phone) {
    const normalized = String(phone).replace(/[\s-]/g, '');
    if (!MOBILE.test(normalized)) {
      throw new MemberInputError(
        'phone',
        { 'zh-CN': `手机号“${phone}”格式不正确，应为 11 位中国大陆手机号`, 'en-US': `Phone "${phone}" is not a valid 11-digit mainland China mobile number` },
        locale,
      );
    }
    model.set('phone', normalized);
    const existing = await model.constructor.findOne({ where: { phone: normalized }, transaction: options.transaction });
    if (existing && existing.get('id') !== model.get('id')) {
      const number = existing.get('memberNo');
      throw new MemberInputError(
        'phone',
        { 'zh-CN': `手机号 ${normalized} 已属于会员 ${number}，不能重复登记`, 'en-US': `Phone ${normalized} already belongs to member ${number}` },
        locale,
      );
    }
  }

  if (model.changed('birthDate')) {
    const birthDate = model.get('birthDate');
    if (birthDate) {
      const age = ageOn(String(birthDate));
      checkRange('age', age, 18, 100, [' 岁', ' years'], locale);
      model.set('age', age);
      model.set('ageGroup', ageGroupOf(age));
    } else {
      model.set('age', null);
      model.set('ageGroup', null);
    }
  }
}

/** Checks a set of partner preferences: options, bounds, and that every range has min ≤ max. */
export async function validatePartnerPreferences(model: any, options: any) {
  const locale = localeOf(options);
  checkChoices(model, PREFERENCE_CHOICES, locale);
  for (const [criterion, min, max, unit] of [
    ['age', 18, 100, [' 岁', ' years']],
    ['height', 100, 250, [' 厘米', ' cm']],
  ] as const) {
    const low = model.get(`${criterion}Min`);
    const high = model.get(`${criterion}Max`);
    checkRange(criterion, low, min, max, [...unit], locale);
    checkRange(criterion, high, min, max, [...unit], locale);
    if (low != null && high != null && Number(low) > Number(high)) {
      const [zh, en] = FIELD_NAMES[criterion];
      throw new MemberInputError(
        `${criterion}Min`,
        { 'zh-CN': `择偶${zh}范围有误：下限 ${low} 大于上限 ${high}`, 'en-US': `Preferred ${en.toLowerCase()} range is wrong: from ${low} is greater than to ${high}` },
        locale,
      );
    }
  }
}

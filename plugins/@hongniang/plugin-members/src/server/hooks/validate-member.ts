import { AgeBand, ageBandOf, ageGroupOf, ageOn, loadAgeBands } from '../ages/age';
import { declareDerivedField, refuseTypedDerivedValues, takeBackDerivedValues } from '../validation/derived-fields';
import { normaliseValues } from '../validation/field-values';
import { likelyDuplicatesInBulk, refuseLikelyDuplicate } from '../validation/likely-duplicates';
import { fieldTitle, Language, Refusal, refuseField } from '@hongniang/plugin-core';
import { membersLanguage } from '../language/members-language';
import {
  MEMBER_NUMBER,
  checkMemberNumber,
  memberNumberTaken,
  takenMemberNumbers,
  tidyMemberNumber,
} from './member-numbers';
import { checkRanges } from '../validation/ranges';
import { checkRequired } from '../validation/required-fields';
import { stampStatusChange } from './status-changed-at';
import { RowProblem, markRowsChecked, rowNumbering, rowsRefused } from '../spreadsheets/row-problems';
import { ChoiceList, isChoice, vocabulary } from '../fields/vocabulary';

declareDerivedField('members', 'age', 'birthDate');
declareDerivedField('members', 'ageGroup', 'birthDate');
declareDerivedField('members', 'ageBand', 'birthDate');

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A mainland resident ID number: 17 digits and a check character (GB 11643). */
function isResidentIdNumber(value: string) {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17];
}

/** A member's select fields and the vocabulary list their values must come from. */
export const MEMBER_CHOICES: Record<string, ChoiceList> = {
  gender: 'gender',
  education: 'education',
  occupationGroup: 'occupationGroup',
  maritalStatus: 'maritalStatus',
  childrenStatus: 'children',
  smoking: 'habitFrequency',
  drinking: 'habitFrequency',
  incomeBand: 'incomeBand',
  housing: 'housing',
  car: 'car',
  spendingPower: 'spendingPower',
  tier: 'tier',
  status: 'status',
  sourceChannel: 'sourceChannel',
  hobbies: 'hobbies',
  personality: 'personality',
};
export const CRITERIA = [
  'age',
  'height',
  'education',
  'maritalStatus',
  'children',
  'income',
  'region',
  'hobbies',
  'personality',
  'smoking',
];
const PREFERENCE_CHOICES: Record<string, ChoiceList> = {
  minEducation: 'education',
  minIncomeBand: 'incomeBand',
  maritalStatuses: 'maritalStatus',
  wantedHobbies: 'hobbies',
  wantedPersonality: 'personality',
  ...Object.fromEntries(CRITERIA.map((criterion) => [`${criterion}Importance`, 'importance' as ChoiceList])),
};

const refuse = (model: any, field: string, language: Language, key: string, values: Record<string, unknown> = {}) =>
  refuseField(model.constructor.collection, field, language, key, values);

function checkChoices(model: any, choices: Record<string, ChoiceList>, language: Language) {
  for (const [field, list] of Object.entries(choices)) {
    if (!model.changed(field)) continue;
    const value = model.get(field);
    if (value === null || value === undefined || value === '') continue;
    const bad = (Array.isArray(value) ? value : [value]).find((item) => !isChoice(list, item));
    if (bad === undefined) continue;
    const english = language.locale.startsWith('en');
    const options = vocabulary[list].map((choice) => `${choice.value} (${english ? choice.en : choice.zh})`);
    throw refuse(model, field, language, '{{field}}: "{{value}}" is not one of its options: {{options}}', {
      value: bad,
      options: language.list(options),
    });
  }
}

/** Whether this save derives age, age group and band: the birth date changed, or a request typed one of them. */
const touchesAge = (model: any) => ['birthDate', 'age', 'ageGroup', 'ageBand'].some((field) => model.changed(field));

/**
 * The checks of one member that need no database: types, required fields, options, bounds, formats; derives age, age
 * group and band, and stamps a change of status.
 */
function checkMember(model: any, options: any, language: Language, bands: AgeBand[]) {
  normaliseValues(model, language);
  tidyMemberNumber(model);
  checkMemberNumber(model, options, language);
  checkChoices(model, MEMBER_CHOICES, language);
  checkRanges(model, language);
  if (model.changed('phone')) normalizePhone(model, language);
  if (model.changed('email')) checkEmail(model, language);
  if (model.changed('idNumber')) checkIdNumber(model, language);
  const typed = takeBackDerivedValues(model, options);
  if (model.changed('birthDate') || typed.length) deriveAge(model, language, bands);
  refuseTypedDerivedValues(model, typed, language);
  stampStatusChange(model, options);
  // Last: a value given wrongly is told before one left out.
  if (options?.context) checkRequired(model, language);
}

/** Checks a member before it is saved and derives age and age group from the birth date. */
export async function validateMember(model: any, options: any) {
  const language = membersLanguage(options);
  const bands = touchesAge(model) ? await loadAgeBands(model.constructor.database, options.transaction) : [];
  checkMember(model, options, language, bands);
  const memberNo = model.isNewRecord && model.changed(MEMBER_NUMBER) && model.get(MEMBER_NUMBER);
  if (memberNo && (await takenMemberNumbers(model.constructor, [memberNo], options.transaction)).size) {
    throw memberNumberTaken(model, memberNo, language);
  }
  const phone = model.changed('phone') && model.get('phone');
  if (phone) {
    const existing = await model.constructor.findOne({ where: { phone }, transaction: options.transaction });
    if (existing && existing.get('id') !== model.get('id'))
      throw phoneTaken(model, phone, existing.get('memberNo'), language);
  }
  // Asked of people's saves only: our own code (the demo agency) writes whom it means to.
  if (options?.context) await refuseLikelyDuplicate(model, options, language);
}

/**
 * Checks members inserted together (Excel import, demo data): every row is checked and all bad rows are reported
 * at once with their row numbers, so a spreadsheet is fixed in one go; one query each finds phones and member
 * numbers already in the archive.
 */
export async function validateMembersInBulk(models: any[], options: any) {
  if (!models.length) return;
  const language = membersLanguage(options);
  const rowOf = rowNumbering(options);
  const bands = await loadAgeBands(models[0].constructor.database, options.transaction);
  const problems: RowProblem[] = [];
  const phones = new Map<string, number>();
  const numbers = new Map<string, number>();
  models.forEach((model, i) => {
    try {
      checkMember(model, options, language, bands);
      const phone = model.get('phone');
      if (phone && phones.has(phone)) throw phoneTaken(model, phone, null, language, rowOf(phones.get(phone)!));
      if (phone) phones.set(phone, i);
      const memberNo = model.changed(MEMBER_NUMBER) && model.get(MEMBER_NUMBER);
      if (memberNo && numbers.has(memberNo))
        throw memberNumberTaken(model, memberNo, language, rowOf(numbers.get(memberNo)!));
      if (memberNo) numbers.set(memberNo, i);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      problems.push({ row: rowOf(i), error });
    }
  });
  const Member = models[0].constructor;
  if (phones.size) {
    const taken = await Member.findAll({
      where: { phone: [...phones.keys()] },
      attributes: ['phone', 'memberNo'],
      transaction: options.transaction,
    });
    for (const existing of taken) {
      const i = phones.get(existing.get('phone'))!;
      problems.push({
        row: rowOf(i),
        error: phoneTaken(models[i], existing.get('phone'), existing.get('memberNo'), language),
      });
    }
  }
  for (const memberNo of await takenMemberNumbers(Member, [...numbers.keys()], options.transaction)) {
    const i = numbers.get(memberNo)!;
    problems.push({ row: rowOf(i), error: memberNumberTaken(models[i], memberNo, language) });
  }
  if (options?.context) {
    // A row already wrong is fixed first; a likely duplicate is told of rows otherwise good.
    const bad = new Set(problems.map((problem) => problem.row));
    problems.push(
      ...(await likelyDuplicatesInBulk(models, options, language, rowOf)).filter((problem) => !bad.has(problem.row)),
    );
  }
  if (problems.length) throw rowsRefused(problems, language);
  markRowsChecked(options, models.length);
}

function normalizePhone(model: any, language: Language) {
  const phone = model.get('phone');
  if (!phone) return;
  const normalized = String(phone).replace(/[\s-]/g, '');
  if (!MOBILE.test(normalized)) {
    throw refuse(
      model,
      'phone',
      language,
      '{{field}} "{{phone}}" is not a valid 11-digit mainland China mobile number',
      { phone },
    );
  }
  model.set('phone', normalized);
}

function checkEmail(model: any, language: Language) {
  const email = model.get('email');
  if (!email) return;
  model.set('email', String(email).trim());
  if (EMAIL.test(model.get('email'))) return;
  throw refuse(model, 'email', language, '{{field}} "{{email}}" is not an e-mail address', { email });
}

function checkIdNumber(model: any, language: Language) {
  const idNumber = model.get('idNumber');
  if (!idNumber) return;
  const normalized = String(idNumber).trim().toUpperCase();
  if (!isResidentIdNumber(normalized)) {
    throw refuse(model, 'idNumber', language, '{{field}} is not a valid 18-character resident ID number');
  }
  model.set('idNumber', normalized);
}

function phoneTaken(model: any, phone: string, memberNo: string | null, language: Language, otherRow?: number) {
  if (memberNo)
    return refuse(model, 'phone', language, '{{field}} {{phone}} already belongs to member {{memberNo}}', {
      phone,
      memberNo,
    });
  return refuse(model, 'phone', language, '{{field}} {{value}} is also on row {{row}}', {
    value: phone,
    row: otherRow,
  });
}

function deriveAge(model: any, language: Language, bands: AgeBand[]) {
  const birthDate = model.get('birthDate');
  if (!birthDate) {
    model.set({ age: null, ageGroup: null, ageBand: null });
    return;
  }
  const age = ageOn(String(birthDate));
  if (age < 18 || age > 100) {
    throw refuse(model, 'birthDate', language, '{{field}} {{birthDate}} gives age {{age}}; members must be 18 to 100', {
      birthDate,
      age,
    });
  }
  model.set({ age, ageGroup: ageGroupOf(age, bands), ageBand: ageBandOf(age) });
}

/** Checks a set of partner preferences: types, options, bounds, and that every range has min ≤ max. */
export async function validatePartnerPreferences(model: any, options: any) {
  const language = membersLanguage(options);
  normaliseValues(model, language);
  checkChoices(model, PREFERENCE_CHOICES, language);
  checkRanges(model, language);
  for (const criterion of ['age', 'height']) {
    const [lowField, highField] = [`${criterion}Min`, `${criterion}Max`];
    const [low, high] = [model.get(lowField), model.get(highField)];
    if (low != null && high != null && Number(low) > Number(high)) {
      const other = fieldTitle(model.constructor.collection, highField, language);
      throw refuse(model, lowField, language, '{{field}} {{low}} is greater than {{other}} {{high}}', {
        low,
        other,
        high,
      });
    }
  }
}

// The least a member is registered with, on every write path that comes from a person (forms, the API, spreadsheets):
// who she is (name, gender, birth date) and a way to reach her (phone or WeChat). Our own code (the demo agency) is trusted.
import { fieldTitle, Language, refuseField } from '@hongniang/plugin-core';

/** Fields no member is registered without, and no edit may blank. */
export const REQUIRED_MEMBER_FIELDS = ['name', 'gender', 'birthDate'];
/** Ways to reach a member: at least one of them is given. */
export const CONTACT_FIELDS = ['phone', 'wechat'];

const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

/** A new member needs every required field and a way to reach her; an edit may blank neither. */
export function checkRequired(model: any, language: Language) {
  for (const field of REQUIRED_MEMBER_FIELDS) {
    if (!model.isNewRecord && !model.changed(field)) continue;
    if (!isBlank(model.get(field))) continue;
    throw refuseField(model.constructor.collection, field, language, '{{field}} is required');
  }
  if (!model.isNewRecord && !CONTACT_FIELDS.some((field) => model.changed(field))) return;
  if (CONTACT_FIELDS.some((field) => !isBlank(model.get(field)))) return;
  const [phone, wechat] = CONTACT_FIELDS.map((field) => fieldTitle(model.constructor.collection, field, language));
  throw refuseField(
    model.constructor.collection,
    CONTACT_FIELDS[0],
    language,
    '{{phone}} or {{wechat}} is required, so that the agency can reach the member',
    { phone, wechat },
  );
}

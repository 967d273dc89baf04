// The least a member is registered with, on every write path that comes from a person (forms, the API, spreadsheets):
// who she is (name, gender, birth date) and a way to reach her (phone or WeChat). Our own code (the demo agency) is trusted.
import { fieldTitle, refuseFieldIn } from '@hongniang/plugin-core';

/** Fields no member is registered without, and no edit may blank. */
export const REQUIRED_MEMBER_FIELDS = ['name', 'gender', 'birthDate'];
/** Ways to reach a member: at least one of them is given. */
export const CONTACT_FIELDS = ['phone', 'wechat'];

const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

const refuse = (model: any, field: string, locale: string, say: (title: string, english: boolean) => string) =>
  refuseFieldIn(model.constructor.collection, field, locale, say);

/** A new member needs every required field and a way to reach her; an edit may blank neither. */
export function checkRequired(model: any, locale: string) {
  for (const field of REQUIRED_MEMBER_FIELDS) {
    if (!model.isNewRecord && !model.changed(field)) continue;
    if (!isBlank(model.get(field))) continue;
    throw refuse(model, field, locale, (title, english) => (english ? `${title} is required` : `${title}不能为空`));
  }
  if (!model.isNewRecord && !CONTACT_FIELDS.some((field) => model.changed(field))) return;
  if (CONTACT_FIELDS.some((field) => !isBlank(model.get(field)))) return;
  const [phone, wechat] = CONTACT_FIELDS.map((field) => (lang: string) => fieldTitle(model.constructor.collection, field, lang));
  throw refuse(model, CONTACT_FIELDS[0], locale, (_title, english) =>
    english
      ? `${phone('en-US')} or ${wechat('en-US')} is required, so that the agency can reach the member`
      : `${phone('zh-CN')}和${wechat('zh-CN')}至少填写一项，以便联系会员`,
  );
}

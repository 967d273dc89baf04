// A contact at a partner organisation, on every write path: an organisation that exists, a name, a phone that looks like
// one (mobile, or landline with its area code and extension), texts trimmed.
import { refuseField } from '@hongniang/plugin-core';
import { partnersLanguage } from '../language/partners-language';
import { isBlank, tidyText, writes } from './values';
import { requireOrganisation } from './organisation-of';

/** 7 to 15 digits, with spaces, dashes, brackets, a leading + and an extension (转 / ext) allowed around them. */
const PHONE = /^\+?[\d\s\-()（）]+((转|ext\.?|x)\s*\d{1,6})?$/i;

/** Checks a contact about to be saved; throws a `Refusal` naming the field (400; 404 no such organisation). */
export async function checkContact(db: any, model: any, options: any) {
  const language = partnersLanguage(options);
  const collection = db.getCollection('partnerContacts');
  tidyText(model, ['name', 'title', 'phone', 'wechat']);
  await requireOrganisation(db, collection, model, options, language);
  if (writes(model, 'name') && isBlank(model.get('name')))
    throw refuseField(collection, 'name', language, '{{field}} is required');
  const phone = model.get('phone');
  if (writes(model, 'phone') && !isBlank(phone)) {
    const digits = String(phone).replace(/\D/g, '').length;
    if (!PHONE.test(String(phone)) || digits < 7 || digits > 20)
      throw refuseField(
        collection,
        'phone',
        language,
        '{{field}} "{{value}}" is not a phone number; write a mobile number or a landline with its area code, such as 010-12345678',
        { value: phone },
      );
  }
}

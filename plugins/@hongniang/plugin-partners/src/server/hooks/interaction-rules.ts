// An interaction with a partner organisation, on every write path: an organisation that exists, a date, a kind among
// its options, a summary, a next-step date not before the interaction, a contact of the same organisation. Who recorded
// it is the caller, filled in by the server when it is created.
import { callerIdOf, fieldTitle, Refusal, refuseField } from '@hongniang/plugin-core';
import { partnersLanguage } from '../language/partners-language';
import { INTERACTION_KINDS } from '../language/vocabulary';
import { requireOrganisation } from './organisation-of';
import { checkOptions, isBlank, tidyText, writes } from './values';

/** Checks an interaction about to be saved and completes it (recordedBy); throws a `Refusal` naming the field. */
export async function checkInteraction(db: any, model: any, options: any) {
  const language = partnersLanguage(options);
  const collection = db.getCollection('partnerInteractions');
  const title = (field: string) => fieldTitle(collection, field, language);
  tidyText(model, ['summary', 'nextStep']);
  await requireOrganisation(db, collection, model, options, language);
  if (writes(model, 'date') && isBlank(model.get('date')))
    throw refuseField(collection, 'date', language, '{{field}} is required');
  if (writes(model, 'summary') && isBlank(model.get('summary')))
    throw refuseField(collection, 'summary', language, '{{field}} is required');
  checkOptions(collection, model, { kind: INTERACTION_KINDS }, language);
  const [date, nextStepDate] = [model.get('date'), model.get('nextStepDate')];
  if ((writes(model, 'date') || writes(model, 'nextStepDate')) && !isBlank(nextStepDate) && nextStepDate < date)
    throw refuseField(collection, 'nextStepDate', language, '{{field}} cannot be before {{date}} ({{value}})', {
      date: title('date'),
      value: date,
    });
  const contactId = model.get('contactId');
  if ((writes(model, 'contactId') || writes(model, 'organisationId')) && contactId != null) {
    const contact = await db.getModel('partnerContacts').findByPk(contactId, {
      attributes: ['id', 'name', 'organisationId'],
      transaction: options?.transaction,
    });
    if (!contact || String(contact.get('organisationId')) !== String(model.get('organisationId')))
      throw new Refusal(
        language.t('{{field}} must be a contact of this organisation ({{organisation}})', {
          field: title('contact'),
          organisation: title('organisation'),
        }),
        { field: 'contact' },
      );
  }
  if (model.isNewRecord) model.set('recordedById', callerIdOf(options?.context) ?? model.get('recordedById') ?? null);
}

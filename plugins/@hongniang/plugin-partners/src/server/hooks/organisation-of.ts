// The organisation a contact or an interaction belongs to: required, and one that exists.
import { Language, Refusal, fieldTitle } from '@hongniang/plugin-core';
import { writes } from './values';

/** Refuses a record without an organisation (400) or naming one that does not exist (404). */
export async function requireOrganisation(db: any, collection: any, model: any, options: any, language: Language) {
  if (!writes(model, 'organisationId')) return;
  const id = model.get('organisationId');
  const field = fieldTitle(collection, 'organisation', language);
  if (id == null) throw new Refusal(language.t('{{field}} is required', { field }), { field: 'organisation' });
  const organisation = await db.getModel('partnerOrganisations').findByPk(id, {
    attributes: ['id'],
    transaction: options?.transaction,
  });
  if (!organisation)
    throw new Refusal(language.t('{{field}}: there is no partner organisation with number {{id}}', { field, id }), {
      field: 'organisation',
      status: 404,
    });
}

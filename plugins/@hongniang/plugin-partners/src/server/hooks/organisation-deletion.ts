// A partner organisation that members still name as their referrer is not deleted: the link is the member's history
// (where she came from). Its contacts and interactions go with it.
import { Refusal } from '@hongniang/plugin-core';
import { partnersLanguage } from '../language/partners-language';
import { labelOf, RELATIONSHIPS } from '../language/vocabulary';

/** Refuses (409) the deletion of an organisation that referred members, naming how many; mark it 已流失 instead. */
export async function refuseDeletionWithReferrals(db: any, model: any, options: any) {
  const referred = await db.getModel('members').count({
    where: { partnerOrganisationId: model.get('id') },
    transaction: options?.transaction,
  });
  if (!referred) return;
  const language = partnersLanguage(options);
  throw new Refusal(
    language.t(
      '{{name}} referred {{count}} member(s) and cannot be deleted; set its relationship to {{lost}} instead, or first remove it from those members',
      {
        name: model.get('name'),
        count: referred,
        lost: labelOf(RELATIONSHIPS, 'lost', language.locale),
      },
    ),
    { field: 'referredMembers', status: 409 },
  );
}

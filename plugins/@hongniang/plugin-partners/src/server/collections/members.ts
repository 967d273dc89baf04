import { extendCollection } from '@nocobase/database';
import { belongsTo } from '../fields/field-kinds';

/**
 * The organisation that referred a member (her source channel 合作机构); only such a member carries one
 * (hooks/member-link-rules.ts). The member stays when the organisation goes: its deletion is refused while she names it.
 */
export default extendCollection({
  name: 'members',
  fields: [belongsTo('partnerOrganisation', 'Partner organisation', 'partnerOrganisations', 'name', 'SET NULL')],
});

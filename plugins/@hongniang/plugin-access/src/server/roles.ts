// What access itself grants the agency roles, declared like every plugin's (plugin-core's declareAccess).
import { AccessDeclaration, ActionGrant } from '@hongniang/plugin-core';

/**
 * A user's label in association fields (the matchmaker column), nothing more of the staff's accounts; and her roles by
 * name, so the 红娘 picker can list the matchmakers (owner-pickers.ts).
 */
const STAFF_LABEL: ActionGrant = { fields: ['id', 'nickname', 'username', 'roles'] };
const ROLE_NAMES: ActionGrant = { fields: ['name', 'title'] };
const STAFF = { users: { view: STAFF_LABEL }, roles: { view: ROLE_NAMES } };

export const ACCESS_GRANTS: AccessDeclaration = {
  roles: { manager: { resources: STAFF }, matchmaker: { resources: STAFF }, intake: { resources: STAFF } },
};

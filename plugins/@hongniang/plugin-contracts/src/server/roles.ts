// What the agency roles may do with contracts, payments and complaints: declared to the access plugin (plugin-core's
// declareAccess). The manager works every record and both actions through her role strategy. Money (a contract's price,
// paid and balance; payments) is the manager's and finance's: a matchmaker's field list leaves it out.
import { AccessDeclaration, ActionGrant } from '@hongniang/plugin-core';

/** The plugin's own actions on `contracts` (registered in plugin.ts), with their titles in the role settings. */
export const CONTRACT_ACTIONS: Record<string, string> = {
  ledger: 'Delivery ledger',
  proposeRefund: 'Propose a refund',
};

/** The pages (src/blueprints), by blueprint name. */
export const CONTRACTS_PAGE = 'contracts-1-contracts';
export const COMPLAINTS_PAGE = 'contracts-2-complaints';

/** A contract's fields that say nothing of money: what a matchmaker reads of her members' contracts. */
export const CONTRACT_FIELDS_WITHOUT_MONEY = [
  'id',
  'contractNo',
  'member',
  'package',
  'startDate',
  'endDate',
  'promisedIntroductions',
  'coolingOffDays',
  'signedDate',
  'status',
  'soldBy',
  'endedOn',
  'endReason',
  'note',
  'createdAt',
  'updatedAt',
];

/** What a matchmaker writes when she responds to a complaint about her member. */
const RESPONSE: ActionGrant = { scope: 'own', fields: ['status', 'resolution', 'satisfaction', 'handler'] };

const HER_MEMBER = { matchmakerId: { $eq: '{{$user.id}}' } };

/** 财务 (finance), a role this plugin adds to the agency's: she books payments and refunds. */
export const FINANCE_ROLE = 'finance';

/** What finance reads of a member: whom a contract is for, nothing of her archive. */
const MEMBER_LABEL: ActionGrant = { fields: ['id', 'memberNo', 'name'] };

export const CONTRACTS_ACCESS: AccessDeclaration = {
  // Finance sees members by name and number only (MEMBER_LABEL): no privacy level beyond those reaches her.
  agencyRoles: {
    [FINANCE_ROLE]: {
      title: '财务',
      sees: { introduction: 'every', archive: 'none', contact: 'none', sensitive: 'none' },
    },
  },
  ownScopes: {
    contracts: { title: '自己会员的服务合同', filter: { member: HER_MEMBER } },
    complaints: { title: '自己会员的投诉与建议', filter: { member: HER_MEMBER } },
  },
  roles: {
    manager: { strategy: Object.keys(CONTRACT_ACTIONS) },
    matchmaker: {
      menus: [CONTRACTS_PAGE, COMPLAINTS_PAGE],
      resources: {
        contracts: { view: { scope: 'own', fields: CONTRACT_FIELDS_WITHOUT_MONEY }, ledger: { scope: 'own' } },
        complaints: { view: { scope: 'own' }, update: RESPONSE },
      },
    },
    [FINANCE_ROLE]: {
      menus: [CONTRACTS_PAGE],
      resources: {
        contracts: { view: {}, ledger: {}, proposeRefund: {} },
        payments: { view: {}, create: {}, update: {} },
        members: { view: MEMBER_LABEL },
        // A staff account's label (who sold a contract, who booked a payment).
        users: { view: { fields: ['id', 'nickname', 'username'] } },
      },
    },
  },
};

// The member's tier, join date and expiry follow her contracts (no double typing), in the contract's own transaction:
// - her governing contract is the one in force (冷静期/生效) that ends last (then the later start, then the higher id);
//   when none is in force, the last one that was (已完成/已终止, by the same order);
// - tier = its package; expiry = its end date, or the day it ended early (已终止);
// - join date = the earliest start among her contracts that were ever served (not drafts, not 已退款).
// A member with no served contract keeps what was typed (members entered before contracts were kept here).
// While a served contract exists, a request that changes one of the three on the member is refused, naming the contract.
import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { DeletionCheck, MemberDeletionRefused } from '@hongniang/plugin-members';
import { contractsLanguage } from '../language/contracts-language';
import { EVER_SERVED, IN_FORCE } from '../language/vocabulary';
import { dayText } from './checks';

/** The member fields a contract decides. */
export const FOLLOWED_FIELDS = ['tier', 'joinDate', 'expiryDate'];

interface ContractRow {
  id: number;
  contractNo: string;
  status: string;
  package: string;
  startDate: unknown;
  endDate: unknown;
  endedOn: unknown;
}

/** Later end first, then later start, then higher id. */
const lastEnding = (a: ContractRow, b: ContractRow) =>
  String(dayText(b.endDate)).localeCompare(String(dayText(a.endDate))) ||
  String(dayText(b.startDate)).localeCompare(String(dayText(a.startDate))) ||
  b.id - a.id;

/** The contract that decides the member's tier and expiry (see the file's head), or undefined. */
export function governingContract(contracts: ContractRow[]): ContractRow | undefined {
  const inForce = contracts.filter((row) => IN_FORCE.includes(row.status)).sort(lastEnding);
  if (inForce.length) return inForce[0];
  return contracts.filter((row) => EVER_SERVED.includes(row.status)).sort(lastEnding)[0];
}

const contractsOf = (db: any, memberId: number, transaction?: any): Promise<ContractRow[]> =>
  db.getModel('contracts').findAll({
    where: { memberId },
    attributes: ['id', 'contractNo', 'status', 'package', 'startDate', 'endDate', 'endedOn'],
    raw: true,
    transaction,
  });

/** Writes the member's tier, join date and expiry from her contracts (the values that differ only). */
export async function followContracts(db: any, memberId: number | null | undefined, transaction?: any) {
  if (memberId == null) return;
  const contracts = await contractsOf(db, memberId, transaction);
  const governing = governingContract(contracts);
  if (!governing) return;
  const served = contracts.filter((row) => EVER_SERVED.includes(row.status));
  const ended = governing.status === 'terminated' && dayText(governing.endedOn);
  const wanted: Record<string, unknown> = {
    tier: governing.package,
    expiryDate: ended || dayText(governing.endDate),
    joinDate: served.map((row) => dayText(row.startDate)).sort()[0] ?? null,
  };
  const member = await db
    .getModel('members')
    .findByPk(memberId, { attributes: ['id', ...FOLLOWED_FIELDS], raw: true, transaction });
  if (!member) return;
  const values = Object.fromEntries(
    Object.entries(wanted).filter(
      ([field, value]) => value != null && (dayText(member[field]) ?? member[field]) !== value,
    ),
  );
  if (Object.keys(values).length)
    await db.getRepository('members').update({ filterByTk: memberId, values, transaction });
}

/**
 * members.beforeUpdate: a request that changes her tier, join date or expiry while she has a served contract is refused
 * (400, naming the field and the contract): the contract decides them. The server's own writes carry no request.
 */
export async function keepFollowedFields(db: any, model: any, options: any) {
  if (!options?.context) return;
  const changed = FOLLOWED_FIELDS.filter(
    (field) =>
      model.changed(field) &&
      String(dayText(model.get(field)) ?? model.get(field) ?? '') !==
        String(dayText(model.previous(field)) ?? model.previous(field) ?? ''),
  );
  if (!changed.length) return;
  const governing = governingContract(await contractsOf(db, model.get('id'), options.transaction));
  if (!governing) return;
  const language = contractsLanguage(options);
  throw new Refusal(
    language.t('{{field}} follows her service contract {{contract}}: change the contract instead. Nothing was saved', {
      field: fieldTitle(model.constructor.collection, changed[0], language),
      contract: governing.contractNo,
    }),
    { field: changed[0] },
  );
}

/**
 * A member with contracts is not deleted (409): contracts and payments are the agency's accounting records, and a
 * refund dispute turns on them. Delete her contracts first (a manager, once no payment is booked on them).
 */
export const keepMembersWithContracts =
  (db: any): DeletionCheck =>
  async (member, { transaction, context }) => {
    const contracts = await contractsOf(db, member.get('id'), transaction);
    if (!contracts.length) return;
    const language = contractsLanguage({ context });
    throw new MemberDeletionRefused(
      language.t(
        '{{member}} has service contracts ({{contracts}}), kept as the agency’s accounts; nothing was deleted',
        {
          member: member.get('name') ?? member.get('id'),
          contracts: language.list(contracts.map((row) => row.contractNo)),
        },
      ),
    );
  };

/** A contract with payments booked is not deleted (409): refund it instead (a negative payment), or delete them first. */
export async function keepContractsWithPayments(db: any, model: any, options: any) {
  const count = await db
    .getModel('payments')
    .count({ where: { contractId: model.get('id') }, transaction: options.transaction });
  if (!count) return;
  const language = contractsLanguage(options);
  throw new Refusal(
    language.t(
      'Contract {{contract}} has {{count}} payments booked and is kept; record a refund instead. Nothing was deleted',
      {
        contract: model.get('contractNo'),
        count,
      },
    ),
    { field: 'id', status: 409 },
  );
}

// Member rows for the member-based kinds: who is served, who hears about her, how she is named in a message.
import { Op } from '@nocobase/database';
import { vocabulary } from '@hongniang/plugin-members';
import { SweepContext } from '../occurrence';
import { chunks } from './chunks';

/** Statuses the agency is working for (follow-ups, no contact, interviews). */
export const SERVED = ['new', 'inService'];
/** Statuses that still hear from the agency (birthdays, renewals, due follow-ups). */
export const ACTIVE = ['new', 'inService', 'paused', 'inRelationship'];

export const MEMBER_ATTRIBUTES = ['id', 'name', 'memberNo', 'matchmakerId', 'createdById', 'tier'];

/** `where` narrowed to the records changed since the last sweep, when the sweep is about those (between daily scans). */
export function scoped(context: SweepContext, where: Record<string | symbol, unknown>) {
  return context.changedSince ? { ...where, updatedAt: { [Op.gt]: context.changedSince } } : where;
}

/** Members matching `where`, plain rows with `attributes` (and the naming ones). */
export async function membersWhere(
  context: SweepContext,
  where: Record<string | symbol, unknown>,
  attributes: string[] = [],
) {
  return context.db.getModel('members').findAll({
    where: scoped(context, where),
    attributes: [...new Set([...MEMBER_ATTRIBUTES, ...attributes])],
    raw: true,
  });
}

/** Her matchmaker, else whoever entered her (the front desk, before she has one); null when neither. */
export const recipientOf = (member: any): number | null =>
  member.matchmakerId != null
    ? Number(member.matchmakerId)
    : member.createdById != null
      ? Number(member.createdById)
      : null;

/** "王芳（HN000012）" */
export const named = (member: any) =>
  member.memberNo ? `${member.name}（${member.memberNo}）` : String(member.name ?? '');

export const tierLabel = (tier: unknown) =>
  vocabulary.tier.find((option: any) => option.value === tier)?.zh ?? String(tier ?? '');

/** The members of `ids` (naming attributes), by id: the sides of dates and introductions. */
export async function membersById(db: any, ids: unknown[]) {
  const members = new Map<number, any>();
  const wanted = [...new Set(ids.filter((id) => id != null).map(Number))];
  for (const slice of chunks(wanted))
    for (const member of await db.getModel('members').findAll({
      where: { id: { [Op.in]: slice } },
      attributes: MEMBER_ATTRIBUTES,
      raw: true,
    }))
      members.set(Number(member.id), member);
  return members;
}

// Contact release, as access sees it (registered through plugin-core's discloseToViewer, so access names no feature): a
// member's contact level reaches the matchmaker of the member she is introduced to once both sides agreed, for as long as
// the introduction is not ended. Computed from the introductions each time, so it follows the members' current
// matchmakers (a member handed to another matchmaker: the new one is the other side now) and stops the moment it ends.
import type { Disclosures, PrivacyLevel } from '@hongniang/plugin-core';
import { STAGES } from '../language/vocabulary';

/** 双方同意 and every stage after it but 终止 (a marriage keeps the two matchmakers in touch with both members). */
export const CONTACT_RELEASED_STAGES = STAGES.map(({ value }) => value)
  .slice(STAGES.findIndex(({ value }) => value === 'bothAgreed'))
  .filter((stage) => stage !== 'ended');

const CONTACT: Set<PrivacyLevel> = new Set(['contact']);

/**
 * For the user `viewerId` and the members asked about: those introduced, at a released stage, to a member whose
 * matchmaker she is, each with the contact level. One query (both sides, through the other member's matchmaker).
 */
export async function releasedContacts(
  db: any,
  viewerId: number,
  memberIds: number[],
  transaction?: any,
): Promise<Disclosures> {
  const disclosed: Disclosures = new Map();
  if (!memberIds.length) return disclosed;
  const hers = { matchmakerId: { $eq: viewerId } };
  const rows = await db.getRepository('introductions').find({
    filter: {
      stage: { $in: CONTACT_RELEASED_STAGES },
      $or: [
        { memberAId: { $in: memberIds }, memberB: hers },
        { memberBId: { $in: memberIds }, memberA: hers },
      ],
    },
    transaction,
  });
  const asked = new Set(memberIds.map(Number));
  for (const row of rows) {
    // A side is disclosed when the other side is hers; with both sides hers each is her own member anyway.
    for (const side of [row.get('memberAId'), row.get('memberBId')].map(Number))
      if (asked.has(side)) disclosed.set(side, CONTACT);
  }
  return disclosed;
}

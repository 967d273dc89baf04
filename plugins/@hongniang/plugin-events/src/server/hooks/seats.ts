// Seats taken at an event: its invitations answered 参加.
import { Op } from '@nocobase/database';

/**
 * How many invitations of event `eventId` are answered 参加 (rsvp `attending`), leaving out invitation `exceptId` (the
 * one being saved), read in `transaction` so a write sees its own rows.
 */
export async function attendingCount(
  db: any,
  eventId: unknown,
  transaction?: any,
  exceptId?: unknown,
): Promise<number> {
  return db.getModel('eventInvitations').count({
    where: { eventId, rsvp: 'attending', ...(exceptId != null ? { id: { [Op.ne]: exceptId } } : {}) },
    transaction,
  });
}

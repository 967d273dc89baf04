// An invitation, on every write path (bulk writes run row by row: plugin.ts): an event and a member that exist, a member
// in service and (for a matchmaker) her own, once per event, no invitation to a closed or cancelled event, never more
// members attending than seats, attendance only once the event has started. The server fills in who invited and when.
import { callerIdOf, fieldTitle, reachesEveryRecord, Refusal } from '@hongniang/plugin-core';
import { vocabulary } from '@hongniang/plugin-members';
import { eventsLanguage } from '../language/events-language';
import { eventNamed, memberNamed } from '../language/names';
import { labelOf, RSVPS } from '../language/vocabulary';
import { attendingCount } from './seats';

const writes = (model: any, field: string) => model.isNewRecord || model.changed(field);

/**
 * Checks an invitation about to be saved (`model`, an instance of `eventInvitations`) and completes it (key, invitedBy,
 * invitedAt). Throws a `Refusal` naming the field in the caller's language: 400 bad value, 403 another matchmaker's
 * member, 404 no such event or member, 409 already invited or no seat left. Nothing is written then.
 */
export async function checkInvitation(db: any, model: any, options: any) {
  const ctx = options?.context;
  const transaction = options?.transaction;
  const language = eventsLanguage(options);
  const collection = db.getCollection('eventInvitations');
  const title = (field: string) => fieldTitle(collection, field, language);
  const refuse = (field: string, key: string, values: Record<string, unknown> = {}, status: any = 400): never => {
    throw new Refusal(language.t(key, { field: title(field), ...values }), { field, status });
  };
  const [eventId, memberId] = [model.get('eventId'), model.get('memberId')];
  if (eventId == null) refuse('event', '{{field}} is required; nothing was saved');
  if (memberId == null) refuse('member', '{{field}} is required; nothing was saved');
  const event = await db.getModel('events').findByPk(eventId, {
    attributes: ['id', 'title', 'startsAt', 'capacity', 'status'],
    transaction,
  });
  if (!event) refuse('event', 'There is no event with number {{id}}; nothing was saved', { id: eventId }, 404);
  const member = await db.getModel('members').findByPk(memberId, {
    attributes: ['id', 'name', 'memberNo', 'status', 'matchmakerId'],
    transaction,
  });
  if (!member) refuse('member', 'There is no member with number {{id}}; nothing was saved', { id: memberId }, 404);
  const named = memberNamed(member.get(), language);
  const newMember = writes(model, 'memberId') || writes(model, 'eventId');
  if (newMember) {
    if (member.get('status') !== 'inService')
      refuse(
        'member',
        '{{member}} is not in service ({{status}}): only members in service are invited; nothing was saved',
        {
          member: named,
          status: labelOf(vocabulary.status, member.get('status'), language.locale),
        },
      );
    const caller = callerIdOf(ctx);
    if (
      caller != null &&
      !reachesEveryRecord(ctx, 'eventInvitations', 'view') &&
      Number(member.get('matchmakerId')) !== caller
    )
      refuse(
        'member',
        'You may invite only your own members; {{member}} is not one of them. Nothing was saved',
        { member: named },
        403,
      );
    if (model.isNewRecord && ['closed', 'cancelled'].includes(event.get('status')))
      refuse('event', '{{event}} is closed or cancelled and takes no more invitations; nothing was saved', {
        event: eventNamed(event.get(), language),
      });
    const key = `${eventId}:${memberId}`;
    const taken = await db.getModel('eventInvitations').findOne({ where: { key }, attributes: ['id'], transaction });
    if (taken && taken.get('id') !== model.get('id'))
      refuse(
        'member',
        '{{member}} is already invited to {{event}}; nothing was saved',
        {
          member: named,
          event: eventNamed(event.get(), language),
        },
        409,
      );
    model.set('key', key);
  }
  if (model.isNewRecord) {
    model.set('invitedById', callerIdOf(ctx) ?? model.get('invitedById') ?? null);
    if (model.get('invitedAt') == null) model.set('invitedAt', new Date());
  }
  const rsvp = model.get('rsvp');
  if (writes(model, 'rsvp') && rsvp != null && !RSVPS.some((option) => option.value === rsvp))
    refuse('rsvp', '{{field}} cannot be "{{value}}"; choose one of: {{choices}}', {
      value: rsvp,
      choices: language.list(RSVPS.map((option) => labelOf(RSVPS, option.value, language.locale))),
    });
  if (rsvp === 'attending' && (writes(model, 'rsvp') || newMember) && event.get('capacity') != null) {
    const taken = await attendingCount(db, eventId, transaction, model.isNewRecord ? null : model.get('id'));
    if (taken + 1 > Number(event.get('capacity')))
      refuse(
        'rsvp',
        '{{field}} cannot be {{value}}: all {{capacity}} seats of {{event}} ({{capacityField}}) are taken; nothing was saved',
        {
          value: labelOf(RSVPS, 'attending', language.locale),
          capacity: event.get('capacity'),
          capacityField: fieldTitle(db.getCollection('events'), 'capacity', language),
          event: eventNamed(event.get(), language),
        },
        409,
      );
  }
  if (writes(model, 'attended') && model.get('attended') === true) {
    const startsAt = event.get('startsAt');
    if (!startsAt || new Date(startsAt).getTime() > Date.now())
      refuse('attended', '{{field}} can be recorded only once {{event}} has started; nothing was saved', {
        event: eventNamed(event.get(), language),
      });
  }
}

// Interest after an event, on every write path (bulk writes run row by row: plugin.ts): two different members who both
// attended the event, recorded once per direction, by the interested member's own matchmaker (or whoever sees every
// record). The server fills in who recorded it.
import { callerIdOf, fieldTitle, reachesEveryRecord, Refusal } from '@hongniang/plugin-core';
import { eventsLanguage } from '../language/events-language';
import { eventNamed, memberNamed } from '../language/names';

const SIDES = ['fromMember', 'toMember'] as const;

/**
 * Checks an interest about to be saved (`model`, an instance of `eventInterests`) and completes it (key, recordedBy).
 * Throws a `Refusal` naming the field in the caller's language: 400 bad value, 403 another matchmaker's member, 404 no
 * such event or member, 409 already recorded. Nothing is written then.
 */
export async function checkInterest(db: any, model: any, options: any) {
  const ctx = options?.context;
  const transaction = options?.transaction;
  const language = eventsLanguage(options);
  const collection = db.getCollection('eventInterests');
  const refuse = (field: string, key: string, values: Record<string, unknown> = {}, status: any = 400): never => {
    throw new Refusal(language.t(key, { field: fieldTitle(collection, field, language), ...values }), {
      field,
      status,
    });
  };
  if (!model.isNewRecord && !['eventId', 'fromMemberId', 'toMemberId'].some((key) => model.changed(key))) return;
  const eventId = model.get('eventId');
  if (eventId == null) refuse('event', '{{field}} is required; nothing was saved');
  for (const side of SIDES)
    if (model.get(`${side}Id`) == null) refuse(side, '{{field}} is required; nothing was saved');
  const [fromId, toId] = SIDES.map((side) => model.get(`${side}Id`));
  if (Number(fromId) === Number(toId))
    refuse('toMember', '{{field}} must be another member than the interested one; nothing was saved');
  const event = await db.getModel('events').findByPk(eventId, { attributes: ['id', 'title'], transaction });
  if (!event) refuse('event', 'There is no event with number {{id}}; nothing was saved', { id: eventId }, 404);
  const members = new Map<number, any>(
    (
      await db.getModel('members').findAll({
        where: { id: [fromId, toId] },
        attributes: ['id', 'name', 'memberNo', 'matchmakerId'],
        transaction,
        raw: true,
      })
    ).map((row: any) => [Number(row.id), row]),
  );
  const attended = new Set(
    (
      await db.getModel('eventInvitations').findAll({
        where: { eventId, memberId: [fromId, toId], attended: true },
        attributes: ['memberId'],
        transaction,
        raw: true,
      })
    ).map((row: any) => Number(row.memberId)),
  );
  for (const side of SIDES) {
    const id = Number(model.get(`${side}Id`));
    const member = members.get(id);
    if (!member) refuse(side, 'There is no member with number {{id}}; nothing was saved', { id }, 404);
    if (!attended.has(id))
      refuse(
        side,
        '{{member}} did not attend {{event}}: interest is recorded between its attendees; nothing was saved',
        {
          member: memberNamed(member, language),
          event: eventNamed(event.get(), language),
        },
      );
  }
  const caller = callerIdOf(ctx);
  const from = members.get(Number(fromId));
  if (caller != null && !reachesEveryRecord(ctx, 'eventInterests', 'view') && Number(from.matchmakerId) !== caller)
    refuse(
      'fromMember',
      'You may record the interest of your own members only; {{member}} is not one of them. Nothing was saved',
      {
        member: memberNamed(from, language),
      },
      403,
    );
  const key = `${eventId}:${fromId}:${toId}`;
  const taken = await db.getModel('eventInterests').findOne({ where: { key }, attributes: ['id'], transaction });
  if (taken && taken.get('id') !== model.get('id'))
    refuse(
      'toMember',
      '{{member}}’s interest in {{other}} at {{event}} is already recorded; nothing was saved',
      {
        member: memberNamed(from, language),
        other: memberNamed(members.get(Number(toId)), language),
        event: eventNamed(event.get(), language),
      },
      409,
    );
  model.set('key', key);
  if (model.isNewRecord) model.set('recordedById', caller ?? model.get('recordedById') ?? null);
}

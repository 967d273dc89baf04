// `POST /api/events:suggestInvitees?filterByTk=<event id>&limit=50` — 邀请合适会员: the members the caller works for
// (invitees/members-in-reach.ts) who are in service, consent to be recommended and are not flagged 勿推荐, not yet
// invited, of the event's gender and ages, ranked by the interest tags they share with it (invitees/rank-invitees.ts).
// The answer names each member by id and name only, with the reasons in the caller's language.
import { ageOn } from '@hongniang/plugin-members';
import { Refusal } from '@hongniang/plugin-core';
import { eventsLanguage } from '../language/events-language';
import { INTEREST_TAGS, labelOf } from '../language/vocabulary';
import { membersInReach } from '../invitees/members-in-reach';
import { InviteeCandidate, rankInvitees } from '../invitees/rank-invitees';
import { eventOfRequest } from './event-of-request';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/**
 * The action handler. Answers `{ event: { id, title }, eligible, invitees: [{ id, name, score, sharedTags: [{ value,
 * label }], ageFit, reasons: string[] }] }`: `eligible` members fit, the first `limit` (1–200, default 50) are listed.
 * Refuses (zh-CN / en-US, naming the parameter) a bad `filterByTk` or `limit` (400) and an unknown event (404).
 */
export async function suggestInvitees(ctx: any, next: () => Promise<void>) {
  const language = eventsLanguage({ context: ctx });
  const limit = limitOf(ctx.action.params.limit, language);
  const event = await eventOfRequest(ctx);
  const scope = await membersInReach(ctx);
  const invited = new Set(
    (
      await ctx.db.getModel('eventInvitations').findAll({
        where: { eventId: event.id },
        attributes: ['memberId'],
        raw: true,
      })
    ).map((row: any) => Number(row.memberId)),
  );
  const eventDay = event.startsAt ? new Date(event.startsAt) : new Date();
  const members = scope
    ? await ctx.db.getRepository('members').find({
        filter: {
          $and: [
            scope,
            { status: 'inService', recommendConsent: { $isTruly: true }, doNotRecommend: { $isFalsy: true } },
            ...(event.gender ? [{ gender: event.gender }] : []),
          ],
        },
        fields: ['id', 'name', 'hobbies', 'birthDate', 'gender'],
      })
    : [];
  const candidates: InviteeCandidate[] = members
    .map((member: any) => member.get())
    .filter((member: any) => !invited.has(Number(member.id)))
    .map((member: any) => ({
      id: Number(member.id),
      name: String(member.name ?? ''),
      hobbies: Array.isArray(member.hobbies) ? member.hobbies : [],
      age: member.birthDate ? ageOn(String(member.birthDate), eventDay) : null,
      gender: member.gender ?? null,
    }));
  // In the vocabulary's order (the stored array's order is the database's), so reasons read the same every time.
  const stored: unknown[] = Array.isArray(event.interestTags) ? event.interestTags : [];
  const tags = INTEREST_TAGS.map((option) => option.value).filter((value) => stored.includes(value));
  const ranked = rankInvitees(
    {
      interestTags: tags,
      ageMin: numberOrNull(event.ageMin),
      ageMax: numberOrNull(event.ageMax),
      gender: event.gender ?? null,
    },
    candidates,
  );
  const tagLabel = (tag: string) => labelOf(INTEREST_TAGS, tag, language.locale);
  ctx.body = {
    event: { id: event.id, title: event.title },
    eligible: ranked.length,
    invitees: ranked.slice(0, limit).map((invitee) => ({
      id: invitee.id,
      name: invitee.name,
      score: invitee.score,
      sharedTags: invitee.sharedTags.map((value) => ({ value, label: tagLabel(value) })),
      ageFit: invitee.ageFit,
      reasons: [
        tags.length
          ? language.t('Shares {{shared}} of the event’s {{total}} interest tags: {{tags}}', {
              shared: invitee.score,
              total: tags.length,
              tags: invitee.sharedTags.length ? language.list(invitee.sharedTags.map(tagLabel)) : '—',
            })
          : language.t('The event has no interest tags'),
        invitee.ageFit === 'inRange'
          ? language.t('Age within the event’s range ({{min}}–{{max}})', {
              min: event.ageMin ?? '',
              max: event.ageMax ?? '',
            })
          : language.t('The event asks for no age range'),
      ],
    })),
  };
  await next();
}

const numberOrNull = (value: unknown) => (value == null || value === '' ? null : Number(value));

/** `limit` as a whole number from 1 to MAX_LIMIT (DEFAULT_LIMIT when absent); a Refusal (400) naming it otherwise. */
function limitOf(raw: unknown, language: ReturnType<typeof eventsLanguage>): number {
  if (raw == null || raw === '') return DEFAULT_LIMIT;
  const limit = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT) return limit;
  throw new Refusal(
    language.t('limit must be a whole number from 1 to {{max}}, not "{{value}}"', { max: MAX_LIMIT, value: raw }),
    { field: 'limit' },
  );
}

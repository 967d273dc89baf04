// `POST /api/events:suggestFromInterests?filterByTk=<event id>` — 转为推荐: after an event, each pair of attendees who
// marked interest in each other becomes a match suggestion, unless the pair has one already. Each is created by
// matching's own `matchSuggestions:create` (scores, reasons, exclusions, the caller's reach: matching's rules), as the
// caller, with a note naming the event; what matching refuses is answered as skipped, with matching's reason.
import { Refusal } from '@hongniang/plugin-core';
import { eventsLanguage } from '../language/events-language';
import { eventNamed, memberNamed } from '../language/names';
import { eventOfRequest } from './event-of-request';

/** The pair as matching keys it: "<smaller id>:<larger id>". */
const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

interface NamedMember {
  id: number;
  name: string;
}

/**
 * The action handler. Answers `{ event: { id, title }, created: [{ suggestionId, members: [{ id, name }, …] }],
 * skipped: [{ members, reason }] }`. Refuses a bad `filterByTk` (400), an unknown event (404) and an event that has not
 * started yet (400), in the caller's language. Calling it again creates nothing new (each pair is suggested once).
 */
export async function suggestFromInterests(ctx: any, next: () => Promise<void>) {
  const language = eventsLanguage({ context: ctx });
  const event = await eventOfRequest(ctx);
  if (!event.startsAt || new Date(event.startsAt).getTime() > Date.now())
    throw new Refusal(
      language.t('{{event}} has not taken place yet: interest is turned into suggestions after the event', {
        event: eventNamed(event, language),
      }),
      { field: 'filterByTk' },
    );
  const pairs = await mutualPairs(ctx.db, event.id);
  const names = await namesOf(ctx.db, pairs.flat());
  const existing = new Set(
    (
      await ctx.db.getModel('matchSuggestions').findAll({
        where: { pairKey: pairs.map(([a, b]) => pairKey(a, b)) },
        attributes: ['pairKey'],
        raw: true,
      })
    ).map((row: any) => row.pairKey),
  );
  const created: { suggestionId: number; members: NamedMember[] }[] = [];
  const skipped: { members: NamedMember[]; reason: string }[] = [];
  const note = `活动「${event.title}」后双方互有好感`;
  for (const [a, b] of pairs) {
    const members = [names.get(a) ?? { id: a, name: String(a) }, names.get(b) ?? { id: b, name: String(b) }];
    if (existing.has(pairKey(a, b))) {
      skipped.push({ members, reason: language.t('This pair has a match suggestion already') });
      continue;
    }
    const outcome = await suggestThroughMatching(ctx, a, b, note);
    if ('suggestionId' in outcome) created.push({ suggestionId: outcome.suggestionId, members });
    else skipped.push({ members, reason: outcome.reason });
  }
  ctx.body = {
    event: { id: event.id, title: event.title },
    created: created.map(({ suggestionId, members }) => ({
      suggestionId,
      members: members.map((member) => ({ id: member.id, name: memberNamed(member, language) })),
    })),
    skipped: skipped.map(({ members, reason }) => ({
      members: members.map((member) => ({ id: member.id, name: memberNamed(member, language) })),
      reason,
    })),
  };
  await next();
}

/** The attendees' pairs [smaller id, larger id] in which each marked interest in the other at event `eventId`. */
async function mutualPairs(db: any, eventId: number): Promise<[number, number][]> {
  const rows = await db.getModel('eventInterests').findAll({
    where: { eventId },
    attributes: ['fromMemberId', 'toMemberId'],
    raw: true,
  });
  const directions = new Set(rows.map((row: any) => `${row.fromMemberId}>${row.toMemberId}`));
  const pairs = new Map<string, [number, number]>();
  for (const row of rows) {
    const [from, to] = [Number(row.fromMemberId), Number(row.toMemberId)];
    if (directions.has(`${to}>${from}`)) pairs.set(pairKey(from, to), from < to ? [from, to] : [to, from]);
  }
  return [...pairs.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

async function namesOf(db: any, ids: number[]) {
  const rows = ids.length
    ? await db.getModel('members').findAll({
        where: { id: [...new Set(ids)] },
        attributes: ['id', 'name', 'memberNo'],
        raw: true,
      })
    : [];
  return new Map<number, NamedMember & { memberNo?: string }>(
    rows.map((row: any) => [Number(row.id), { id: Number(row.id), name: row.name, memberNo: row.memberNo }]),
  );
}

/**
 * Runs matching's `matchSuggestions:create` handler for the pair as the caller: first with `a` as the member, then, if
 * matching answers that `a` is not hers to match (403), with `b`. Answers the suggestion's id, or matching's reason.
 */
async function suggestThroughMatching(
  ctx: any,
  a: number,
  b: number,
  note: string,
): Promise<{ suggestionId: number } | { reason: string }> {
  const handler = ctx.app.resourceManager.getRegisteredHandler('matchSuggestions:create');
  let reason = '';
  for (const [memberId, candidateId] of [
    [a, b],
    [b, a],
  ]) {
    // The caller's request (her user, roles, language), asking matching for one suggestion; its answer kept apart.
    const request = Object.create(ctx);
    request.action = {
      resourceName: 'matchSuggestions',
      actionName: 'create',
      params: { values: { memberId, candidateId, note } },
    };
    Object.defineProperty(request, 'body', { value: undefined, writable: true });
    try {
      await handler(request, async () => {});
      return { suggestionId: Number(request.body?.get?.('id') ?? request.body?.id) };
    } catch (error: any) {
      if (!(error instanceof Refusal) && !(error?.status && error?.message)) throw error;
      reason = error.message;
      if (error.status !== 403) break;
    }
  }
  return { reason };
}

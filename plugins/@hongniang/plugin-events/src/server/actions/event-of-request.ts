// The event an action of ours is about: `filterByTk` in the query string.
import { Refusal } from '@hongniang/plugin-core';
import { eventsLanguage } from '../language/events-language';

/**
 * The event named by the request's `filterByTk` (an event id, a positive whole number), as a plain object. Throws a
 * `Refusal` in the caller's language naming `filterByTk`: 400 when it is missing or not an id, 404 when no event has it.
 */
export async function eventOfRequest(ctx: any): Promise<Record<string, any>> {
  const language = eventsLanguage({ context: ctx });
  const raw = ctx.action.params.filterByTk;
  const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new Refusal(
      language.t('Say which event: filterByTk must be an event id (a positive whole number), not "{{value}}"', {
        value: raw ?? '',
      }),
      {
        field: 'filterByTk',
      },
    );
  const event = await ctx.db.getRepository('events').findOne({ filterByTk: id });
  if (!event)
    throw new Refusal(language.t('There is no event with number {{id}}', { id }), { field: 'filterByTk', status: 404 });
  return event.toJSON();
}

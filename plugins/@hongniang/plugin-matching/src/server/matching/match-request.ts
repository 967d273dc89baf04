// Reads and checks what a caller of members:match asks for; anything malformed is refused with a 400 naming it.
import { MessageValues, Refusal } from '@hongniang/plugin-core';
import { matchingLanguage } from '../language/matching-language';

export interface MatchRequest {
  memberId: number;
  limit: number | null;
  persist: boolean;
  /** Only these candidates (a matchmaker saving the ones she picked). */
  candidateIds: number[] | null;
}

const MAX_LIMIT = 100;
const KNOWN = ['limit', 'persist', 'candidateIds'];

const isWholePositive = (value: unknown) =>
  Number.isSafeInteger(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value) && Number(value) > 0;

export function readMatchRequest(ctx: any): MatchRequest {
  const language = matchingLanguage({ context: ctx });
  const refuse = (field: string, key: string, values?: MessageValues) =>
    new Refusal(language.t(key, values), { field });
  const { filterByTk, values } = ctx.action.params;
  if (!isWholePositive(filterByTk)) {
    throw refuse('filterByTk', 'Say which member to match with filterByTk (a positive whole number), not "{{value}}"', {
      value: filterByTk ?? '',
    });
  }
  const body = values ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw refuse('body', 'The request body must be a JSON object, e.g. {"limit": 20}');
  }
  const unknown = Object.keys(body).filter((key) => !KNOWN.includes(key));
  if (unknown.length) {
    throw refuse(unknown[0], 'Unknown parameter "{{names}}"; use {{known}}', {
      names: unknown.join(language.t('", "')),
      known: language.list(KNOWN),
    });
  }
  const { limit = null, persist = false, candidateIds = null } = body as Record<string, unknown>;
  if (limit !== null && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LIMIT)) {
    throw refuse('limit', 'limit must be a whole number from 1 to {{max}}, not {{value}}', {
      max: MAX_LIMIT,
      value: JSON.stringify(limit),
    });
  }
  if (typeof persist !== 'boolean') {
    throw refuse('persist', 'persist must be true or false, not {{value}}', { value: JSON.stringify(persist) });
  }
  if (
    candidateIds !== null &&
    !(
      Array.isArray(candidateIds) &&
      candidateIds.length >= 1 &&
      candidateIds.length <= MAX_LIMIT &&
      candidateIds.every((id) => Number.isSafeInteger(id) && id > 0)
    )
  ) {
    throw refuse('candidateIds', 'candidateIds must be an array of 1 to {{max}} member ids (positive whole numbers)', {
      max: MAX_LIMIT,
    });
  }
  return {
    memberId: Number(filterByTk),
    limit: limit as number | null,
    persist,
    candidateIds: candidateIds as number[] | null,
  };
}

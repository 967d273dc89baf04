// Reads and checks what a caller of members:match asks for; anything malformed is refused with a 400 naming it.
import { localeOf } from '@hongniang/plugin-core';
import { MatchingRefusal } from './refusal';

export interface MatchRequest {
  memberId: number;
  limit: number | null;
  persist: boolean;
  /** Only these candidates (a matchmaker saving the ones she picked). */
  candidateIds: number[] | null;
}

const MAX_LIMIT = 100;
const KNOWN = ['limit', 'persist', 'candidateIds'];

const isWholePositive = (value: unknown) => Number.isSafeInteger(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value) && Number(value) > 0;

export function readMatchRequest(ctx: any): MatchRequest {
  const locale = localeOf({ context: ctx });
  const refuse = (field: string, zh: string, en: string) => new MatchingRefusal(400, field, { 'zh-CN': zh, 'en-US': en }, locale);
  const { filterByTk, values } = ctx.action.params;
  if (!isWholePositive(filterByTk)) {
    throw refuse('filterByTk', `请用 filterByTk 指明要匹配的会员 id（正整数），收到「${filterByTk ?? ''}」`, `Say which member to match with filterByTk (a positive whole number), not "${filterByTk ?? ''}"`);
  }
  const body = values ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw refuse('body', '请求体应为 JSON 对象，例如 {"limit": 20}', 'The request body must be a JSON object, e.g. {"limit": 20}');
  }
  const unknown = Object.keys(body).filter((key) => !KNOWN.includes(key));
  if (unknown.length) {
    throw refuse(unknown[0], `不认识的参数「${unknown.join('、')}」，可用：limit、persist、candidateIds`, `Unknown parameter "${unknown.join('", "')}"; use limit, persist, candidateIds`);
  }
  const { limit = null, persist = false, candidateIds = null } = body as Record<string, unknown>;
  if (limit !== null && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LIMIT)) {
    throw refuse('limit', `limit 应为 1–${MAX_LIMIT} 之间的整数，收到「${JSON.stringify(limit)}」`, `limit must be a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(limit)}`);
  }
  if (typeof persist !== 'boolean') {
    throw refuse('persist', `persist 应为 true 或 false，收到「${JSON.stringify(persist)}」`, `persist must be true or false, not ${JSON.stringify(persist)}`);
  }
  if (
    candidateIds !== null &&
    !(Array.isArray(candidateIds) && candidateIds.length >= 1 && candidateIds.length <= MAX_LIMIT && candidateIds.every((id) => Number.isSafeInteger(id) && id > 0))
  ) {
    throw refuse('candidateIds', `candidateIds 应为 1–${MAX_LIMIT} 个会员 id（正整数）的数组`, `candidateIds must be an array of 1 to ${MAX_LIMIT} member ids (positive whole numbers)`);
  }
  return { memberId: Number(filterByTk), limit: limit as number | null, persist, candidateIds: candidateIds as number[] | null };
}

// matchSuggestions:create — a suggestion asked for by naming a member (one the caller may match) and a candidate;
// matching computes the rest (scores, reasons, pair key, status, origin) as saving from 找对象 does.
import { fieldTitle, localeOf } from '@hongniang/plugin-core';
import { callerView } from './caller-view';
import { evaluateChosen, fullEvaluations } from './chosen-candidates';
import { exclusionCounts } from './exclusions';
import { AnswerSources } from './find-matches';
import { memberInScope } from './match-scope';
import { readSettings } from './match-settings';
import { MemberPool } from './member-pool';
import { MatchingRefusal } from './refusal';
import { pairsOf, saveSuggestions } from './suggestions';
import { EXCLUSION_REASONS } from './vocabulary';

/** What a caller names; `status` only as the one a new suggestion has (forms send the default back). */
const NAMED = ['member', 'memberId', 'candidate', 'candidateId', 'note', 'status'];

interface SuggestionRequest {
  memberId: number;
  candidateId: number;
  note: string | null;
}

export function createSuggestion(pool: MemberPool, sources: () => AnswerSources) {
  return async (ctx: any, next: () => Promise<void>) => {
    const locale = localeOf({ context: ctx });
    const collection = ctx.db.getCollection('matchSuggestions');
    const body = ctx.action.params.values && typeof ctx.action.params.values === 'object' && !Array.isArray(ctx.action.params.values) ? ctx.action.params.values : {};
    const request = readPair(collection, body, locale);
    // Whose member it is comes first: what else is wrong with a request for another's member is none of her business.
    await memberInScope(ctx, request.memberId, locale, 'member');
    refuseComputedValues(collection, body, locale);
    const view = await callerView(ctx, sources().seenOnEveryMember);
    await pool.current();
    const refuse = (field: string, zh: string, en: string): never => {
      throw new MatchingRefusal(400, field, { 'zh-CN': zh, 'en-US': en }, locale);
    };
    if (request.candidateId === request.memberId) refuse('candidate', '会员不能推荐给她本人', 'A member cannot be suggested to herself');
    if (!pool.index.has(request.candidateId)) refuse('candidate', `没有 id 为 ${request.candidateId} 的会员`, `There is no member with id ${request.candidateId}`);
    const settings = await readSettings(ctx.db);
    const pairs = await pairsOf(ctx.db, request.memberId);
    const outcome = evaluateChosen(pool, request.memberId, [request.candidateId], settings.engine, new Set(pairs.keys()), view.withheld);
    if (!outcome.results.length) {
      const [reason] = Object.keys(exclusionCounts(pool, request.memberId, outcome, pairs, [request.candidateId], view));
      const why = EXCLUSION_REASONS[reason] ?? { zh: reason, en: reason };
      refuse('candidate', `不能推荐这一对：${why.zh}`, `This pair cannot be suggested: ${why.en}`);
    }
    const [result] = fullEvaluations(pool, request.memberId, outcome.results, settings.engine, view.withheld);
    const saved = await saveSuggestions(ctx.db, request.memberId, [result], { origin: 'matchmaker', context: ctx, locale, note: request.note });
    const id = saved.get(request.candidateId);
    if (!id) refuse('candidate', `不能推荐这一对：${EXCLUSION_REASONS.alreadySuggested.zh}`, `This pair cannot be suggested: ${EXCLUSION_REASONS.alreadySuggested.en}`);
    ctx.body = await ctx.db.getRepository('matchSuggestions').findOne({ filterByTk: id });
    await next();
  };
}

const refusal = (collection: any, field: string, locale: string, zh: (title: string) => string, en: (title: string) => string) =>
  new MatchingRefusal(400, field, { 'zh-CN': zh(fieldTitle(collection, field, 'zh-CN')), 'en-US': en(fieldTitle(collection, field, 'en-US')) }, locale);

/** The member and the candidate (each as an id or `{ id }`), and a note. */
function readPair(collection: any, body: Record<string, any>, locale: string): SuggestionRequest {
  const idOf = (field: 'member' | 'candidate') => {
    const value = body[`${field}Id`] ?? (body[field] && typeof body[field] === 'object' ? body[field].id : body[field]);
    const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (Number.isSafeInteger(id) && id > 0) return id as number;
    throw refusal(collection, field, locale, (title) => `请指明「${title}」（会员 id，正整数）`, (title) => `Say which member is the “${title}” (a member id, a positive whole number)`);
  };
  return { memberId: idOf('member'), candidateId: idOf('candidate'), note: body.note == null ? null : String(body.note) };
}

/** Anything beyond member, candidate and note is matching's to set: refused with its title, nothing saved. */
function refuseComputedValues(collection: any, body: Record<string, any>, locale: string) {
  for (const key of Object.keys(body)) {
    if (key === 'status') {
      if (body.status === 'open') continue;
      throw refusal(collection, key, locale, (title) => `新建的推荐记录「${title}」总是「待处理」，不能是「${body.status}」，请求未保存`, (title) => `A new suggestion’s “${title}” is always open, not “${body.status}”; nothing was saved`);
    }
    if (NAMED.includes(key)) continue;
    if (collection.getField(key) || collection.model.getAttributes()[key]) {
      throw refusal(collection, key, locale, (title) => `「${title}」由匹配计算得出，新建推荐时不能填写（只需指明会员和推荐对象），请求未保存`, (title) => `“${title}” is set by matching; name only the member and the candidate. Nothing was saved`);
    }
    throw refusal(collection, key, locale, () => `推荐记录没有「${key}」这一项，请求未保存`, () => `Match suggestions have no field “${key}”; nothing was saved`);
  }
}

// matchSuggestions:create — a suggestion asked for by naming a member (one the caller may match) and a candidate;
// matching computes the rest (scores, reasons, pair key, status, origin) as saving from 找对象 does.
import { fieldTitle, Language, localeOf, MessageValues, Refusal } from '@hongniang/plugin-core';
import { callerView } from '../matching/caller-view';
import { evaluateChosen, fullEvaluations } from '../matching/chosen-candidates';
import { exclusionCounts } from '../matching/exclusions';
import { AnswerSources } from './find-matches';
import { memberInScope } from '../matching/match-scope';
import { readSettings } from '../hooks/match-settings';
import { MemberPool } from '../matching/member-pool';
import { labelIn, matchingLanguage } from '../language/matching-language';
import { excludedPairsOf, saveSuggestions } from '../matching/suggestions';
import { EXCLUSION_REASONS } from '../language/vocabulary';

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
    const language = matchingLanguage({ context: ctx });
    const collection = ctx.db.getCollection('matchSuggestions');
    const body =
      ctx.action.params.values &&
      typeof ctx.action.params.values === 'object' &&
      !Array.isArray(ctx.action.params.values)
        ? ctx.action.params.values
        : {};
    const request = readPair(collection, body, language);
    // Whose member it is comes first: what else is wrong with a request for another's member is none of her business.
    await memberInScope(ctx, request.memberId, language, 'member');
    refuseComputedValues(collection, body, language);
    const view = await callerView(ctx, sources().seenOnEveryMember);
    await pool.current();
    const refuse = (field: string, key: string, values?: MessageValues): never => {
      throw new Refusal(language.t(key, values), { field });
    };
    if (request.candidateId === request.memberId) refuse('candidate', 'A member cannot be suggested to herself');
    if (!pool.index.has(request.candidateId))
      refuse('candidate', 'There is no member with id {{id}}', { id: request.candidateId });
    const settings = await readSettings(ctx.db);
    const pairs = await excludedPairsOf(ctx.app, ctx.db, request.memberId);
    const outcome = evaluateChosen(
      pool,
      request.memberId,
      [request.candidateId],
      settings.engine,
      new Set(pairs.keys()),
      view.withheld,
    );
    if (!outcome.results.length) {
      const [reason] = Object.keys(
        exclusionCounts(pool, request.memberId, outcome, pairs, [request.candidateId], view),
      );
      const why = EXCLUSION_REASONS[reason] ?? { zh: reason, en: reason };
      refuse('candidate', 'This pair cannot be suggested: {{reason}}', { reason: labelIn(language, why) });
    }
    const [result] = fullEvaluations(pool, request.memberId, outcome.results, settings.engine, view.withheld);
    const saved = await saveSuggestions(ctx.db, request.memberId, [result], {
      origin: 'matchmaker',
      context: ctx,
      locale,
      note: request.note,
    });
    const id = saved.get(request.candidateId);
    if (!id)
      refuse('candidate', 'This pair cannot be suggested: {{reason}}', {
        reason: labelIn(language, EXCLUSION_REASONS.alreadySuggested),
      });
    ctx.body = await ctx.db.getRepository('matchSuggestions').findOne({ filterByTk: id });
    await next();
  };
}

/** The refusal (400) of a field: `key`'s `{{field}}` is its title in the caller's language. */
const refusal = (collection: any, field: string, language: Language, key: string, values: MessageValues = {}) =>
  new Refusal(language.t(key, { field: fieldTitle(collection, field, language), ...values }), { field });

/** The member and the candidate (each as an id or `{ id }`), and a note. */
function readPair(collection: any, body: Record<string, any>, language: Language): SuggestionRequest {
  const idOf = (field: 'member' | 'candidate') => {
    const value = body[`${field}Id`] ?? (body[field] && typeof body[field] === 'object' ? body[field].id : body[field]);
    const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (Number.isSafeInteger(id) && id > 0) return id as number;
    throw refusal(
      collection,
      field,
      language,
      'Say which member is the “{{field}}” (a member id, a positive whole number)',
    );
  };
  return {
    memberId: idOf('member'),
    candidateId: idOf('candidate'),
    note: body.note == null ? null : String(body.note),
  };
}

/** Anything beyond member, candidate and note is matching's to set: refused with its title, nothing saved. */
function refuseComputedValues(collection: any, body: Record<string, any>, language: Language) {
  for (const key of Object.keys(body)) {
    if (key === 'status') {
      if (body.status === 'open') continue;
      throw refusal(
        collection,
        key,
        language,
        'A new suggestion’s “{{field}}” is always open, not “{{value}}”; nothing was saved',
        { value: body.status },
      );
    }
    if (NAMED.includes(key)) continue;
    if (collection.getField(key) || collection.model.getAttributes()[key]) {
      throw refusal(
        collection,
        key,
        language,
        '“{{field}}” is set by matching; name only the member and the candidate. Nothing was saved',
      );
    }
    throw refusal(collection, key, language, 'Match suggestions have no field “{{name}}”; nothing was saved', {
      name: key,
    });
  }
}

// members:match — a member's best candidates, reciprocal and explained, within the caller's permissions: what she may
// not see of members is neither shown nor used (caller-view.ts), and what is saved is the agency's full evaluation.
import { localeOf, Refusal } from '@hongniang/plugin-core';
import { CardFields, candidateCards, candidateFields } from '../matching/candidate-cards';
import { FieldsSeenOnEveryMember, callerView, withheldList } from '../matching/caller-view';
import { evaluateChosen, fullEvaluations } from '../matching/chosen-candidates';
import { exclusionCounts } from '../matching/exclusions';
import { readMatchRequest } from '../matching/match-request';
import { memberInScope } from '../matching/match-scope';
import { readSettings } from '../hooks/match-settings';
import { MemberPool } from '../matching/member-pool';
import { explain } from '../matching/reasons';
import { adjustmentsOf } from '../matching/adjustments';
import { matchingLanguage } from '../language/matching-language';
import { excludedPairsOf, saveSuggestions } from '../matching/suggestions';

/** What the matching answers draw on that another plugin may supply (the access plugin: 字段隐私). */
export interface AnswerSources {
  cardFields: CardFields;
  seenOnEveryMember: FieldsSeenOnEveryMember;
}

export function findMatches(pool: MemberPool, sources: () => AnswerSources) {
  return async (ctx: any, next: () => Promise<void>) => {
    const started = performance.now();
    const locale = localeOf({ context: ctx });
    const language = matchingLanguage({ context: ctx });
    const request = readMatchRequest(ctx);
    await memberInScope(ctx, request.memberId, language);
    const fields = await candidateFields(ctx, await sources().cardFields(), language);
    if (request.persist && !ctx.can({ resource: 'matchSuggestions', action: 'create' })) {
      throw new Refusal(language.t('You may not create match suggestions'), { field: 'persist', status: 403 });
    }
    const view = await callerView(ctx, sources().seenOnEveryMember);
    await pool.current();
    const settings = await readSettings(ctx.db);
    const pairs = await excludedPairsOf(ctx.app, ctx.db, request.memberId);
    const excludedIds = new Set(pairs.keys());
    const outcome = request.candidateIds
      ? evaluateChosen(pool, request.memberId, request.candidateIds, settings.engine, excludedIds, view.withheld)
      : pool.index.match(request.memberId, {
          limit: request.limit ?? settings.defaultLimit,
          settings: settings.engine,
          excludedIds,
          ignore: view.withheld,
        });

    const saved = request.persist
      ? await saveSuggestions(
          ctx.db,
          request.memberId,
          fullEvaluations(pool, request.memberId, outcome.results, settings.engine, view.withheld),
          {
            origin: 'matchmaker',
            context: ctx,
            locale,
          },
        )
      : new Map<number, number>();
    const cards = await candidateCards(
      ctx,
      outcome.results.map((result) => result.candidateId),
      fields,
    );
    const adjustments = await adjustmentsOf(ctx.db, request.memberId);
    const rows = outcome.results.map((result) => ({
      candidateId: result.candidateId,
      score: result.score,
      forward: result.forward,
      backward: result.backward,
      breakdown: explain(result.breakdown, locale, view.withheld, adjustments),
      candidate: cards.get(result.candidateId) ?? { id: result.candidateId },
      ...(request.persist ? { suggestionId: saved.get(result.candidateId) ?? null } : {}),
    }));
    // NocoBase answers { rows, ...rest } as { data: rows, meta: rest }.
    ctx.body = {
      rows,
      evaluated: outcome.evaluated,
      excluded: exclusionCounts(pool, request.memberId, outcome, pairs, request.candidateIds, view),
      // Scores, exclusions and reasons leave these criteria out: they compare fields the caller may not see on every member.
      withheldCriteria: withheldList(view),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      usedAgencyDefaults: !pool.hasPreferences(request.memberId),
      combination: settings.engine.combination,
      minimumScore: settings.engine.minimumScore,
    };
    await next();
  };
}

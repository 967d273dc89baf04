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
import { explain, explainLearned } from '../matching/reasons';
import { LearnedFeed } from '../learning/learned-feed';
import { learnedTop, shortlistSize } from '../learning/learned-ranking';
import { adjustmentsOf } from '../matching/adjustments';
import { allInOrder } from '../matching/all-in-order';
import { matchingLanguage } from '../language/matching-language';
import { excludedPairsOf, saveSuggestions } from '../matching/suggestions';

/** What the matching answers draw on that another plugin may supply (the access plugin: 字段隐私). */
export interface AnswerSources {
  cardFields: CardFields;
  seenOnEveryMember: FieldsSeenOnEveryMember;
}

export function findMatches(pool: MemberPool, feed: LearnedFeed, sources: () => AnswerSources) {
  return async (ctx: any, next: () => Promise<void>) => {
    const started = performance.now();
    const locale = localeOf({ context: ctx });
    const language = matchingLanguage({ context: ctx });
    const request = readMatchRequest(ctx);
    // Each of these reads one thing about the request, the member or the agency, none needing another: asked together,
    // a query's own work overlaps another's wait (SQLite still answers one at a time). Session 27's timing of each step
    // at 10 000 members: 12 ms one after another, the largest share of a match after the candidates' cards.
    const [, fields, view, , settings, pairs, adjustments] = await allInOrder([
      memberInScope(ctx, request.memberId, language),
      sources()
        .cardFields()
        .then((safe) => candidateFields(ctx, safe, language)),
      callerView(ctx, sources().seenOnEveryMember),
      pool.current(),
      readSettings(ctx.db),
      excludedPairsOf(ctx.app, ctx.db, request.memberId),
      adjustmentsOf(ctx.db, request.memberId),
    ] as const);
    if (request.persist && !ctx.can({ resource: 'matchSuggestions', action: 'create' })) {
      throw new Refusal(language.t('You may not create match suggestions'), { field: 'persist', status: 403 });
    }
    const excludedIds = new Set(pairs.keys());
    const limit = request.candidateIds ? request.candidateIds.length : (request.limit ?? settings.defaultLimit);
    const outcome = request.candidateIds
      ? evaluateChosen(pool, request.memberId, request.candidateIds, settings.engine, excludedIds, view.withheld)
      : pool.index.match(request.memberId, {
          limit: shortlistSize(limit, settings.engine),
          settings: settings.engine,
          excludedIds,
          ignore: view.withheld,
        });
    // Learning on: ranked by what members answered too, explained by its effects only (learning/learned-ranking.ts).
    const signals = settings.engine.learned?.enabled ? await feed.current() : null;
    const ranked = learnedTop(request.memberId, outcome.results, limit, signals, settings.engine, view.withheld);
    const results = ranked.map((result) => result.stated);

    const saved = request.persist
      ? await saveSuggestions(
          ctx.db,
          request.memberId,
          fullEvaluations(pool, request.memberId, results, settings.engine, view.withheld),
          {
            origin: 'matchmaker',
            context: ctx,
            locale,
          },
        )
      : new Map<number, number>();
    const cards = await candidateCards(
      ctx,
      results.map((result) => result.candidateId),
      fields,
    );
    const rows = ranked.map(({ learned, stated: result }) => ({
      candidateId: result.candidateId,
      score: learned?.score ?? result.score,
      ...(learned ? { statedScore: result.score } : {}),
      forward: result.forward,
      backward: result.backward,
      breakdown: explain(result.breakdown, locale, view.withheld, adjustments),
      ...(learned ? { learned: explainLearned(learned.learned, language) } : {}),
      candidate: cards.get(result.candidateId) ?? { id: result.candidateId },
      ...(request.persist ? { suggestionId: saved.get(result.candidateId) ?? null } : {}),
    }));
    // NocoBase answers { rows, ...rest } as { data: rows, meta: rest }.
    ctx.body = {
      rows,
      evaluated: outcome.evaluated,
      excluded: exclusionCounts(pool, request.memberId, outcome, pairs, request.candidateIds, view),
      learning: Boolean(signals),
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

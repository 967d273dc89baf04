// members:match — a member's best candidates, reciprocal and explained, within the caller's permissions.
import { CriterionScore, MatchOutcome, MatchResult, byRank, evaluatePair, precheck } from '@hongniang/matching-engine';
import { localeOf } from '@hongniang/plugin-members';
import { readMatchRequest } from './match-request';
import { readSettings } from './match-settings';
import { MemberPool } from './member-pool';
import { MatchingRefusal } from './refusal';
import { pairsOf, saveSuggestions } from './suggestions';
import { criterionLabel } from './vocabulary';

/** What a candidate's card may show before an introduction is agreed: no contact details, nothing sensitive. */
export const INTRODUCTION_SAFE_FIELDS = [
  'id', 'memberNo', 'name', 'gender', 'age', 'ageGroup', 'heightCm', 'education', 'occupation', 'occupationGroup', 'industry',
  'maritalStatus', 'childrenStatus', 'onlyChild', 'hobbies', 'personality', 'smoking', 'drinking', 'currentCity',
];

/** Where a candidate card's fields come from: the list above, unless an access plugin supplies the agency's own. */
export type CardFields = () => Promise<string[]>;
export const introductionSafeFields: CardFields = async () => INTRODUCTION_SAFE_FIELDS;

const say = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

/** The member, if she is in the caller's data scope for matching; 404 when there is no such member, 403 when out of reach. */
async function memberInScope(ctx: any, memberId: number, locale: string) {
  const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, { resourceName: 'members', actionName: 'match', params: {} });
  const repository = ctx.db.getRepository('members');
  const member = await repository.findOne({ filterByTk: memberId, filter: mergedParams.filter, fields: ['id', 'name'] });
  if (member) return member;
  if (await repository.findOne({ filterByTk: memberId, fields: ['id'] })) {
    throw new MatchingRefusal(403, 'filterByTk', say(`会员 ${memberId} 不在您可匹配的范围内`, `Member ${memberId} is not among the members you may match`), locale);
  }
  throw new MatchingRefusal(404, 'filterByTk', say(`没有 id 为 ${memberId} 的会员`, `There is no member with id ${memberId}`), locale);
}

/**
 * What of a candidate this caller may see: the introduction-safe fields, narrowed by the ACL exactly as a members:get
 * asking for them would be (field list and allowed appends of her role).
 */
async function candidateFields(ctx: any, safe: string[], locale: string): Promise<{ fields: string[]; appends: string[] }> {
  const members = ctx.db.getCollection('members');
  const known = safe.map((name) => members.getField(name)).filter(Boolean);
  // Cards carry plain values, region names (read below), and a belongsTo as its key (the matchmaker's id).
  const asked = {
    fields: known.flatMap((field: any) => (!field.target ? [field.name] : field.type === 'belongsTo' ? [field.foreignKey] : [])),
    appends: known.filter((field: any) => field.target === 'chinaRegions' && field.type === 'belongsToMany').map((field: any) => field.name),
  };
  try {
    const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, { resourceName: 'members', actionName: 'view', params: asked });
    return {
      fields: (mergedParams.fields ?? asked.fields).filter((field: string) => asked.fields.includes(field)),
      appends: (mergedParams.appends ?? asked.appends).filter((field: string) => asked.appends.includes(field)),
    };
  } catch {
    throw new MatchingRefusal(403, 'members', say('您没有查看会员的权限，不能匹配', 'You may not view members, so you cannot match them'), locale);
  }
}

/** Only the chosen candidates, with the same exclusions and scores as a full search. */
function evaluateChosen(pool: MemberPool, memberId: number, candidateIds: number[], settings: any, excludedIds: Set<number>): MatchOutcome {
  const member = pool.index.person(memberId)!;
  const excluded: MatchOutcome['excluded'] = {};
  const count = (reason: keyof MatchOutcome['excluded']) => (excluded[reason] = (excluded[reason] ?? 0) + 1);
  const results: MatchResult[] = [];
  for (const id of new Set(candidateIds)) {
    const candidate = pool.index.person(id);
    if (!candidate) continue;
    const reason = precheck(member.profile, candidate.profile, excludedIds);
    if (reason) {
      if (reason !== 'self') count(reason);
      continue;
    }
    const result = evaluatePair(member, candidate, settings);
    if (result === 'hardFilter') count('hardFilter');
    else if (result.score < settings.minimumScore) count('belowMinimum');
    else results.push(result);
  }
  return { results: results.sort(byRank), evaluated: results.length + (excluded.hardFilter ?? 0) + (excluded.belowMinimum ?? 0), excluded };
}

const percent = (similarity: number) => Math.round(similarity * 100);

/** The breakdown as people read it: each criterion's fit in each direction (0–100) and the weight it carried. */
export const explain = (breakdown: CriterionScore[], locale: string) =>
  breakdown.map((item) => ({
    criterion: item.criterion,
    title: criterionLabel(item.criterion, locale),
    forward: percent(item.forward),
    backward: percent(item.backward),
    weight: item.weight,
  }));

export function findMatches(pool: MemberPool, cardFields: CardFields = introductionSafeFields) {
  return async (ctx: any, next: () => Promise<void>) => {
    const started = performance.now();
    const locale = localeOf({ context: ctx });
    const request = readMatchRequest(ctx);
    await memberInScope(ctx, request.memberId, locale);
    const fields = await candidateFields(ctx, await cardFields(), locale);
    if (request.persist && !ctx.can({ resource: 'matchSuggestions', action: 'create' })) {
      throw new MatchingRefusal(403, 'persist', say('您没有创建推荐记录的权限', 'You may not create match suggestions'), locale);
    }
    await pool.current();
    const settings = await readSettings(ctx.db);
    const pairs = await pairsOf(ctx.db, request.memberId);
    const excludedIds = new Set(pairs.keys());
    const engineOptions = { limit: request.limit ?? settings.defaultLimit, settings: settings.engine, excludedIds };
    const outcome = request.candidateIds
      ? evaluateChosen(pool, request.memberId, request.candidateIds, settings.engine, excludedIds)
      : pool.index.match(request.memberId, engineOptions);

    const results = outcome.results.map((result) => ({ ...result, breakdown: explain(result.breakdown, locale) }));
    const saved = request.persist
      ? await saveSuggestions(ctx.db, request.memberId, results as any, { origin: 'matchmaker', context: ctx })
      : new Map<number, number>();
    const cards = await candidateCards(ctx, results.map((result) => result.candidateId), fields);
    const rows = results.map((result) => ({
      candidateId: result.candidateId,
      score: result.score,
      forward: result.forward,
      backward: result.backward,
      breakdown: result.breakdown,
      candidate: cards.get(result.candidateId) ?? { id: result.candidateId },
      ...(request.persist ? { suggestionId: saved.get(result.candidateId) ?? null } : {}),
    }));
    // NocoBase answers { rows, ...rest } as { data: rows, meta: rest }.
    ctx.body = {
      rows,
      evaluated: outcome.evaluated,
      excluded: exclusionCounts(pool, request.memberId, outcome, pairs, request.candidateIds),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      usedAgencyDefaults: !pool.hasPreferences(request.memberId),
      combination: settings.engine.combination,
      minimumScore: settings.engine.minimumScore,
    };
    await next();
  };
}

/** The engine's counts with the reasons a matchmaker needs: why not recommendable, why a pair is out. */
function exclusionCounts(pool: MemberPool, memberId: number, outcome: MatchOutcome, pairs: Map<number, string>, chosen: number[] | null) {
  const { notRecommendable, excludedPair, ...rest } = outcome.excluded;
  const counts: Record<string, number> = { self: chosen && !chosen.includes(memberId) ? 0 : 1 };
  if (notRecommendable) {
    if (chosen) {
      for (const id of new Set(chosen)) {
        const reason = id === memberId ? null : pool.reasonNotRecommendable(id);
        if (reason) counts[reason] = (counts[reason] ?? 0) + 1;
      }
    } else Object.assign(counts, pool.notRecommendableCounts(memberId));
  }
  if (excludedPair) {
    const member = pool.index.person(memberId)!;
    for (const [id, reason] of pairs) {
      if (chosen && !chosen.includes(id)) continue;
      const candidate = pool.index.person(id);
      if (candidate && !precheck(member.profile, candidate.profile)) counts[reason] = (counts[reason] ?? 0) + 1;
    }
  }
  Object.assign(counts, rest);
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** The candidates' introduction-safe fields (as narrowed for the caller), read straight from the tables: no appends machinery. */
async function candidateCards(ctx: any, ids: number[], { fields, appends }: { fields: string[]; appends: string[] }) {
  if (!ids.length) return new Map<number, any>();
  const rows: any[] = await ctx.db.getModel('members').findAll({ attributes: [...new Set(['id', ...fields])], where: { id: ids } });
  const cards = new Map<number, any>(rows.map((row) => [Number(row.get('id')), row.get({ plain: true })]));
  for (const association of appends) {
    const through = ctx.db.getModel(ctx.db.getCollection('members').getField(association).options.through);
    const links: any[] = await through.findAll({ attributes: ['memberId', 'regionCode'], where: { memberId: ids }, raw: true });
    const names = new Map<string, string>(
      (await ctx.db.getModel('chinaRegions').findAll({ attributes: ['code', 'name'], where: { code: [...new Set(links.map((link) => link.regionCode))] }, raw: true }))
        .map((region: any) => [String(region.code), region.name]),
    );
    for (const card of cards.values()) card[association] = [];
    for (const link of links.sort((a, b) => String(a.regionCode).length - String(b.regionCode).length)) {
      cards.get(Number(link.memberId))?.[association].push({ code: String(link.regionCode), name: names.get(String(link.regionCode)) });
    }
  }
  return cards;
}

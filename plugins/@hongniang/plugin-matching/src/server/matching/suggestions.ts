// Match suggestions (推荐记录): the pairs already worked on, and saving new ones without ever duplicating a pair.
import { MatchResult } from '@hongniang/matching-engine';
import { Op } from '@nocobase/database';
import { pairExclusionsOf } from '@hongniang/plugin-core';
import { asMatchingProcess } from '../hooks/authored-by-matching';
import { explain } from './reasons';

export const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export type PairReason = 'alreadySuggested' | 'declinedBefore';

/** Everyone this member already has a suggestion with, in either direction, and why that pair is out. */
export async function pairsOf(db: any, memberId: number, transaction?: any): Promise<Map<number, PairReason>> {
  const rows: any[] = await db.getModel('matchSuggestions').findAll({
    attributes: ['memberId', 'candidateId', 'status'],
    where: { [Op.or]: [{ memberId }, { candidateId: memberId }] },
    raw: true,
    transaction,
  });
  const pairs = new Map<number, PairReason>();
  for (const row of rows) {
    const other = Number(row.memberId) === memberId ? Number(row.candidateId) : Number(row.memberId);
    pairs.set(
      other,
      row.status === 'declined' || pairs.get(other) === 'declinedBefore' ? 'declinedBefore' : 'alreadySuggested',
    );
  }
  return pairs;
}

/**
 * Everyone this member may not be suggested with and why: her suggestion pairs (pairsOf) and the pairs other features
 * exclude through plugin-core's excludePairs (e.g. an introduction: `inIntroduction`, `introductionDeclined`,
 * `dateDeclined`, `introductionEnded`); for a pair in both, the other feature's reason is kept.
 */
export async function excludedPairsOf(app: any, db: any, memberId: number, transaction?: any) {
  const pairs: Map<number, string> = await pairsOf(db, memberId, transaction);
  const elsewhere = (await pairExclusionsOf(app, db, [memberId], transaction)).get(memberId);
  for (const [other, reason] of elsewhere ?? []) pairs.set(other, reason);
  return pairs;
}

export interface SaveOptions {
  origin: string;
  /** The request behind it (NocoBase records who created the suggestion). */
  context?: any;
  /** The language the reasons' titles are stored in. */
  locale: string;
  note?: string | null;
}

const valuesOf = (memberId: number, result: MatchResult, { origin, locale, note }: SaveOptions) => ({
  memberId,
  candidateId: result.candidateId,
  pairKey: pairKey(memberId, result.candidateId),
  score: result.score,
  forwardScore: result.forward,
  backwardScore: result.backward,
  breakdown: explain(result.breakdown, locale),
  origin,
  ...(note ? { note } : {}),
});

/**
 * Saves the engine's results (full evaluations) as open suggestions, as matching's own writes; a pair that has one
 * already (either direction) is left as it is. Returns the new suggestion's id by candidate.
 */
export async function saveSuggestions(db: any, memberId: number, results: MatchResult[], options: SaveOptions) {
  const repository = db.getRepository('matchSuggestions');
  return asMatchingProcess(db, async (transaction: any) => {
    const keys = results.map((result) => pairKey(memberId, result.candidateId));
    const taken = new Set(
      (
        await db
          .getModel('matchSuggestions')
          .findAll({ attributes: ['pairKey'], where: { pairKey: keys }, raw: true, transaction })
      ).map((row: any) => row.pairKey),
    );
    const saved = new Map<number, number>();
    for (const result of results) {
      if (taken.has(pairKey(memberId, result.candidateId))) continue;
      const record = await repository.create({
        values: valuesOf(memberId, result, options),
        context: options.context,
        transaction,
      });
      saved.set(result.candidateId, record.get('id'));
    }
    return saved;
  });
}

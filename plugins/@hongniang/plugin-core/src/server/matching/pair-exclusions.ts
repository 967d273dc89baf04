// Pairs that matching must not suggest, as other features know them (an introduction under way or ended): a feature
// registers a provider at load, matching asks every provider without knowing who they are. No provider: no pair is out.
import { Application } from '@nocobase/server';
import { appState } from '../app/app-state';

/**
 * For each member asked about, the other members she may not be suggested with and why (a reason code such as
 * `inIntroduction`): `Map<memberId, Map<otherMemberId, reason>>`. Members without such pairs may be left out.
 */
export type PairExclusions = Map<number, Map<number, string>>;

/** Answers the excluded pairs of the given members, in one query if it can, in the caller's transaction if any. */
export type PairExclusionProvider = (db: any, memberIds: number[], transaction?: any) => Promise<PairExclusions>;

const providers = (app: Application) => appState(app, 'pairExclusions', () => new Map<string, PairExclusionProvider>());

/** Called by a feature (`source`: its plugin's name), once, at load; a second call for the same source replaces the first. */
export function excludePairs(app: Application, source: string, provider: PairExclusionProvider) {
  providers(app).set(source, provider);
}

/** Members per provider call: a batch run asks about all, and a database bounds the parameters of one query. */
const CHUNK = 1000;

/**
 * Every provider's answer for these members, merged: `Map<memberId, Map<otherMemberId, reason>>`; where two providers
 * exclude the same pair, the one registered first keeps its reason. Empty when no feature provides any. Providers are
 * asked about at most 1000 members per call.
 */
export async function pairExclusionsOf(
  app: Application,
  db: any,
  memberIds: number[],
  transaction?: any,
): Promise<PairExclusions> {
  const merged: PairExclusions = new Map();
  if (!memberIds.length) return merged;
  for (const provider of providers(app).values()) {
    for (let start = 0; start < memberIds.length; start += CHUNK) {
      for (const [memberId, others] of await provider(db, memberIds.slice(start, start + CHUNK), transaction)) {
        const mine = merged.get(memberId) ?? new Map<number, string>();
        for (const [other, reason] of others) if (!mine.has(other)) mine.set(other, reason);
        merged.set(memberId, mine);
      }
    }
  }
  return merged;
}

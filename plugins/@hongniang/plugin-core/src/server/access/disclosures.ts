// Privacy levels of some records disclosed to one user beyond what her role reaches (an introduction both sides agreed
// to shows each member's contact details to the other side's matchmaker): a feature registers a provider at load, the
// access plugin asks every provider when it shapes an answer, knowing none of them. No provider: nothing is disclosed.
import { Application } from '@nocobase/server';
import { appState } from '../app/app-state';
import { PrivacyLevel } from './declarations';

/** Per record id (a member's), the privacy levels disclosed on it to the user asked about. Records without any may be left out. */
export type Disclosures = Map<number, Set<PrivacyLevel>>;

/**
 * Answers, for the signed-in user `viewerId` and records of one private collection (by id), the levels disclosed to her
 * on each: in one query if it can, in the caller's transaction if any.
 */
export type DisclosureProvider = (
  db: any,
  viewerId: number,
  recordIds: number[],
  transaction?: any,
) => Promise<Disclosures>;

const providers = (app: Application) =>
  appState(app, 'disclosures', () => new Map<string, Map<string, DisclosureProvider>>());

/**
 * Called by a feature (`source`: its plugin's name), once, at load, for the records of a private collection (`members`);
 * a second call for the same source and collection replaces the first. A disclosure only widens a level the viewer's
 * role sees on her own records; it never reaches a level her role sees on none (access applies that rule).
 */
export function discloseToViewer(
  app: Application,
  source: string,
  collectionName: string,
  provider: DisclosureProvider,
) {
  const byCollection = providers(app);
  if (!byCollection.has(collectionName)) byCollection.set(collectionName, new Map());
  byCollection.get(collectionName)!.set(source, provider);
}

/** Whether any feature discloses records of this collection (so a reader may skip the query). */
export const hasDisclosures = (app: Application, collectionName: string) =>
  Boolean(providers(app).get(collectionName)?.size);

/** Records per provider call: a database bounds the parameters of one query. */
const CHUNK = 1000;

/**
 * Every provider's answer for these records of `collectionName` and this viewer (a user id), merged (the union of the
 * levels): `Map<recordId, Set<PrivacyLevel>>`. Empty when no feature discloses any. At most 1000 records per call.
 */
export async function disclosuresOf(
  app: Application,
  db: any,
  collectionName: string,
  viewerId: number,
  recordIds: number[],
  transaction?: any,
): Promise<Disclosures> {
  const merged: Disclosures = new Map();
  const ids = [...new Set(recordIds.map(Number))].filter((id) => Number.isFinite(id));
  if (!ids.length) return merged;
  for (const provider of providers(app).get(collectionName)?.values() ?? []) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      for (const [recordId, levels] of await provider(db, viewerId, ids.slice(start, start + CHUNK), transaction)) {
        const known = merged.get(Number(recordId)) ?? new Set<PrivacyLevel>();
        for (const level of levels) known.add(level);
        merged.set(Number(recordId), known);
      }
    }
  }
  return merged;
}

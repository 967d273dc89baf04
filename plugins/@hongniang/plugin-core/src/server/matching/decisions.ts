// What members decided about the people they were introduced to (a date's "continue or not" and why), as other features
// know them: a feature registers a provider and says when a member's decisions changed; matching (weight proposals now,
// learned signals later) asks every provider and listens, without knowing who they are. No provider: no decisions.
import { Application } from '@nocobase/server';
import { appState } from '../app/app-state';

/**
 * A reason given for a decision, with its labels (the provider's vocabulary) and the matching criteria it points to
 * (engine criterion names: `income`, `personality`…; the provider's mapping, possibly none, e.g. 其他).
 */
export interface DecisionReason {
  value: string;
  zh: string;
  en: string;
  criteria: string[];
}

/**
 * One decision of one member about another: `decision` is her answer (`yes` continue, `no` not, `undecided`), `reasons`
 * why; `source`/`sourceId` name the record it comes from (e.g. `dateFeedback`, 12); `at` when she decided.
 */
export interface MemberDecision {
  memberId: number;
  partnerId: number;
  decision: 'yes' | 'no' | 'undecided';
  reasons: DecisionReason[];
  source: string;
  sourceId: number;
  at: Date;
}

/** Answers one member's decisions, oldest first, in the caller's transaction if any. */
export type DecisionProvider = (db: any, memberId: number, transaction?: any) => Promise<MemberDecision[]>;

/** Told, in the transaction of the change, that a member's decisions changed (options: the database operation's). */
export type DecisionListener = (memberId: number, options: { transaction?: any; context?: any }) => Promise<void>;

interface DecisionRegistry {
  providers: Map<string, DecisionProvider>;
  listeners: DecisionListener[];
}

const registry = (app: Application) =>
  appState<DecisionRegistry>(app, 'memberDecisions', () => ({ providers: new Map(), listeners: [] }));

/** Called by a feature (`source`: its plugin's name) at load; a second call for the same source replaces the first. */
export function provideDecisions(app: Application, source: string, provider: DecisionProvider) {
  registry(app).providers.set(source, provider);
}

/** Every provider's decisions of the member, merged, oldest first. */
export async function decisionsOf(app: Application, db: any, memberId: number, transaction?: any) {
  const all: MemberDecision[] = [];
  for (const provider of registry(app).providers.values()) all.push(...(await provider(db, memberId, transaction)));
  return all.sort((a, b) => a.at.getTime() - b.at.getTime() || a.sourceId - b.sourceId);
}

/** Called at load by whoever reacts to decisions (matching's weight proposals). */
export function onDecisionsChanged(app: Application, listener: DecisionListener) {
  const { listeners } = registry(app);
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Called by a provider once a member's decisions changed: runs the listeners in turn, in the same transaction. */
export async function decisionsChanged(
  app: Application,
  memberId: number,
  options: { transaction?: any; context?: any },
) {
  for (const listener of registry(app).listeners) await listener(memberId, options);
}

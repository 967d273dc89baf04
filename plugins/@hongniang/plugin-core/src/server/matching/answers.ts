// Members' yes and no about one another (a side's answer to a suggestion or an introduction, "continue" after a date), as
// the features that record them know them: each feature provides its answers and says when a pair's answers changed;
// matching's learned signals ask every provider and listen, without knowing who they are. No provider: nothing learned.
import { Application } from '@nocobase/server';
import { appState } from '../app/app-state';

/**
 * The steps of an agency's process, in order: a pair's answer at a later step outranks one at an earlier step (she agreed
 * to meet him, then did not want to continue after the date: her answer about him is no).
 */
export const ANSWER_STEPS = ['suggestion', 'introduction', 'date'] as const;
export type AnswerStep = (typeof ANSWER_STEPS)[number];

/**
 * One member's yes or no about another: `memberId` answered about `partnerId`. `step` the process step it answers,
 * `at` when that step happened (a later introduction or date of the same pair outranks an earlier one), `source` and
 * `sourceId` the record it comes from (e.g. `dateFeedback`, 12).
 */
export interface MemberAnswer {
  memberId: number;
  partnerId: number;
  answer: 'yes' | 'no';
  step: AnswerStep;
  at: Date;
  source: string;
  sourceId: number;
}

export interface AnswerProvider {
  /** Every answer held, page by page (the history, read once as the app starts). */
  all(db: any): AsyncIterable<MemberAnswer[]>;
  /** The answers `memberId` gave about `partnerId` (none, one, or one per introduction or date of the pair). */
  between(db: any, memberId: number, partnerId: number): Promise<MemberAnswer[]>;
}

/** A directed pair whose answers changed: `memberId`'s about `partnerId`. */
export interface AnsweredPair {
  memberId: number;
  partnerId: number;
}

/** Told, in the transaction of the change (options: the database operation's), which pairs' answers changed. */
export type AnswerListener = (pairs: AnsweredPair[], options: { transaction?: any }) => void | Promise<void>;

interface AnswerRegistry {
  providers: Map<string, AnswerProvider>;
  listeners: AnswerListener[];
}

const registry = (app: Application) =>
  appState<AnswerRegistry>(app, 'memberAnswers', () => ({ providers: new Map(), listeners: [] }));

/** Called by a feature (`source`: its plugin's name) at load; a second call for the same source replaces the first. */
export function provideAnswers(app: Application, source: string, provider: AnswerProvider) {
  registry(app).providers.set(source, provider);
}

/** Every provider, for a reader that goes through them itself (the history at start). */
export function answerProviders(app: Application): AnswerProvider[] {
  return [...registry(app).providers.values()];
}

/** The answer that stands for a pair among several (later step first, then later `at`, then the later record); or null. */
export function standingAnswer(answers: readonly MemberAnswer[]): MemberAnswer | null {
  let standing: MemberAnswer | null = null;
  for (const answer of answers) if (!standing || outranks(answer, standing)) standing = answer;
  return standing;
}

function outranks(a: MemberAnswer, b: MemberAnswer) {
  const step = ANSWER_STEPS.indexOf(a.step) - ANSWER_STEPS.indexOf(b.step);
  if (step) return step > 0;
  const at = a.at.getTime() - b.at.getTime();
  if (at) return at > 0;
  return a.source === b.source ? a.sourceId > b.sourceId : a.source > b.source;
}

/** Every provider's answers of `memberId` about `partnerId`, the standing one (standingAnswer) or null. */
export async function standingAnswerBetween(app: Application, db: any, memberId: number, partnerId: number) {
  const all: MemberAnswer[] = [];
  for (const provider of registry(app).providers.values())
    all.push(...(await provider.between(db, memberId, partnerId)));
  return standingAnswer(all);
}

/** Called at load by whoever learns from answers (matching). */
export function onAnswersChanged(app: Application, listener: AnswerListener) {
  const { listeners } = registry(app);
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Called by a provider once answers of these pairs were written or deleted, in the operation's transaction if any. */
export async function answersChanged(app: Application, pairs: AnsweredPair[], options: { transaction?: any }) {
  if (!pairs.length) return;
  for (const listener of registry(app).listeners) await listener(pairs, options);
}

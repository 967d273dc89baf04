// The learned signals of this app process (one LearnedSignals), fed with members' answers about one another (plugin-core's
// answers registry: consents, date feedback, declined suggestions): the whole history once as the app starts, then each
// pair again once a write of its answers has committed — recorded, corrected or forgotten, one outcome at a time.
import { fitOf, LearnedSignals, Person } from '@hongniang/matching-engine';
import { Application } from '@nocobase/server';
import {
  answerProviders,
  AnsweredPair,
  MemberAnswer,
  onAnswersChanged,
  standingAnswer,
  standingAnswerBetween,
} from '@hongniang/plugin-core';
import { MemberPool } from '../matching/member-pool';

const pairOf = (answer: { memberId: number; partnerId: number }) => `${answer.memberId}>${answer.partnerId}`;

export class LearnedFeed {
  readonly signals = new LearnedSignals();
  private history: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly app: Application,
    private readonly pool: MemberPool,
  ) {}

  /** Listens to every provider's changes: a pair's answers are read again once the write has committed (a rollback: nothing). */
  listen() {
    onAnswersChanged(this.app, (pairs, { transaction }) => {
      const reread = () => void this.enqueue(() => this.reread(pairs));
      if (transaction) transaction.afterCommit(reread);
      else reread();
    });
  }

  /** The signals with the history loaded (once, the first call starts it) and every change committed so far applied. */
  async current(): Promise<LearnedSignals> {
    if (!this.history) {
      this.history = this.enqueue(() => this.loadHistory(this.signals));
      this.history.catch(() => (this.history = null));
    }
    await this.queue;
    return this.signals;
  }

  /**
   * Every provider's answers, read page by page, as outcomes in `signals`: per member and partner the standing answer (a
   * later step outranks an earlier one: plugin-core's standingAnswer), scored against the two members as they are now.
   */
  async loadHistory(signals: LearnedSignals) {
    await this.pool.current();
    const standing = new Map<string, MemberAnswer>();
    for (const provider of answerProviders(this.app))
      for await (const page of provider.all(this.app.db))
        for (const answer of page) {
          const key = pairOf(answer);
          const held = standing.get(key);
          standing.set(key, held ? standingAnswer([held, answer])! : answer);
        }
    // Sorted by who answered, so each member's wishes are decoded from the index once.
    const answers = [...standing.values()].sort((a, b) => a.memberId - b.memberId);
    let member: Person | undefined;
    let memberId = NaN;
    for (const answer of answers) {
      if (answer.memberId !== memberId) member = this.pool.index.person((memberId = answer.memberId));
      const partner = this.pool.index.person(answer.partnerId);
      if (member && partner)
        signals.record({
          memberId: answer.memberId,
          candidateId: answer.partnerId,
          answer: answer.answer,
          fit: fitOf(member, partner),
        });
    }
  }

  /** Each pair's standing answer now, recorded (a new or corrected answer) or forgotten (none left, or a member gone). */
  private async reread(pairs: AnsweredPair[]) {
    await this.pool.current();
    const seen = new Set<string>();
    for (const pair of pairs) {
      if (seen.has(pairOf(pair))) continue;
      seen.add(pairOf(pair));
      const answer = await standingAnswerBetween(this.app, this.app.db, pair.memberId, pair.partnerId);
      const member = this.pool.index.person(pair.memberId);
      const partner = this.pool.index.person(pair.partnerId);
      if (answer && member && partner)
        this.signals.record({
          memberId: pair.memberId,
          candidateId: pair.partnerId,
          answer: answer.answer,
          fit: fitOf(member, partner),
        });
      else this.signals.forget(pair.memberId, pair.partnerId);
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch((error) => this.app.log.error('learned signals could not be updated', { error }));
    return next;
  }
}

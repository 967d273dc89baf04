// The batch run (批量匹配): keeps every member in service supplied with her best open suggestions, as an async task
// whose progress shows in NocoBase's task list. Safe to re-run: it only adds, rescored or retires open batch suggestions.
import { LearnedSignals, MatchResult } from '@hongniang/matching-engine';
import { CancelError, TaskType } from '@nocobase/plugin-async-task-manager';
import { PairExclusions, pairExclusionsOf } from '@hongniang/plugin-core';
import { explain } from '../matching/reasons';
import { readSettings } from '../hooks/match-settings';
import { MemberPool } from '../matching/member-pool';
import { pairKey } from '../matching/suggestions';
import { NAMESPACE } from '../language/vocabulary';
import { LearnedFeed } from '../learning/learned-feed';
import { learnedTop, shortlistSize } from '../learning/learned-ranking';

export const REFRESH_TASK = 'hongniang.refreshSuggestions';
const CHUNK = 1000;
/**
 * The batch run's shortlist per member when learning is on: four times the places kept, at least 20 (a search asks for
 * 100; at 100 000 members that would add minutes to a run for candidates far below the places kept).
 */
const batchShortlist = (places: number) => Math.min(100, Math.max(20, 4 * places));

interface Suggestion {
  id: number;
  memberId: number;
  candidateId: number;
  status: string;
  origin: string;
  score: number;
}

export interface RefreshSummary {
  members: number;
  created: number;
  rescored: number;
  retired: number;
}

/**
 * One pass over the members in service. `onProgress` hears (done, total); `isCanceled` is asked between members;
 * `excludedPairs` answers the pairs other features keep out (plugin-core's pairExclusionsOf: introductions), asked once;
 * `learned` the process's learned signals: with learning on, a member's places go to her best by learned score (stored
 * with their stated evaluation, as a search saves them).
 */
export async function refreshSuggestions(
  db: any,
  pool: MemberPool,
  options: {
    createdById?: number;
    locale?: string;
    onProgress?: (done: number, total: number) => void;
    isCanceled?: () => boolean;
    excludedPairs?: (memberIds: number[]) => Promise<PairExclusions>;
    learned?: LearnedFeed;
  } = {},
): Promise<RefreshSummary> {
  const { createdById = null, locale = 'zh-CN', onProgress, isCanceled, excludedPairs } = options;
  await pool.current();
  const settings = await readSettings(db);
  const signals: LearnedSignals | null =
    settings.engine.learned?.enabled && options.learned ? await options.learned.current() : null;
  const Suggestions = db.getModel('matchSuggestions');
  const memberIds: number[] = (
    await db
      .getModel('members')
      .findAll({ attributes: ['id'], where: { status: 'inService' }, order: [['id', 'ASC']], raw: true })
  )
    .map((row: any) => Number(row.id))
    .filter((id: number) => pool.index.has(id));
  const all: Suggestion[] = (
    await Suggestions.findAll({ attributes: ['id', 'memberId', 'candidateId', 'status', 'origin', 'score'], raw: true })
  ).map((row: any) => ({
    ...row,
    memberId: Number(row.memberId),
    candidateId: Number(row.candidateId),
  }));
  const elsewhere: PairExclusions = (await excludedPairs?.(memberIds)) ?? new Map();
  const byMember = new Map<number, Suggestion[]>();
  const taken = new Set<string>();
  const remember = (suggestion: Suggestion) => {
    for (const id of [suggestion.memberId, suggestion.candidateId]) {
      const held = byMember.get(id);
      if (held) held.push(suggestion);
      else byMember.set(id, [suggestion]);
    }
    taken.add(pairKey(suggestion.memberId, suggestion.candidateId));
  };
  all.forEach(remember);

  const summary: RefreshSummary = { members: 0, created: 0, rescored: 0, retired: 0 };
  let toCreate: any[] = [];
  const flush = async () => {
    if (!toCreate.length) return;
    await insertRows(Suggestions, toCreate);
    summary.created += toCreate.length;
    toCreate = [];
  };
  for (const memberId of memberIds) {
    if (isCanceled?.()) break;
    const pairs = byMember.get(memberId) || [];
    // Her own open suggestions compete again for her places; every other pair stays out, and so does (untouched) a pair
    // another feature keeps out (e.g. in an introduction).
    const outside = elsewhere.get(memberId) ?? new Map<number, string>();
    const own = new Map(
      pairs
        .filter((s) => s.memberId === memberId && s.status === 'open' && !outside.has(s.candidateId))
        .map((s) => [s.candidateId, s]),
    );
    const competing = new Set(own.values());
    const excludedIds = new Set([
      ...pairs.filter((s) => !competing.has(s)).map((s) => (s.memberId === memberId ? s.candidateId : s.memberId)),
      ...outside.keys(),
    ]);
    const shortlist = pool.index.match(memberId, {
      limit: signals
        ? shortlistSize(settings.batchLimit, settings.engine, batchShortlist(settings.batchLimit))
        : settings.batchLimit,
      settings: settings.engine,
      excludedIds,
      // The batch shows no exclusion counts: candidates are tested against requirements only while they could place.
      countAll: false,
    });
    const results = learnedTop(memberId, shortlist.results, settings.batchLimit, signals, settings.engine).map(
      (result) => result.stated,
    );
    const kept = new Set<number>();
    for (const result of results) {
      const existing = own.get(result.candidateId);
      if (existing) {
        kept.add(result.candidateId);
        if (existing.score !== result.score) {
          await Suggestions.update(scoresOf(result, locale), { where: { id: existing.id }, hooks: false });
          summary.rescored++;
        }
        continue;
      }
      const key = pairKey(memberId, result.candidateId);
      if (taken.has(key)) continue;
      const values = {
        memberId,
        candidateId: result.candidateId,
        pairKey: key,
        status: 'open',
        origin: 'batch',
        createdById,
        updatedById: createdById,
        ...scoresOf(result, locale),
      };
      toCreate.push(values);
      remember({ id: 0, ...values });
    }
    const retired = [...own.values()].filter((s) => s.origin === 'batch' && !kept.has(s.candidateId) && s.id);
    if (retired.length) {
      await Suggestions.destroy({ where: { id: retired.map((s) => s.id) }, hooks: false });
      summary.retired += retired.length;
    }
    if (toCreate.length >= CHUNK) await flush();
    summary.members++;
    // Let the app answer other requests between members: a re-run with nothing to write would never await.
    if (summary.members % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (summary.members % 250 === 0) onProgress?.(summary.members, memberIds.length);
  }
  await flush();
  onProgress?.(summary.members, memberIds.length);
  return summary;
}

/**
 * Rows per INSERT (11 bound values each). Small on purpose: Sequelize hands SQLite its $n parameters by name, and
 * SQLite finds each name by a scan of the statement's names, so one statement's binding grows with the square of its
 * values: at 10k members a first run took 14.9 s with 500 rows a statement, 8.7 s with 50 (session 31).
 */
const ROWS_PER_INSERT = 50;

/**
 * New suggestions, ROWS_PER_INSERT to a statement and all of `rows` in one transaction (one commit, not one per
 * statement: SQLite syncs the file at each), without building a model instance per row (most of a first run's write
 * time at 10k members), hooks skipped as bulkCreate's `hooks: false` would. Every value is a bound parameter (the
 * reasons as their JSON text; undefined as NULL); createdAt and updatedAt are the same instant for every row, escaped
 * once by their columns' own type (formatting a date per row was a tenth of a first run at 10k members) — the only
 * literals. Rejects with the database's error; then none of `rows` is written.
 */
export async function insertRows(Model: any, rows: Record<string, any>[]) {
  if (!rows.length) return;
  const { sequelize } = Model;
  const attributes = Model.getAttributes();
  const { queryGenerator } = sequelize.getQueryInterface();
  const now = new Date();
  const names = Object.keys(rows[0]);
  const stamps: [string, string][] = ['createdAt', 'updatedAt']
    .filter((name) => attributes[name])
    .map((name) => [attributes[name].field, queryGenerator.escape(now, attributes[name])]);
  const columns = [...names.map((name) => attributes[name].field), ...stamps.map(([field]) => field)]
    .map((field) => queryGenerator.quoteIdentifier(field))
    .join(', ');
  const table = queryGenerator.quoteTable(Model.getTableName());
  const literals = stamps.map(([, literal]) => literal);
  await sequelize.transaction(async (transaction: any) => {
    for (let first = 0; first < rows.length; first += ROWS_PER_INSERT) {
      const bind: unknown[] = [];
      const tuples = rows.slice(first, first + ROWS_PER_INSERT).map((row) => {
        const placeholders = names.map((name) => {
          const value = row[name];
          bind.push(
            value === undefined ? null : value !== null && typeof value === 'object' ? JSON.stringify(value) : value,
          );
          return `$${bind.length}`;
        });
        return `(${[...placeholders, ...literals].join(', ')})`;
      });
      await sequelize.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(', ')}`, { bind, transaction });
    }
  });
}

const scoresOf = (result: MatchResult, locale: string) => ({
  score: result.score,
  forwardScore: result.forward,
  backwardScore: result.backward,
  breakdown: explain(result.breakdown, locale),
});

/** matchSuggestions:refreshAll — starts the batch run and answers with its task (shown in the task list). */
export async function startRefresh(ctx: any, next: () => Promise<void>) {
  const userId = ctx.state.currentUser?.id;
  const task = await ctx.app.container.get('AsyncTaskManager').createTask(
    {
      origin: 'hongniang-matching',
      type: REFRESH_TASK,
      title: ctx.t('Refresh match suggestions', { ns: NAMESPACE }),
      params: { locale: ctx.getCurrentLocale?.() || 'zh-CN' },
      createdById: userId,
      cancelable: true,
    },
    { useQueue: true, context: ctx },
  );
  ctx.body = task.toJSON();
  await next();
}

/** The batch run as a task of NocoBase's async-task manager (progress in the task list, cancellable). */
export function refreshTaskType(pool: MemberPool, learned: LearnedFeed): { type: string; new (record: any): TaskType } {
  return class RefreshSuggestionsTask extends TaskType {
    static type = REFRESH_TASK;

    async execute() {
      const params = (this.record.params || {}) as { locale?: string };
      const summary = await refreshSuggestions(this.app.db, pool, {
        createdById: this.record.createdById,
        locale: params.locale,
        onProgress: (current, total) => this.reportProgress({ current, total }),
        isCanceled: () => this.isCanceled || this.abortController.signal.aborted,
        excludedPairs: (memberIds) => pairExclusionsOf(this.app, this.app.db, memberIds),
        learned,
      });
      // Stopped from the task list: what was written stays (each pair is whole), the task shows as cancelled.
      if (this.isCanceled || this.abortController.signal.aborted) throw new CancelError();
      return summary;
    }
  };
}

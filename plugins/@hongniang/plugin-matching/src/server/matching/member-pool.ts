// The matching index of this app process, kept in step with the database through the change journal (matchingChanges).
import { MatchIndex } from '@hongniang/matching-engine';
import { Op } from '@nocobase/database';
import { LoadedMember, NotRecommendable, loadMembers } from './member-profiles';

/** Journal rows are read again for this long: a change committed late (long transaction) is still seen. */
const OVERLAP_MS = 60_000;
/** Journal rows older than this are deleted; a process that has not synced for half of it rebuilds instead. */
const RETENTION_MS = 6 * 3600_000;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export class MemberPool {
  index = new MatchIndex();
  private readonly reasonOf = new Map<number, NotRecommendable>();
  private readonly reasonCounts: Record<NotRecommendable, number> = {
    doNotRecommend: 0,
    notInService: 0,
    notConsented: 0,
  };
  private readonly withoutPreferences = new Set<number>();
  private builtOn: string | null = null;
  private syncedAt = 0;
  private readonly applied = new Map<number, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastPruneAt = 0;

  constructor(private readonly db: any) {}

  /** Brings the index up to date with every committed change, then hands it out. Calls are serialised. */
  current(): Promise<this> {
    const next = this.queue.then(() => this.sync());
    this.queue = next.catch(() => undefined);
    return next.then(() => this);
  }

  /** Forgets everything: the next call rebuilds from the database. */
  invalidate() {
    this.builtOn = null;
  }

  hasPreferences(memberId: number) {
    return !this.withoutPreferences.has(memberId);
  }

  reasonNotRecommendable(memberId: number) {
    return this.reasonOf.get(memberId) ?? null;
  }

  /** Members not offered to others, by reason, leaving one member (the one being matched) out. */
  notRecommendableCounts(except: number): Partial<Record<NotRecommendable, number>> {
    const counts: Partial<Record<NotRecommendable, number>> = {};
    const own = this.reasonOf.get(except);
    for (const [reason, count] of Object.entries(this.reasonCounts) as [NotRecommendable, number][]) {
      const n = count - (own === reason ? 1 : 0);
      if (n > 0) counts[reason] = n;
    }
    return counts;
  }

  private async sync() {
    const now = new Date();
    // Read first, mark read after: a row that caused a rebuild must not cause another one on the next call.
    const since = this.builtOn === null ? now.getTime() : this.syncedAt;
    const rows: { id: number; memberId: number | null; changedAt: Date }[] = await this.db
      .getModel('matchingChanges')
      .findAll({
        attributes: ['id', 'memberId', 'changedAt'],
        where: { changedAt: { [Op.gt]: new Date(since - OVERLAP_MS) } },
        raw: true,
      });
    const fresh = rows.filter((row) => !this.applied.has(Number(row.id)));
    const stale = this.builtOn !== dayOf(now) || now.getTime() - this.syncedAt > RETENTION_MS / 2;
    if (stale || fresh.some((row) => row.memberId === null)) await this.rebuild(now);
    else if (fresh.length) await this.reload([...new Set(fresh.map((row) => Number(row.memberId)))], now);
    for (const row of fresh) this.applied.set(Number(row.id), new Date(row.changedAt).getTime());
    for (const [id, changedAt] of this.applied) if (changedAt < now.getTime() - 2 * OVERLAP_MS) this.applied.delete(id);
    this.syncedAt = now.getTime();
    await this.pruneJournal(now);
  }

  private async rebuild(now: Date) {
    const index = new MatchIndex();
    this.index = index;
    this.reasonOf.clear();
    this.withoutPreferences.clear();
    for (const reason of Object.keys(this.reasonCounts) as NotRecommendable[]) this.reasonCounts[reason] = 0;
    for await (const page of loadMembers(this.db, null, now)) page.forEach((member) => this.put(member));
    this.builtOn = dayOf(now);
  }

  private async reload(ids: number[], now: Date) {
    const found = new Set<number>();
    for await (const page of loadMembers(this.db, ids, now)) {
      for (const member of page) {
        found.add(member.person.profile.id);
        this.put(member);
      }
    }
    for (const id of ids) if (!found.has(id)) this.drop(id);
  }

  private put({ person, notRecommendable, hasPreferences }: LoadedMember) {
    const id = person.profile.id;
    this.drop(id);
    this.index.upsert(person);
    if (notRecommendable) {
      this.reasonOf.set(id, notRecommendable);
      this.reasonCounts[notRecommendable]++;
    }
    if (!hasPreferences) this.withoutPreferences.add(id);
  }

  private drop(id: number) {
    const reason = this.reasonOf.get(id);
    if (reason) this.reasonCounts[reason]--;
    this.reasonOf.delete(id);
    this.withoutPreferences.delete(id);
    this.index.remove(id);
  }

  private async pruneJournal(now: Date) {
    if (now.getTime() - this.lastPruneAt < 3600_000) return;
    this.lastPruneAt = now.getTime();
    await this.db
      .getModel('matchingChanges')
      .destroy({ where: { changedAt: { [Op.lt]: new Date(now.getTime() - RETENTION_MS) } } });
  }
}

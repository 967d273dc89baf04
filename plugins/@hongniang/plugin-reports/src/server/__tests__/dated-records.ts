// Records dated in the past for the reports' suites: a member's status change and a match suggestion, written as the
// app writes them and then moved to `at` (createdAt / statusChangedAt are the server's own, so set without hooks).
import { MockServer } from '@nocobase/test';

/** `statusAt(name, status, at)` and `suggestion(member, candidate, at)` over the suite's members by name. */
export function datedRecords(app: () => MockServer, members: Record<string, number>) {
  let pairs = 0;
  return {
    /** Sets her status (through the hooks, as any write), then dates the change at `at`. */
    async statusAt(name: string, status: string, at: Date) {
      await app().db.getRepository('members').update({ filterByTk: members[name], values: { status } });
      await app()
        .db.getModel('members')
        .update({ statusChangedAt: at }, { where: { id: members[name] }, hooks: false, silent: true });
    },
    /** A suggestion as matching writes it (no hooks), made at `at`. */
    async suggestion(member: string, candidate: string, at: Date) {
      const model = app().db.getModel('matchSuggestions');
      const made = await model.create(
        { memberId: members[member], candidateId: members[candidate], pairKey: `test:${++pairs}`, score: 70 },
        { hooks: false },
      );
      await model.update({ createdAt: at }, { where: { id: made.get('id') }, hooks: false, silent: true });
    },
  };
}

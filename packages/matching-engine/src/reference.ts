// The straightforward matcher: a loop over candidate objects, scoring every criterion. The index must agree with it;
// the benchmark measures the index against it.
import { rankAll } from './evaluation';
import { MatchOptions, MatchOutcome, Person } from './types';

// Defined with the other plain types; still named here for callers that take them with the matcher (the engine's tests).
export type { MatchOptions, Person } from './types';

/** The member's best `limit` candidates in `people`, as MatchIndex.match gives them; throws if she is not in `people`. */
export function matchReference(people: readonly Person[], memberId: number, options: MatchOptions): MatchOutcome {
  const member = people.find((person) => person.profile.id === memberId);
  if (!member) throw new Error(`member ${memberId} is not in the pool`);
  const outcome = rankAll(member, people, options);
  return { ...outcome, results: outcome.results.slice(0, options.limit) };
}

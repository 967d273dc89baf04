// Whose figures a grouped query counts. The same SQL serves both records: each matchmaker's (matchmakerMonths: her
// members, grouped by `members.matchmakerId`) and the agency's (agencyMonths: every member, one group). Only the
// selected key and the GROUP BY differ.

/** The key of the agency's one group in a source's figures (no user has id 0). */
export const AGENCY = 0;

export interface Scope {
  /** The group key to select (aliased `matchmaker`), given the column holding the member's matchmaker. */
  key(matchmakerColumn: string): string;
  /** The GROUP BY clause over the key's column and `others`; empty when nothing is left to group by. */
  groupBy(keyColumn: string, ...others: string[]): string;
}

const groupBy = (columns: string[]) => (columns.length ? `GROUP BY ${columns.join(', ')}` : '');

/** Each matchmaker's figures: grouped by her id (members without a matchmaker form a group of their own, unused). */
export const BY_MATCHMAKER: Scope = {
  key: (matchmakerColumn) => matchmakerColumn,
  groupBy: (keyColumn, ...others) => groupBy([keyColumn, ...others]),
};

/** The agency's figures: every member, whatever her matchmaker; the key is the literal AGENCY. */
export const AGENCY_WIDE: Scope = {
  key: () => String(AGENCY),
  groupBy: (_keyColumn, ...others) => groupBy(others),
};

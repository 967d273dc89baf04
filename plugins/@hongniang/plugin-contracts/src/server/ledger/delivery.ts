// Which introductions count against which contract (the delivery ledger, 交付台账): plain data in, assignments out.

/** A member's contract as the ledger needs it: its term, and the day it ended early if it did. */
export interface ContractTerm {
  id: number;
  status: string;
  /** 'YYYY-MM-DD' */
  startDate: string;
  /** 'YYYY-MM-DD', inclusive */
  endDate: string;
  /** 'YYYY-MM-DD' when ended early (已终止/已退款): nothing counts after it. */
  endedOn?: string | null;
}

/** An introduction of the member that reached the counting stage, on that agency day. */
export interface ReachedIntroduction {
  introductionId: number;
  /** 'YYYY-MM-DD': the agency day it first entered the counting stage or a later one. */
  reachedOn: string;
}

/** The last day a contract's term counts introductions: its end, or the day it ended early when that came first. */
export const lastCountingDay = (term: ContractTerm) =>
  term.endedOn && term.endedOn < term.endDate ? term.endedOn : term.endDate;

/**
 * Assigns each introduction of one member to the contract it counts against: a contract that is not a draft (待签 counts
 * nothing) whose term, start and last counting day included (`lastCountingDay`), holds the day the introduction reached
 * the counting stage. When terms overlap (a renewal signed before the old term ended), the contract that started first
 * takes it, then the lower id; an introduction counts once. One outside every term counts against none. Answers, per
 * contract id, its introductions in the order they were reached.
 */
export function assignIntroductions(
  terms: ContractTerm[],
  reached: ReachedIntroduction[],
): Map<number, ReachedIntroduction[]> {
  const counting = terms
    .filter((term) => term.status !== 'pending')
    .sort((a, b) => (a.startDate === b.startDate ? a.id - b.id : a.startDate < b.startDate ? -1 : 1));
  const assigned = new Map<number, ReachedIntroduction[]>(counting.map((term) => [term.id, []]));
  const ordered = [...reached].sort((a, b) =>
    a.reachedOn === b.reachedOn ? a.introductionId - b.introductionId : a.reachedOn < b.reachedOn ? -1 : 1,
  );
  for (const introduction of ordered) {
    const term = counting.find(
      (candidate) =>
        candidate.startDate <= introduction.reachedOn && introduction.reachedOn <= lastCountingDay(candidate),
    );
    if (term) assigned.get(term.id)!.push(introduction);
  }
  return assigned;
}

/** Promised, delivered and remaining (never below 0: introductions beyond the promise are delivered, not owed). */
export const deliveryCounts = (promised: number, delivered: number) => ({
  promised,
  delivered,
  remaining: Math.max(0, promised - delivered),
});

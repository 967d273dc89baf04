// When a member's decisions keep citing one reason, which weight to propose and how to say why: pure rules, no database.
import { Criterion, CRITERIA } from '@hongniang/matching-engine';
import type { MemberDecision } from '@hongniang/plugin-core';
import { CRITERION_LABELS } from '../language/vocabulary';

/** How many of her "no" decisions must cite reasons pointing to one criterion before a proposal is made. */
export const PROPOSAL_THRESHOLD = 3;
/** Weights run 0–10 (matchSettings and own weights alike). */
export const MAX_WEIGHT = 10;
/**
 * A proposal doubles the criterion's weight (at least +1): the agency's default weights run 1–3 (matching-engine's
 * DEFAULT_SETTINGS), so doubling makes it count among her strongest criteria without drowning the others.
 */
export const proposedWeight = (current: number) => Math.min(MAX_WEIGHT, Math.max(current + 1, current * 2));

export interface WeightProposalDraft {
  criterion: Criterion;
  fromWeight: number | null;
  agencyWeight: number;
  toWeight: number;
  fromImportance: string | null;
  toImportance: string | null;
  evidence: {
    source: string;
    sourceId: number;
    at: string;
    partnerId: number;
    reasons: MemberDecision['reasons'];
  }[];
  explanation: string;
}

/**
 * The proposals her decisions call for: for each criterion that at least PROPOSAL_THRESHOLD of her `no` decisions point
 * to (through their reasons), her current weight (own, else the agency's) raised by proposedWeight;
 * none when it is already at MAX_WEIGHT. An importance of 不在乎 (`indifferent`, a weight factor of 0) becomes 一般.
 * `preferences` is her partnerPreferences row (own weights `<criterion>Weight`, `<criterion>Importance`); `agencyWeights`
 * the agency's weights by criterion. `skip(criterion, evidenceCount)` says whether a proposal already answers it.
 */
export function proposalsFor(
  decisions: MemberDecision[],
  preferences: Record<string, any>,
  agencyWeights: Record<string, number>,
  skip: (criterion: Criterion, evidenceCount: number) => boolean,
): WeightProposalDraft[] {
  const declines = decisions.filter((decision) => decision.decision === 'no');
  const drafts: WeightProposalDraft[] = [];
  for (const criterion of CRITERIA) {
    const pointing = (decision: MemberDecision) =>
      decision.reasons.filter((reason) => reason.criteria.includes(criterion));
    const citing = declines.filter((decision) => pointing(decision).length);
    if (citing.length < PROPOSAL_THRESHOLD || skip(criterion, citing.length)) continue;
    const own = preferences[`${criterion}Weight`];
    const fromWeight = own === null || own === undefined ? null : Number(own);
    const agencyWeight = Number(agencyWeights[criterion]);
    const current = fromWeight ?? agencyWeight;
    const fromImportance = preferences[`${criterion}Importance`] ?? null;
    const toImportance = fromImportance === 'indifferent' ? 'normal' : null;
    if (current >= MAX_WEIGHT && !toImportance) continue;
    const toWeight = proposedWeight(current);
    const reasonLabels = [...new Set(citing.flatMap((decision) => pointing(decision).map((reason) => reason.zh)))];
    drafts.push({
      criterion,
      fromWeight,
      agencyWeight,
      toWeight,
      fromImportance,
      toImportance,
      evidence: citing.map((decision) => ({
        source: decision.source,
        sourceId: decision.sourceId,
        at: decision.at.toISOString(),
        partnerId: decision.partnerId,
        reasons: pointing(decision),
      })),
      explanation:
        `${citing.length} 次约会后不继续，理由含“${reasonLabels.join('、') || CRITERION_LABELS[criterion].zh}”：` +
        `建议将“${CRITERION_LABELS[criterion].zh}”的权重由 ${current}${fromWeight === null ? '（机构默认）' : ''} 调至 ${toWeight}` +
        (toImportance ? '，重要程度由“不在乎”改为“一般”' : ''),
    });
  }
  return drafts;
}

// Which matching criteria each date-feedback reason points to: how a member's "不继续, because …" reaches her weights
// (matching's weight proposals, docs/matching.md). Criterion names are matching-engine's.

/**
 * By feedback reason (FEEDBACK_REASONS): the criteria it speaks of. 外貌 → height, the one physical trait matched on;
 * 性格 and 沟通 → personality; 经济条件 → income; 家庭 → children and marital status (the family she would join or bring).
 * 价值观 and 其他 point to no criterion: nothing the archive records measures them, so they propose nothing.
 */
export const REASON_CRITERIA: Record<string, string[]> = {
  appearance: ['height'],
  personality: ['personality'],
  communication: ['personality'],
  finances: ['income'],
  family: ['children', 'maritalStatus'],
  values: [],
  other: [],
};

// What the demo agency's introductions look like: a fixed plan, so every new installation shows the same lived-in board
// (cards in every stage, some waiting for days) — plain data, no NocoBase here.

/** One demo introduction: where it ends up, how long ago it started and how long it has waited in its stage (days). */
export interface DemoIntroductionPlan {
  stage: string;
  /** Both members belong to one matchmaker (otherwise each side has its own). */
  sameMatchmaker: boolean;
  startedDaysAgo: number;
  /** Days since its last stage change. */
  inStageDays: number;
  /** For an ended one: its end reason and note. */
  endReason?: string;
  endNote?: string;
  /** Side A's answer while the introduction waits for side B (recommendedToB), or both answers still pending. */
  answerA?: 'agreed' | 'considering';
  note?: string;
}

/**
 * The plan: 2–4 cards in each open stage, a marriage, and endings for the usual reasons. Stages are reached through
 * the same rules as by hand (consents for 双方同意, dates for 已约见 and later).
 */
export const DEMO_INTRODUCTIONS: DemoIntroductionPlan[] = [
  {
    stage: 'recommendedToA',
    sameMatchmaker: false,
    startedDaysAgo: 1,
    inStageDays: 1,
    note: '男方条件与女方期望较符合',
  },
  { stage: 'recommendedToA', sameMatchmaker: true, startedDaysAgo: 2, inStageDays: 2 },
  { stage: 'recommendedToA', sameMatchmaker: false, startedDaysAgo: 6, inStageDays: 6, note: '甲方出差中，下周回复' },
  { stage: 'recommendedToB', sameMatchmaker: false, startedDaysAgo: 4, inStageDays: 3, answerA: 'agreed' },
  { stage: 'recommendedToB', sameMatchmaker: true, startedDaysAgo: 5, inStageDays: 2, answerA: 'agreed' },
  { stage: 'recommendedToB', sameMatchmaker: false, startedDaysAgo: 9, inStageDays: 8, answerA: 'agreed' },
  { stage: 'bothAgreed', sameMatchmaker: false, startedDaysAgo: 8, inStageDays: 3 },
  { stage: 'bothAgreed', sameMatchmaker: true, startedDaysAgo: 12, inStageDays: 5 },
  { stage: 'met', sameMatchmaker: false, startedDaysAgo: 20, inStageDays: 4 },
  { stage: 'met', sameMatchmaker: true, startedDaysAgo: 18, inStageDays: 2 },
  { stage: 'dating', sameMatchmaker: false, startedDaysAgo: 45, inStageDays: 25 },
  { stage: 'dating', sameMatchmaker: true, startedDaysAgo: 38, inStageDays: 20 },
  { stage: 'dating', sameMatchmaker: false, startedDaysAgo: 30, inStageDays: 12 },
  { stage: 'committed', sameMatchmaker: false, startedDaysAgo: 120, inStageDays: 40 },
  { stage: 'committed', sameMatchmaker: true, startedDaysAgo: 100, inStageDays: 30 },
  { stage: 'engaged', sameMatchmaker: false, startedDaysAgo: 240, inStageDays: 60 },
  { stage: 'married', sameMatchmaker: true, startedDaysAgo: 360, inStageDays: 30 },
  {
    stage: 'ended',
    sameMatchmaker: false,
    startedDaysAgo: 15,
    inStageDays: 12,
    endReason: 'sideDeclined',
  },
  {
    stage: 'ended',
    sameMatchmaker: true,
    startedDaysAgo: 40,
    inStageDays: 20,
    endReason: 'notContinuingAfterDate',
  },
  {
    stage: 'ended',
    sameMatchmaker: false,
    startedDaysAgo: 60,
    inStageDays: 35,
    endReason: 'lostContact',
    endNote: '乙方电话多次未接通',
  },
];

/** The stages an introduction passes through on its way to `stage` (not counting the first), in order. */
export const PATH_TO: Record<string, string[]> = {
  recommendedToA: [],
  recommendedToB: ['recommendedToB'],
  bothAgreed: ['recommendedToB', 'bothAgreed'],
  met: ['recommendedToB', 'bothAgreed', 'met'],
  dating: ['recommendedToB', 'bothAgreed', 'met', 'dating'],
  committed: ['recommendedToB', 'bothAgreed', 'met', 'dating', 'committed'],
  engaged: ['recommendedToB', 'bothAgreed', 'met', 'dating', 'committed', 'engaged'],
  married: ['recommendedToB', 'bothAgreed', 'met', 'dating', 'committed', 'married'],
};

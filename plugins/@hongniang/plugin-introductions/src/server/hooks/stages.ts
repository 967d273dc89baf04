// The stages an introduction moves through, as data: each open stage's next step, and which stages close it.

/** The one step forward from each stage; `ended` is reachable from every open stage besides. */
export const NEXT_STAGE: Record<string, string[]> = {
  recommendedToA: ['recommendedToB'],
  recommendedToB: ['bothAgreed'],
  bothAgreed: ['met'],
  met: ['dating'],
  dating: ['committed'],
  committed: ['engaged', 'married'],
  engaged: ['married'],
  married: [],
  ended: [],
};

/** Stages after which nothing moves: a marriage, or an end. Neither is reopened (a new introduction starts instead). */
export const CLOSED_STAGES = ['married', 'ended'];

export const FIRST_STAGE = 'recommendedToA';

/** Where an open stage may go: its next step, or ended. */
export const allowedSteps = (from: string) => (CLOSED_STAGES.includes(from) ? [] : [...NEXT_STAGE[from], 'ended']);

export const isOpen = (stage: string) => !CLOSED_STAGES.includes(stage);

/** The pair without direction: A introduced to B is B introduced to A. */
export const pairKey = (a: unknown, b: unknown) => {
  const [low, high] = [Number(a), Number(b)].sort((x, y) => x - y);
  return `${low}:${high}`;
};

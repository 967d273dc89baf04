export { default } from './plugin';
// For tests and later dashboards: one month's figures, computed without writing them.
export { computeMonth, FOLLOW_UP_KINDS } from './kpis/compute-month';
export type { MonthFigures } from './kpis/compute-month';

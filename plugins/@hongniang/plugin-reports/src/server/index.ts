export { default } from './plugin';
// For tests and later dashboards: one month's figures, computed without writing them.
export { computeAgencyMonth, computeMonth, FOLLOW_UP_KINDS } from './kpis/compute-month';
export type { AgencyFigures, MonthFigures } from './kpis/compute-month';

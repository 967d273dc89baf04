import { defineCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';
import { count, figure, integer, line, moment, readOnly, staff, text } from '../fields/field-kinds';

/**
 * 红娘月度绩效: one matchmaker's figures for one agency month, computed by the server only (kpis/compute-month.ts; how each
 * is counted: docs/reports.md). A past month is closed (`closedAt`) and keeps its figures when records change later;
 * the current month is live (recomputed as it is read). Charts group and rank these rows.
 */
export default defineCollection({
  name: 'matchmakerMonths',
  title: label('Matchmaker KPIs by month'),
  uiManageable: true,
  fields: [
    staff('matchmaker', 'Matchmaker'),
    // 'YYYY-MM', the agency's calendar month.
    readOnly(line('month', 'Month')),
    count('newMembers', 'New members'),
    count('followUpsDue', 'Follow-up reminders due'),
    count('followUpsOnTime', 'Follow-ups on time'),
    figure('onTimeRate', 'On-time rate (%)', 1),
    count('suggestionsMade', 'Suggestions made'),
    count('introductionsStarted', 'Introductions started'),
    count('bothAgreed', 'Both agreed'),
    count('dating', 'Dating'),
    count('relationships', 'Relationships'),
    count('marriages', 'Marriages'),
    count('datesHeld', 'Dates held'),
    figure('satisfactionAverage', 'Average date satisfaction'),
    count('satisfactionCount', 'Feedback with satisfaction'),
    // Complaints about her members (plugin-contracts): received in the month, and answered after their due day.
    count('complaintsReceived', 'Complaints received'),
    count('complaintsLate', 'Complaints answered late'),
    count('churned', 'Members lost or withdrawn'),
    // Snapshots when computed: her members in service, and those of them without contact for 30 agency days or more.
    count('membersInService', 'Members in service'),
    count('noContactMembers', 'No contact for 30 days'),
    // The manager's rating of her service attitude that month (serviceRatings), copied here for charts and rankings.
    readOnly(integer('serviceRating', 'Service attitude')),
    readOnly(text('serviceComment', 'Service comment')),
    // Empty while the month is live; set when it is closed (figures frozen).
    moment('closedAt', 'Closed at'),
    moment('computedAt', 'Computed at'),
  ],
  indexes: [{ fields: ['matchmakerId', 'month'], unique: true }, { fields: ['month'] }],
});

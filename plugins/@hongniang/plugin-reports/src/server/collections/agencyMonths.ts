import { defineCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';
import { count, figure, line, moment, readOnly } from '../fields/field-kinds';

/**
 * 机构月度经营: the whole agency's figures for one agency month (every member, whatever her matchmaker), computed by
 * the server only, with the matchmakers' records of the month (kpis/compute-month.ts; how each is counted:
 * docs/reports.md). Closed (`closedAt`) and live like matchmakerMonths. Rates are percentages with one decimal between
 * the month's own flow counts (not cohorts), empty when their base is 0.
 */
export default defineCollection({
  name: 'agencyMonths',
  title: label('Agency figures by month'),
  uiManageable: true,
  fields: [
    // 'YYYY-MM', the agency's calendar month.
    readOnly(line('month', 'Month')),
    count('newMembers', 'New members'),
    count('churned', 'Members lost or withdrawn'),
    // Snapshots when computed (at closing for a past month): members in service, and those without contact for 30 days.
    count('membersInService', 'Members in service'),
    count('noContactMembers', 'No contact for 30 days'),
    count('suggestionsMade', 'Suggestions made'),
    count('introductionsStarted', 'Introductions started'),
    count('bothAgreed', 'Both agreed'),
    count('datesHeld', 'Dates held'),
    count('dating', 'Dating'),
    count('relationships', 'Relationships'),
    count('marriages', 'Marriages'),
    figure('satisfactionAverage', 'Average date satisfaction'),
    count('satisfactionCount', 'Feedback with satisfaction'),
    // Complaints about members (plugin-contracts): received in the month, and answered after their due day.
    count('complaintsReceived', 'Complaints received'),
    count('complaintsLate', 'Complaints answered late'),
    figure('introductionRate', 'Introduction rate (%)', 1),
    figure('agreementRate', 'Agreement rate (%)', 1),
    figure('dateRate', 'Date rate (%)', 1),
    figure('datingRate', 'Dating rate (%)', 1),
    figure('relationshipRate', 'Relationship rate (%)', 1),
    figure('marriageRate', 'Marriage rate (%)', 1),
    // Empty while the month is live; set when it is closed (figures frozen).
    moment('closedAt', 'Closed at'),
    moment('computedAt', 'Computed at'),
  ],
  indexes: [{ fields: ['month'], unique: true }],
});

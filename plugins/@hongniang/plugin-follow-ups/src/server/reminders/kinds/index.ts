// Every reminder kind, in the order a sweep writes them (one NocoBase workflow per kind delivers them: src/server/workflows).
import { collectFeedback, dateTomorrow } from './date-kinds';
import { stageWaiting } from './introduction-kinds';
import { birthday, deepInterview, followUpDue, membershipEnding, newMemberNoContact, noContact } from './member-kinds';
import { ReminderKind } from '../occurrence';

export const REMINDER_KIND_FINDERS: ReminderKind[] = [
  followUpDue,
  noContact,
  newMemberNoContact,
  dateTomorrow,
  collectFeedback,
  birthday,
  membershipEnding,
  deepInterview,
  stageWaiting,
];

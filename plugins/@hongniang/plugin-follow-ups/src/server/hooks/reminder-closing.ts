// Reminders close as their subjects change: a date's feedback recorded, a date handled or moved, an introduction moved
// on, a member's next follow-up date or status changed (the next sweep writes what is due after the change). A
// reminder closed by hand records who and when.
import { callerIdOf } from '@hongniang/plugin-core';
import { ACTIVE } from '../reminders/kinds/members-of';
import { closeReminders } from '../reminders/closing';

export function closeRemindersAsWorkIsDone(db: any) {
  const caller = (options: any) => callerIdOf(options?.context);

  db.on('dateFeedback.afterCreate', async (feedback: any, options: any) => {
    await closeReminders(
      db,
      { kind: 'collectFeedback', dateId: feedback.get('dateId'), memberId: feedback.get('memberId') },
      'feedback',
      caller(options),
      options.transaction,
    );
  });

  db.on('dates.afterUpdate', async (date: any, options: any) => {
    const closing = (reason: string) =>
      closeReminders(
        db,
        { kind: 'dateTomorrow', dateId: date.get('id') },
        reason,
        caller(options),
        options.transaction,
      );
    if (date.changed('status') && date.get('status') !== 'scheduled') await closing('date');
    else if (date.changed('startsAt')) await closing('obsolete');
  });

  // Every stage change, whatever wrote it (a consent, a date, a move), is kept in the introduction's history.
  db.on('introductionStageChanges.afterCreate', async (change: any, options: any) => {
    if (!change.get('toStage') || change.get('toStage') === change.get('fromStage')) return;
    await closeReminders(
      db,
      { kind: 'stageWaiting', introductionId: change.get('introductionId') },
      'stageMoved',
      caller(options) ?? change.get('changedById') ?? null,
      options.transaction,
    );
  });

  db.on('members.afterUpdate', async (member: any, options: any) => {
    const id = member.get('id');
    if (member.changed('status') && !ACTIVE.includes(member.get('status')))
      await closeReminders(db, { memberId: id }, 'obsolete', caller(options), options.transaction);
    else if (member.changed('nextFollowUpDate'))
      await closeReminders(db, { kind: 'followUpDue', memberId: id }, 'obsolete', caller(options), options.transaction);
  });

  // Closed by hand (the day page's 完成): who and when; reopened: those cleared.
  db.on('reminders.beforeUpdate', (reminder: any, options: any) => {
    if (!reminder.changed('status')) return;
    if (reminder.get('status') === 'closed') {
      if (!reminder.get('closeReason')) reminder.set('closeReason', 'manual');
      reminder.set('closedAt', new Date());
      reminder.set('closedById', caller(options));
    } else {
      reminder.set({ closeReason: null, closedAt: null, closedById: null });
    }
  });
}

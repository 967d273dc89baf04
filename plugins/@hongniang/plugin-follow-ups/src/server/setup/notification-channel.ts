// The in-app message channel the reminder workflows send through (a new NocoBase installation has none).
export const REMINDER_CHANNEL = {
  name: 'hongniang-reminders',
  title: '红娘提醒 Reminders',
  notificationType: 'in-app-message',
  options: {},
  description: 'Reminders of the Hongniang follow-ups plugin (回访与提醒)',
};

/** Creates the channel unless it exists (an admin's edits to it are kept). */
export async function ensureReminderChannel(db: any) {
  const repository = db.getRepository('notificationChannels');
  if (!repository) return;
  if (!(await repository.findOne({ filter: { name: REMINDER_CHANNEL.name } })))
    await repository.create({ values: REMINDER_CHANNEL });
}

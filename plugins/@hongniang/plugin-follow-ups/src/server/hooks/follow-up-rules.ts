// A follow-up is recorded by the member's own matchmaker, by whoever entered her (the front desk's first call), or by
// whoever sees every follow-up (a manager); it is dated now unless given; its matchmaker is the caller unless named.
import { callerIdOf, fieldTitle, reachesEveryRecord, Refusal } from '@hongniang/plugin-core';
import { followUpsLanguage } from '../language/follow-ups-language';

export async function checkFollowUp(db: any, model: any, options: any) {
  const ctx = options?.context;
  const language = followUpsLanguage(options);
  const collection = db.getCollection('followUps');
  // Recorded from a reminder (我的今日): about the reminder's member unless named.
  if (model.get('memberId') == null && model.get('reminderId') != null) {
    const reminder = await db.getModel('reminders').findByPk(model.get('reminderId'), {
      attributes: ['memberId'],
      transaction: options.transaction,
    });
    if (reminder?.get('memberId') != null) model.set('memberId', reminder.get('memberId'));
  }
  const memberId = model.get('memberId');
  if (memberId == null)
    throw new Refusal(
      language.t('{{field}} is required: whom was the follow-up with? Nothing was saved', {
        field: fieldTitle(collection, 'member', language),
      }),
      { field: 'member' },
    );
  const member = await db.getModel('members').findByPk(memberId, {
    attributes: ['id', 'matchmakerId', 'createdById'],
    transaction: options.transaction,
  });
  if (!member)
    throw new Refusal(language.t('There is no member with number {{id}}; nothing was saved', { id: memberId }), {
      field: 'member',
      status: 404,
    });
  const caller = callerIdOf(ctx);
  if (model.isNewRecord) {
    if (model.get('occurredAt') == null) model.set('occurredAt', new Date());
    if (model.get('matchmakerId') == null) model.set('matchmakerId', caller ?? member.get('matchmakerId'));
  }
  if (caller == null || reachesEveryRecord(ctx, 'followUps', 'view')) return;
  const own = [member.get('matchmakerId'), member.get('createdById')].some((id) => id != null && Number(id) === caller);
  if (!own)
    throw new Refusal(
      language.t('You may record follow-ups only for your own members (or members you entered); nothing was saved'),
      { field: 'member', status: 403 },
    );
  const occurredAt = model.get('occurredAt');
  if (occurredAt && new Date(occurredAt).getTime() > Date.now() + 5 * 60_000)
    throw new Refusal(
      language.t(
        '{{field}} is in the future: record a follow-up once it happened (plan the next one in {{next}}); nothing was saved',
        {
          field: fieldTitle(collection, 'occurredAt', language),
          next: fieldTitle(collection, 'nextFollowUpDate', language),
        },
      ),
      { field: 'occurredAt' },
    );
}

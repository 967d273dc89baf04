// A service rating, on every write path (bulk writes run row by row: plugin.ts): a user who holds the 红娘 role, a month
// as YYYY-MM that has begun, a whole score from 1 to 5, one rating per matchmaker per month. The server sets who rated.
import { callerIdOf, fieldTitle, Refusal } from '@hongniang/plugin-core';
import { reminderClock } from '@hongniang/plugin-follow-ups';
import { agencyTimeZone } from '../kpis/agency-zone';
import { MATCHMAKER_ROLE } from '../kpis/month-records';
import { isMonth, monthOf } from '../kpis/months';
import { reportsLanguage } from '../language/reports-language';

const writes = (model: any, field: string) => model.isNewRecord || model.changed(field);

/** Throws a 400 `Refusal` naming the field in the caller's language; nothing is written then. */
export async function checkServiceRating(db: any, model: any, options: any) {
  const transaction = options?.transaction;
  const language = reportsLanguage(options);
  const collection = db.getCollection('serviceRatings');
  const refuse = (field: string, key: string, values: Record<string, unknown> = {}): never => {
    throw new Refusal(language.t(key, { field: fieldTitle(collection, field, language), ...values }), { field });
  };
  const [matchmakerId, month, score] = [model.get('matchmakerId'), model.get('month'), model.get('score')];
  if (writes(model, 'matchmakerId')) {
    if (matchmakerId == null || matchmakerId === '') refuse('matchmaker', '{{field}} is required; nothing was saved');
    const user = await db.getRepository('users').findOne({
      filter: { id: matchmakerId },
      appends: ['roles'],
      transaction,
    });
    if (!user) refuse('matchmaker', 'There is no user with number {{id}}; nothing was saved', { id: matchmakerId });
    if (!(user.get('roles') || []).some((role: any) => role.get('name') === MATCHMAKER_ROLE))
      refuse('matchmaker', '{{field}}: {{user}} is not a matchmaker; only matchmakers are rated. Nothing was saved', {
        user: user.get('nickname') || user.get('username') || user.get('id'),
      });
  }
  if (writes(model, 'month')) {
    if (!isMonth(month))
      refuse('month', '{{field}} must be a month written YYYY-MM (e.g. 2026-11), not "{{value}}"; nothing was saved', {
        value: month ?? '',
      });
    const current = monthOf(reminderClock.now(), await agencyTimeZone(db));
    if (month > current)
      refuse('month', '{{field}} {{value}} has not begun yet: a month is rated once it has begun; nothing was saved', {
        value: month,
      });
  }
  if (writes(model, 'score') && !(Number.isInteger(Number(score)) && Number(score) >= 1 && Number(score) <= 5))
    refuse('score', '{{field}} must be a whole number from 1 to 5, not "{{value}}"; nothing was saved', {
      value: score ?? '',
    });
  if (writes(model, 'matchmakerId') || writes(model, 'month')) {
    const other = await model.constructor.findOne({ where: { matchmakerId, month }, attributes: ['id'], transaction });
    if (other && other.get('id') !== model.get('id'))
      refuse(
        'month',
        '{{field}} {{value}} is rated already for this matchmaker: edit that rating instead; nothing was saved',
        {
          value: month,
        },
      );
  }
  // Who rated is the caller (a request that names someone else, even through the association's own update, is overruled).
  const caller = callerIdOf(options?.context);
  if (caller != null && (model.isNewRecord || ['score', 'comment', 'ratedById'].some((field) => model.changed(field))))
    model.set('ratedById', caller);
}

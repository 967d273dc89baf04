// What people may write on a service summary, on every write path (bulk updates run row by row: plugin.ts): its plan and
// its status. Everything else is the server's (drafted, or stamped here): a request that changes it is refused naming the
// field, in the caller's language, and nothing is saved; a value sent back unchanged, as a form does, is accepted. Marking
// it sent stamps who and when; only a manager takes a sent summary back to draft, and a sent summary's plan stays as sent.
import { callerIdOf, fieldTitle, reachesEveryRecord, Refusal, RefusalStatus, sameValue } from '@hongniang/plugin-core';
import { reminderClock } from '@hongniang/plugin-follow-ups';
import { reportsLanguage } from '../language/reports-language';
import { SUMMARY_STATUSES } from '../language/vocabulary';

/** The fields people write. */
export const WRITTEN_BY_PEOPLE = ['plan', 'status'];
/** Kept by NocoBase itself. */
const IGNORED = ['id', 'createdAt', 'updatedAt'];

/** The server's own writes (drafting, a script) carry no request and are not checked. */
export function checkSummaryWrite(db: any, model: any, options: any) {
  const ctx = options?.context;
  if (!ctx) return;
  const language = reportsLanguage(options);
  const collection = db.getCollection('serviceSummaries');
  const refuse = (field: string, key: string, status: RefusalStatus = 400): never => {
    throw new Refusal(language.t(key, { field: fieldTitle(collection, field, language) }), { field, status });
  };
  if (model.isNewRecord)
    refuse('member', 'Service summaries are drafted by the system at the end of each month; nothing was saved', 403);
  for (const name of model.changed() || []) {
    if (WRITTEN_BY_PEOPLE.includes(name) || IGNORED.includes(name) || sameValue(model.get(name), model.previous(name)))
      continue;
    refuse(
      fieldOfKey(collection, name),
      '{{field}} of a service summary is written by the system and cannot be changed; nothing was saved',
      403,
    );
  }
  const [before, after] = [model.previous('status'), model.get('status')];
  if (model.changed('status') && !SUMMARY_STATUSES.some((status) => status.value === after))
    throw new Refusal(
      language.t('{{field}} must be one of {{options}}, not "{{value}}"; nothing was saved', {
        field: fieldTitle(collection, 'status', language),
        options: language.list(
          SUMMARY_STATUSES.map((status) => (language.locale.startsWith('en') ? status.en : status.zh)),
        ),
        value: after ?? '',
      }),
      { field: 'status' },
    );
  if (
    before === 'sent' &&
    after === 'sent' &&
    model.changed('plan') &&
    !sameValue(model.get('plan'), model.previous('plan'))
  )
    refuse(
      'plan',
      '{{field}} of a summary already sent cannot change: a manager may take it back to draft first; nothing was saved',
      409,
    );
  if (before !== 'sent' && after === 'sent') {
    model.set('sentAt', reminderClock.now());
    model.set('sentById', callerIdOf(ctx));
  }
  if (before === 'sent' && after !== 'sent') {
    if (!reachesEveryRecord(ctx, 'serviceSummaries', 'update'))
      refuse('status', 'Only a manager may take a sent summary back to draft; nothing was saved', 403);
    model.set('sentAt', null);
    model.set('sentById', null);
  }
}

/** The association a foreign key belongs to (matchmakerId → matchmaker), as people know the field; else the name. */
function fieldOfKey(collection: any, key: string): string {
  for (const field of collection.fields.values())
    if (field.type === 'belongsTo' && field.options.foreignKey === key) return field.name;
  return key;
}

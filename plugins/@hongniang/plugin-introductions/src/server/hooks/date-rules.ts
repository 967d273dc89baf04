// Dates (约会) on every write path (create, update, update by filter, updateOrCreate, firstOrCreate, association routes):
// a date belongs to an open introduction at 双方同意 or later; its members are the introduction's, copied by the server;
// a member never has two dates at overlapping times (已安排 and 已完成 dates count, cancelled ones and no-shows do not);
// 已完成 only once it has begun; a closed status (已完成/取消/爽约) is final. A date that becomes 已完成 brings an introduction
// at 双方同意 to 已约见, and an introduction that closes cancels its scheduled dates — in the same transaction.
import { Op } from '@nocobase/database';
import { rowByRow } from '@hongniang/plugin-core';
import { formatMoment, formatSpan } from '../language/moments';
import { DATE_SIDES, DATE_STATUSES, STAGES, TIME_TAKING_STATUSES } from '../language/vocabulary';
import { callerId, requestOf } from '../middlewares/remember-request';
import { pairTitle } from './pair-title';
import { writtenId } from './written-ids';
import { checkOption, fieldNameOf, labels, refusal, refuseUnwritable } from './refusals';
import { isOpen } from './stages';

/** What a caller may change on a date; the introduction, its members, `endsAt` and `title` are the server's. */
const CALLER_WRITABLE = new Set([
  'startsAt',
  'durationMinutes',
  'place',
  'arrangedById',
  'status',
  'noShowMembers',
  'note',
  'updatedAt',
  'updatedById',
]);
/** What may still change once a date's status is closed: its note. */
const WRITABLE_WHEN_CLOSED = new Set(['note', 'updatedAt', 'updatedById']);
const CLOSED_STATUSES = ['completed', 'cancelled', 'noShow'];

/** A date's length in minutes: its default and bounds. */
export const DURATION_MINUTES = { default: 120, min: 15, max: 720 };

/** Whether an introduction at `stage` takes dates: open, and at 双方同意 or later. */
const takesDates = (stage: string) =>
  isOpen(stage) && STAGES.findIndex((s) => s.value === stage) >= STAGES.findIndex((s) => s.value === 'bothAgreed');

export function enforceDateRules(db: any) {
  db.on('dates.beforeCreate', (date: any, options: any) => checkNew(db, date, options));
  db.on('dates.beforeUpdate', (date: any, options: any) => checkChange(db, date, options));
  db.on('dates.afterCreate', (date: any, options: any) => followStatus(db, date, options));
  db.on('dates.afterUpdate', (date: any, options: any) => {
    if (date.changed('status')) return followStatus(db, date, options);
  });
  db.on('introductions.afterUpdate', (introduction: any, options: any) =>
    cancelDatesOfClosedIntroduction(db, introduction, options),
  );
  // Updates by filter (or through an association route) and bulk creates go row by row, through the checks above.
  rowByRow(db, 'dates');
}

async function checkNew(db: any, date: any, options: any) {
  const collection = date.constructor.collection;
  const introductionId = writtenId(date, 'introduction', options);
  if (introductionId == null || introductionId === '')
    throw refusal(collection, 'introduction', options, '“{{field}}” is required');
  const introduction = await db
    .getRepository('introductions')
    .findOne({ filterByTk: introductionId, transaction: options.transaction });
  if (!introduction)
    throw refusal(collection, 'introduction', options, '“{{field}}” names no introduction (no. {{id}})', {
      id: introductionId,
    });
  checkIntroductionTakesDates(collection, introduction, options);
  for (const side of ['memberA', 'memberB']) {
    const sent = writtenId(date, side, options);
    if (sent != null && sent !== '' && String(sent) !== String(introduction.get(`${side}Id`)))
      throw refusal(
        collection,
        side,
        options,
        '“{{field}}” comes from the introduction and cannot be chosen on a date',
      );
  }
  date.set({
    introductionId: introduction.get('id'),
    memberAId: introduction.get('memberAId'),
    memberBId: introduction.get('memberBId'),
    arrangedById: date.get('arrangedById') ?? callerId(options),
    status: date.get('status') ?? 'scheduled',
    durationMinutes: date.get('durationMinutes') ?? DURATION_MINUTES.default,
    title: await pairTitle(db, introduction.get('memberAId'), introduction.get('memberBId'), options.transaction),
  });
  await checkDate(db, date, options);
}

async function checkChange(db: any, date: any, options: any) {
  const collection = date.constructor.collection;
  const changed = (date.changed() || []) as string[];
  // NocoBase links the associations again after a create (a save with nothing changed): nothing to check then.
  if (!changed.length) return;
  refuseUnwritable(
    date,
    (key) => CALLER_WRITABLE.has(key),
    options,
    '“{{field}}” cannot be changed on a date; nothing was saved',
  );
  const was = date.previous('status');
  if (CLOSED_STATUSES.includes(was)) {
    const key = changed.find((name) => !WRITABLE_WHEN_CLOSED.has(name));
    if (key)
      throw refusal(
        collection,
        fieldNameOf(collection, key),
        options,
        'The date is “{{status}}”, which is final: only its note can change (“{{field}}” was not saved)',
        { status: labels(options, DATE_STATUSES, [was]) },
      );
    return;
  }
  const introduction = await db
    .getRepository('introductions')
    .findOne({ filterByTk: date.get('introductionId'), transaction: options.transaction });
  // A closed introduction's date may still be cancelled, or noted.
  const cancelsOrNotes = changed.every(
    (key) => WRITABLE_WHEN_CLOSED.has(key) || (key === 'status' && date.get('status') === 'cancelled'),
  );
  if (!isOpen(introduction.get('stage')) && !cancelsOrNotes)
    throw refusal(
      collection,
      'introduction',
      options,
      'The introduction is closed (“{{stage}}”): its dates can only be cancelled',
      { stage: labels(options, STAGES, [introduction.get('stage')]) },
    );
  await checkDate(db, date, options);
}

/** An introduction that cannot take a new date: before 双方同意, or closed. */
function checkIntroductionTakesDates(collection: any, introduction: any, options: any) {
  const stage = introduction.get('stage');
  if (takesDates(stage)) return;
  throw refusal(
    collection,
    'introduction',
    options,
    'A date is arranged for an introduction at “{{bothAgreed}}” or later that is still open; no. {{id}} is at “{{stage}}”',
    {
      bothAgreed: labels(options, STAGES, ['bothAgreed']),
      id: introduction.get('id'),
      stage: labels(options, STAGES, [stage]),
    },
  );
}

/** The date's own values (time, place, status, who did not come), its end computed, and no overlap for its members. */
async function checkDate(db: any, date: any, options: any) {
  const collection = date.constructor.collection;
  const startsAt = date.get('startsAt');
  if (startsAt == null || startsAt === '') throw refusal(collection, 'startsAt', options, '“{{field}}” is required');
  const start = startsAt instanceof Date ? startsAt : new Date(startsAt);
  if (Number.isNaN(start.getTime()))
    throw refusal(collection, 'startsAt', options, '“{{field}}” is not a date and time');
  const duration = Number(date.get('durationMinutes'));
  if (!Number.isInteger(duration) || duration < DURATION_MINUTES.min || duration > DURATION_MINUTES.max)
    throw refusal(
      collection,
      'durationMinutes',
      options,
      '“{{field}}” must be a whole number from {{min}} to {{max}}',
      {
        min: DURATION_MINUTES.min,
        max: DURATION_MINUTES.max,
      },
    );
  if (!String(date.get('place') ?? '').trim()) throw refusal(collection, 'place', options, '“{{field}}” is required');
  const status = date.get('status');
  checkOption(collection, 'status', status, DATE_STATUSES, options);
  checkNoShow(date, options);
  if (status === 'completed' && start.getTime() > Date.now())
    throw refusal(
      collection,
      'status',
      options,
      '“{{field}}” can be “{{completed}}” only once the date has begun (it starts at {{time}})',
      { completed: labels(options, DATE_STATUSES, ['completed']), time: formatMoment(start, requestOf(options)) },
    );
  const end = new Date(start.getTime() + duration * 60_000);
  date.set({ startsAt: start, endsAt: end });
  if (TIME_TAKING_STATUSES.includes(status)) await checkNoOverlap(db, date, start, end, options);
}

/** Who did not come: required for a no-show (one or both sides), and only then. */
function checkNoShow(date: any, options: any) {
  const collection = date.constructor.collection;
  const value = date.get('noShowMembers');
  const sides: unknown[] = value == null ? [] : Array.isArray(value) ? value : [value];
  for (const side of sides) checkOption(collection, 'noShowMembers', side, DATE_SIDES, options);
  const noShow = labels(options, DATE_STATUSES, ['noShow']);
  if (date.get('status') === 'noShow' && !sides.length)
    throw refusal(collection, 'noShowMembers', options, '“{{field}}” is required when the date is “{{noShow}}”', {
      noShow,
    });
  if (date.get('status') !== 'noShow' && sides.length)
    throw refusal(collection, 'noShowMembers', options, '“{{field}}” is only for a date that is “{{noShow}}”', {
      noShow,
    });
  date.set('noShowMembers', [...new Set(sides)]);
}

/** Refuses a date at a time one of its members already has another (已安排 or 已完成) date; touching ends are allowed. */
async function checkNoOverlap(db: any, date: any, start: Date, end: Date, options: any) {
  const members = [date.get('memberAId'), date.get('memberBId')];
  const id = date.get('id');
  const other = await db.getModel('dates').findOne({
    where: {
      ...(id != null ? { id: { [Op.ne]: id } } : {}),
      status: TIME_TAKING_STATUSES,
      [Op.or]: [{ memberAId: members }, { memberBId: members }],
      startsAt: { [Op.lt]: end },
      endsAt: { [Op.gt]: start },
    },
    order: [['startsAt', 'ASC']],
    transaction: options.transaction,
  });
  if (!other) return;
  const busy = members.find((member) => [other.get('memberAId'), other.get('memberBId')].includes(member));
  const named = await db.getRepository('members').findOne({ filterByTk: busy, transaction: options.transaction });
  throw refusal(
    date.constructor.collection,
    'startsAt',
    options,
    '{{name}} already has a date at that time (no. {{id}}, {{time}}); choose another “{{field}}”',
    {
      name: named?.get('name') ?? busy,
      id: other.get('id'),
      time: formatSpan(other.get('startsAt'), other.get('endsAt'), requestOf(options)),
    },
  );
}

/** A date that took place brings its introduction from 双方同意 to 已约见 (through the stage rules, with its history row). */
async function followStatus(db: any, date: any, options: any) {
  if (date.get('status') !== 'completed') return;
  const introductions = db.getRepository('introductions');
  const introduction = await introductions.findOne({
    filterByTk: date.get('introductionId'),
    transaction: options.transaction,
  });
  if (introduction?.get('stage') !== 'bothAgreed') return;
  await introductions.update({
    filterByTk: introduction.get('id'),
    values: { stage: 'met' },
    transaction: options.transaction,
    context: requestOf(options),
  });
}

/** An introduction that ends (or reaches 结婚) cancels its dates still 已安排: they no longer hold their members' time. */
async function cancelDatesOfClosedIntroduction(db: any, introduction: any, options: any) {
  if (!introduction.changed('stage') || isOpen(introduction.get('stage'))) return;
  await db.getRepository('dates').update({
    filter: { introductionId: introduction.get('id'), status: 'scheduled' },
    values: { status: 'cancelled' },
    transaction: options.transaction,
    context: requestOf(options),
  });
}

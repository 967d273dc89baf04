// The agency's reminder settings (one record, id 1): read by every sweep, seeded at install, checked on every save.
import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { isTimeZone } from './agency-time';
import { followUpsLanguage } from '../language/follow-ups-language';

export const SETTINGS_ID = 1;

export interface ReminderSettings {
  /** Days without contact before a reminder, per membership tier value (members' `tier`). */
  noContactDays: Record<string, number>;
  newMemberContactHours: number;
  membershipNoticeDays: number;
  deepInterviewDays: number;
  stageLimitDays: number;
  /** The hour (0–23, agency time) day-based reminders fall due. */
  reminderHour: number;
  /** How many missed days a restart delivers (older occurrences of day-based kinds are not replayed). */
  catchUpDays: number;
  /** IANA zone: the setting, else the server's TZ, else Asia/Shanghai. */
  timeZone: string;
}

export const DEFAULTS = {
  noContactDaysVip: 7,
  noContactDaysDiamond: 10,
  noContactDaysGold: 14,
  noContactDaysStandard: 30,
  newMemberContactHours: 24,
  membershipNoticeDays: 30,
  deepInterviewDays: 60,
  stageLimitDays: 14,
  reminderHour: 9,
  catchUpDays: 7,
};

/** The settings as the sweep uses them (defaults for what is empty). */
export async function readReminderSettings(db: any, transaction?: any): Promise<ReminderSettings> {
  const row: any = (await db.getModel('reminderSettings').findByPk(SETTINGS_ID, { raw: true, transaction })) || {};
  const value = (name: keyof typeof DEFAULTS) =>
    row[name] === null || row[name] === undefined ? DEFAULTS[name] : Number(row[name]);
  const zone = String(row.timeZone || process.env.TZ || '').trim();
  return {
    noContactDays: {
      vip: value('noContactDaysVip'),
      diamond: value('noContactDaysDiamond'),
      gold: value('noContactDaysGold'),
      standard: value('noContactDaysStandard'),
    },
    newMemberContactHours: value('newMemberContactHours'),
    membershipNoticeDays: value('membershipNoticeDays'),
    deepInterviewDays: value('deepInterviewDays'),
    stageLimitDays: value('stageLimitDays'),
    reminderHour: value('reminderHour'),
    catchUpDays: value('catchUpDays'),
    timeZone: zone && isTimeZone(zone) ? zone : 'Asia/Shanghai',
  };
}

/** A new agency gets the defaults as its record, ready to edit. */
export async function seedReminderSettings(db: any) {
  const repository = db.getRepository('reminderSettings');
  if (!(await repository.findOne({ filterByTk: SETTINGS_ID })))
    await repository.create({ values: { id: SETTINGS_ID } });
}

const BOUNDS: Record<string, [number, number]> = {
  noContactDaysVip: [1, 365],
  noContactDaysDiamond: [1, 365],
  noContactDaysGold: [1, 365],
  noContactDaysStandard: [1, 365],
  newMemberContactHours: [1, 720],
  membershipNoticeDays: [1, 365],
  deepInterviewDays: [1, 730],
  stageLimitDays: [1, 365],
  reminderHour: [0, 23],
  catchUpDays: [0, 60],
};

/**
 * Refuses (400, naming the field) a setting outside its bounds, not a whole number, an unknown time zone, or a second
 * settings record (it would be silently ignored).
 */
export async function checkReminderSettings(db: any, model: any, options: any) {
  const collection = db.getCollection('reminderSettings');
  const language = followUpsLanguage(options);
  if (model.isNewRecord && (await model.constructor.count({ transaction: options.transaction })))
    throw new Refusal(
      language.t('The reminder settings are one record: edit it rather than adding another; nothing was saved'),
      { field: 'reminderSettings' },
    );
  for (const [name, [min, max]] of Object.entries(BOUNDS)) {
    if (!model.changed(name)) continue;
    const value = model.get(name);
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(Number(value)) || Number(value) < min || Number(value) > max)
      throw new Refusal(
        language.t('{{field}} must be a whole number from {{min}} to {{max}}, not "{{value}}"; nothing was saved', {
          field: fieldTitle(collection, name, language),
          min,
          max,
          value,
        }),
        { field: name },
      );
  }
  const zone = model.get('timeZone');
  if (model.changed('timeZone') && zone && !isTimeZone(String(zone)))
    throw new Refusal(
      language.t('{{field}} "{{value}}" is not a time zone (e.g. Asia/Shanghai); nothing was saved', {
        field: fieldTitle(collection, 'timeZone', language),
        value: zone,
      }),
      { field: 'timeZone' },
    );
}

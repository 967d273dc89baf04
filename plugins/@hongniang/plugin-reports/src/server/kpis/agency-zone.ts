import { readReminderSettings } from '@hongniang/plugin-follow-ups';

/** The agency's time zone: 提醒设置's 机构时区, else the server's TZ, else Asia/Shanghai (as the reminders count days). */
export async function agencyTimeZone(db: any): Promise<string> {
  return (await readReminderSettings(db)).timeZone;
}

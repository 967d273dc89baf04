// `POST /api/reminders:sweep` — runs a sweep now and answers what it wrote, for whoever sees every reminder (a manager,
// the admin): after changing 提醒设置, or to check the catch-up. `rescan: true` first forgets the watermarks, so the sweep
// scans as the first one of an agency day does (nothing is written twice: keys). 403 for anyone else.
import { reachesEveryRecord, Refusal } from '@hongniang/plugin-core';
import { followUpsLanguage } from '../language/follow-ups-language';
import { ReminderSweeper } from '../reminders/sweeper';

export function sweepNowAction(sweeper: ReminderSweeper) {
  return async (ctx: any, next: () => Promise<void>) => {
    if (!reachesEveryRecord(ctx, 'reminders', 'view'))
      throw new Refusal(followUpsLanguage({ context: ctx }).t('Only a manager may run the reminders’ sweep'), {
        field: 'reminders',
        status: 403,
      });
    const params = ctx.action.params;
    const rescan = [params.rescan, params.values?.rescan].some((value) => value === true || value === 'true');
    await sweeper.idle();
    if (rescan) await ctx.db.getModel('reminderSweeps').destroy({ where: {} });
    const began = Date.now();
    const report = await sweeper.sweepNow();
    if (!report) throw new Error('the reminders’ sweep failed (see the server log); it runs again within a minute');
    ctx.body = {
      milliseconds: Date.now() - began,
      written: Object.fromEntries(Object.entries(report).map(([kind, keys]) => [kind, keys.length])),
    };
    await next();
  };
}

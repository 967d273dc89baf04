// 我的今日's 约会与牵线 tab, read as its blocks read: each block's data scope, taken from the page's blueprint and turned
// into the filter the client sends, requested over HTTP as 李静. Today and tomorrow are the agency's days: the database's
// time zone (DB_TIMEZONE, which the README asks to agree with TZ) is set to the agency's +08:00 for this suite, while the
// process runs in UTC, so a date in the first minutes of an agency day is a UTC day earlier.
import fs from 'fs';
import path from 'path';
import { MockServer } from '@nocobase/test';
import { addDays } from '@hongniang/plugin-follow-ups';
import { HONGNIANG_PLUGINS, appForSuite, signInStaff } from '@test/support/app';
import { agreedIntroduction } from '@test/support/introductions';
import { addMember, SUITED } from '@test/support/members';
import { agencyDayClearOfMidnight, agencyTime } from '@test/support/reminder-clock';

const BLUEPRINT = path.resolve(__dirname, '../../blueprints/follow-ups-1-my-day.json');

/** A block of 我的今日 by its key. */
function blockOf(key: string): any {
  const document = JSON.parse(fs.readFileSync(BLUEPRINT, 'utf8'));
  for (const tab of document.tabs) for (const block of tab.blocks) if (block.key === key) return block;
  throw new Error(`我的今日 has no block ${key}`);
}

/** A blueprint data scope ({ logic, items: [{ path, operator, value }] }) as the filter a block's request carries. */
function filterOf(scope: any): Record<string, any> {
  return {
    [scope.logic]: scope.items.map((item: any) =>
      item.items ? filterOf(item) : { [item.path]: { [item.operator]: item.value } },
    ),
  };
}

describe('我的今日: dates and introductions', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;
  // The agency's day, taken in the set-up clear of a midnight (the blocks' scopes read the real today when asked).
  let D: string;
  const dates: Record<string, number> = {};
  let introduction: number;
  let othersIntroduction: number;

  appForSuite(
    async (booted) => {
      app = booted;
      D = await agencyDayClearOfMidnight();
      app.db.options.timezone = '+08:00';
      ({ as, users } = await signInStaff(app));
      const repo = (name: string) => app.db.getRepository(name);
      const hers = await addMember(app, { ...SUITED.her, name: '李静的会员', matchmakerId: users.lijing });
      const his = await addMember(app, { ...SUITED.him, name: '王芳的会员', matchmakerId: users.wangfang });
      const theirs = await addMember(app, { ...SUITED.her, name: '王芳的女会员', matchmakerId: users.wangfang });
      const another = await addMember(app, { ...SUITED.him, name: '王芳的男会员', matchmakerId: users.wangfang });
      introduction = await agreedIntroduction(app, hers, his);
      othersIntroduction = await agreedIntroduction(app, theirs, another);
      const date = async (name: string, startsAt: Date, values: Record<string, unknown> = {}) => {
        dates[name] = (
          await repo('dates').create({
            values: { introductionId: introduction, startsAt, durationMinutes: 30, place: name, ...values },
          })
        ).get('id') as number;
      };
      // 23:30 the evening before (agency): 15:30 UTC, the day before in both zones.
      await date('yesterdayLate', agencyTime(addDays(D, -1), 23, 30));
      // 00:30 agency time: 16:30 UTC on the day before, yet today for the agency.
      await date('todayEarly', agencyTime(D, 0, 30));
      await date('todayEvening', agencyTime(D, 20));
      await date('tomorrowLate', agencyTime(addDays(D, 1), 23));
      // 00:30 the day after tomorrow (agency): still tomorrow in UTC.
      await date('dayAfterEarly', agencyTime(addDays(D, 2), 0, 30));
      await date('tomorrowCancelled', agencyTime(addDays(D, 1), 12));
      await repo('dates').update({ filterByTk: dates.tomorrowCancelled, values: { status: 'cancelled' } });
      dates.othersTomorrow = (
        await repo('dates').create({
          values: { introductionId: othersIntroduction, startsAt: agencyTime(addDays(D, 1), 15), place: '别人的' },
        })
      ).get('id') as number;
    },
    // The set-up may wait up to two minutes for a midnight to pass (agencyDayClearOfMidnight).
    { ours: HONGNIANG_PLUGINS, timeout: 5 * 60_000 },
  );

  // With the X-Timezone an agency's browser sends (NocoBase's client: its zone's offset). Without it the server reads
  // "today" in its own zone, UTC here: between 16:00 and 24:00 UTC that is the agency's yesterday.
  const listed = async (agent: any, collection: string, block: any) => {
    const response = await agent
      .resource(collection)
      .list({
        filter: filterOf(block.settings.dataScope),
        sort: block.settings.sorting.map((rule: any) => (rule.direction === 'desc' ? `-${rule.field}` : rule.field)),
        pageSize: 50,
      })
      .set('X-Timezone', '+08:00');
    expect(response.status).toBe(200);
    return response.body.data.map((row: any) => row.id);
  };

  it('今明两天的约会: her scheduled dates from the agency’s midnight today to its midnight after tomorrow, soonest first', async () => {
    const ids = await listed(as.lijing, 'dates', blockOf('datesSoon'));
    expect(ids).toEqual([dates.todayEarly, dates.todayEvening, dates.tomorrowLate]);
  });

  it('the manager’s block lists every matchmaker’s dates of those two days, and 王芳’s her members’ (both pairs)', async () => {
    expect(await listed(as.manager, 'dates', blockOf('datesSoon'))).toEqual([
      dates.todayEarly,
      dates.todayEvening,
      dates.othersTomorrow,
      dates.tomorrowLate,
    ]);
    // 王芳 works the other side of 李静's pair too, so she sees those dates and her own pair's.
    expect(await listed(as.wangfang, 'dates', blockOf('datesSoon'))).toEqual([
      dates.todayEarly,
      dates.todayEvening,
      dates.othersTomorrow,
      dates.tomorrowLate,
    ]);
  });

  it('进行中的牵线: her open introductions, the longest in its stage first; an ended one leaves the block', async () => {
    const block = blockOf('introductionsWaiting');
    expect(await listed(as.lijing, 'introductions', block)).toEqual([introduction]);
    expect(await listed(as.manager, 'introductions', block)).toEqual([introduction, othersIntroduction]);
    await app.db
      .getRepository('introductions')
      .update({ filterByTk: othersIntroduction, values: { stage: 'ended', endReason: 'other' } });
    expect(await listed(as.manager, 'introductions', block)).toEqual([introduction]);
  });
});

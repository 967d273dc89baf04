// 状态变更时间 (statusChangedAt) over HTTP with the ACL on: stamped at creation and at every change of status on each
// write path (create, update, update by filter, import, our own bulk writes), left alone by other edits, read-only to
// callers (a value typed in is refused in zh-CN and en-US, one sent back unchanged accepted), and filled from
// updatedAt for rows older than the field by the upgrade's migration.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember, bornYearsAgo } from '@test/support/members';
import { importXlsx, withHeader } from '@test/support/spreadsheets';
import StatusChangedAt from '../migrations/20261207000000-status-changed-at';

/** A moment long past, set without hooks, so that a new stamp is told from an old one whatever the clock. */
const LONG_AGO = new Date('2020-01-01T00:00:00.000Z');

describe('状态变更时间 (members.statusChangedAt)', () => {
  let app: MockServer;
  let admin: any;
  let as: Record<string, any>;
  let users: Record<string, number>;
  const Member = () => app.db.getModel('members');
  const stampOf = async (id: number) => (await Member().findByPk(id))!.get('statusChangedAt') as Date | null;
  /** Moves her stamp back to LONG_AGO, as if her status had been set then. */
  const stampLongAgo = (id: number) =>
    Member().update({ statusChangedAt: LONG_AGO }, { where: { id }, hooks: false, silent: true });

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
    ({ as, users } = await signInStaff(app));
  });

  it('stamps a member at creation, between the moments before and after the request', async () => {
    const before = Date.now();
    const created = await as.lijing.resource('members').create({
      values: { name: '林晓', gender: 'female', birthDate: bornYearsAgo(28), wechat: 'linxiao28' },
    });
    const after = Date.now();
    expect(created.status).toBe(200);
    const stamp = (await stampOf(created.body.data.id))!.getTime();
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);
  });

  it('moves the stamp when the status changes, and only then', async () => {
    const id = await addMember(app, { name: '周岚', gender: 'female', matchmakerId: users.lijing });
    await stampLongAgo(id);
    const edited = await as.lijing.resource('members').update({ filterByTk: id, values: { heightCm: 166 } });
    expect(edited.status).toBe(200);
    expect(await stampOf(id)).toEqual(LONG_AGO);
    const lost = await as.lijing.resource('members').update({ filterByTk: id, values: { status: 'lost' } });
    expect(lost.status).toBe(200);
    expect((await stampOf(id))!.getTime()).toBeGreaterThan(LONG_AGO.getTime());
    // The same status again is no change.
    await stampLongAgo(id);
    await as.lijing.resource('members').update({ filterByTk: id, values: { status: 'lost' } });
    expect(await stampOf(id)).toEqual(LONG_AGO);
  });

  it('stamps an update by filter (each member) and our own bulk writes', async () => {
    const ids = [
      await addMember(app, { name: '吴桐', gender: 'male', age: 35, matchmakerId: users.wangfang }),
      await addMember(app, { name: '郑雪', gender: 'female', age: 31, matchmakerId: users.wangfang }),
    ];
    for (const id of ids) await stampLongAgo(id);
    const withdrawn = await as.manager
      .post('/members:update')
      .query({ filter: JSON.stringify({ id: { $in: ids } }) })
      .send({ status: 'withdrawn' });
    expect(withdrawn.status).toBe(200);
    for (const id of ids) expect((await stampOf(id))!.getTime()).toBeGreaterThan(LONG_AGO.getTime());
    // A server-side update by a condition (Model.update, with hooks) sets the stamp with the status.
    for (const id of ids) await stampLongAgo(id);
    await Member().update({ status: 'paused' }, { where: { id: ids } });
    for (const id of ids) expect((await stampOf(id))!.getTime()).toBeGreaterThan(LONG_AGO.getTime());
  });

  it('stamps members imported from a spreadsheet', async () => {
    const columns = [
      { dataIndex: ['name'], defaultTitle: '姓名' },
      { dataIndex: ['gender'], defaultTitle: '性别' },
      { dataIndex: ['birthDate'], defaultTitle: '出生日期' },
      { dataIndex: ['phone'], defaultTitle: '手机号' },
      { dataIndex: ['status'], defaultTitle: '状态' },
    ];
    const before = Date.now();
    const imported = await importXlsx(
      admin,
      'members',
      withHeader(columns, [['钱雯', '女', '1993-04-05', '13722220001', '服务中']]),
      columns,
    );
    expect([imported.status, imported.body?.data?.successCount]).toEqual([200, 1]);
    const member = await Member().findOne({ where: { phone: '13722220001' } });
    expect(member!.get('status')).toBe('inService');
    expect((member!.get('statusChangedAt') as Date).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('refuses a typed stamp in zh-CN and en-US, storing nothing, and accepts one sent back unchanged', async () => {
    const id = await addMember(app, { name: '秦悦', gender: 'female', matchmakerId: users.lijing });
    await stampLongAgo(id);
    const zh = await as.lijing
      .set('X-Locale', 'zh-CN')
      .resource('members')
      .update({ filterByTk: id, values: { status: 'paused', statusChangedAt: '2021-06-01T00:00:00.000Z' } });
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0].message).toBe(
      '状态变更时间由状态自动推算，不能填写；请去掉这一项（收到 "2021-06-01T00:00:00.000Z"）',
    );
    const en = await as.lijing
      .set('X-Locale', 'en-US')
      .resource('members')
      .update({ filterByTk: id, values: { statusChangedAt: '2021-06-01T00:00:00.000Z' } });
    expect(en.status).toBe(400);
    expect(en.body.errors[0].message).toBe(
      'Status changed at is worked out from Status and cannot be entered; leave it out (got "2021-06-01T00:00:00.000Z")',
    );
    expect((await Member().findByPk(id))!.get('status')).toBe('inService');
    expect(await stampOf(id)).toEqual(LONG_AGO);
    // An edit form sends the stored value back.
    const form = await as.lijing
      .resource('members')
      .update({ filterByTk: id, values: { heightCm: 170, statusChangedAt: LONG_AGO.toISOString() } });
    expect(form.status).toBe(200);
    expect(await stampOf(id)).toEqual(LONG_AGO);
  });

  it('gives members saved before the field their last change, on upgrade (approximate), once', async () => {
    const id = await addMember(app, { name: '旧档案', gender: 'male', age: 40, matchmakerId: users.wangfang });
    const updatedAt = new Date('2024-03-15T02:00:00.000Z');
    await Member().update(
      { statusChangedAt: null, ageBand: null, updatedAt },
      { where: { id }, hooks: false, silent: true },
    );
    const migration = new StatusChangedAt({ app, db: app.db, plugin: app.pm.get('@hongniang/plugin-members') } as any);
    await migration.up();
    const member = (await Member().findByPk(id))!;
    expect(member.get('statusChangedAt')).toEqual(updatedAt);
    expect(member.get('ageBand')).toBe('40to44');
    // Others keep theirs.
    await stampLongAgo(id);
    await migration.up();
    expect(await stampOf(id)).toEqual(LONG_AGO);
  });
});

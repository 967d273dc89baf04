// Charts name categories in words: an option field's dimension (ours, across an association, several options, or a field
// an admin added) answers its labels in the caller's language, counts stay as the query made them, and each role still
// counts only what she may see.
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot, signInStaff } from '@test/support/app';
import { addMember, SUITED } from '@test/support/members';

describe('chart categories in words (charts:queryData)', () => {
  let app: MockServer;
  let as: Record<'manager' | 'lijing' | 'wangfang' | 'intake', any>;
  let users: Record<'manager' | 'lijing' | 'wangfang' | 'intake', number>;

  appForSuite(async (booted) => {
    app = booted;
    ({ as, users } = await signInStaff(app));
    // 李静: two in service, one paused; 王芳: one in service, one lost.
    const members: [number, string, string[]][] = [
      [users.lijing, 'inService', ['reading', 'travel']],
      [users.lijing, 'inService', ['travel']],
      [users.lijing, 'paused', []],
      [users.wangfang, 'inService', ['reading']],
      [users.wangfang, 'lost', []],
    ];
    for (const [index, [matchmakerId, status, hobbies]] of members.entries())
      await addMember(app, { ...SUITED.her, name: `会员${index}`, matchmakerId, status, hobbies });
  });

  /**
   * A chart of members: how many, by `dimension`, as `agent` asks it, in `locale`. It counts a field every record has:
   * NocoBase drops a measure on `id` for a role with a field list when the collection does not declare `id` as a field
   * (ours leave it to NocoBase), so the query would come back ungrouped (docs/reports.md).
   */
  const membersBy = (agent: any, dimension: any, locale = 'zh-CN', collection = 'members', counted = 'memberNo') =>
    agent
      .post('/charts:queryData')
      .set('X-Locale', locale)
      .send({
        mode: 'builder',
        variableResolution: 'legacy-schema',
        dataSource: 'main',
        collection,
        measures: [{ field: [counted], aggregation: 'count', alias: 'count' }],
        dimensions: [dimension],
      });
  const counts = (response: any, key: string) =>
    Object.fromEntries(response.body.data.map((row: any) => [row[key], Number(row.count)]));

  it('names each status in Chinese, and in English when the caller reads English', async () => {
    const zh = await membersBy(as.manager, { field: ['status'] });
    expect(zh.status).toBe(200);
    expect(counts(zh, 'status')).toEqual({ 服务中: 3, 暂停: 1, 流失: 1 });
    const en = await membersBy(as.manager, { field: ['status'], alias: 'state' }, 'en-US');
    expect(counts(en, 'state')).toEqual({ 'In service': 3, Paused: 1, Lost: 1 });
  });

  it('counts a matchmaker’s own members only, in words too', async () => {
    const hers = await membersBy(as.lijing, { field: ['status'] });
    expect(hers.status).toBe(200);
    expect(counts(hers, 'status')).toEqual({ 服务中: 2, 暂停: 1 });
  });

  it('names the options of an association’s field and of a multiple choice', async () => {
    // Every member has her partner preferences: counted by their member's status.
    const viaMember = await membersBy(
      as.manager,
      { field: ['member', 'status'] },
      'zh-CN',
      'partnerPreferences',
      'ageMin',
    );
    expect(viaMember.status).toBe(200);
    expect(counts(viaMember, 'member.status')).toEqual({ 服务中: 3, 暂停: 1, 流失: 1 });
    const hobbies = await membersBy(as.manager, { field: ['hobbies'] });
    expect(Object.keys(counts(hobbies, 'hobbies'))).toEqual(expect.arrayContaining(['阅读、旅行', '旅行', '阅读']));
  });

  it('names the options of a field an admin added in the collection manager', async () => {
    const root = await signInAsRoot(app);
    const created = await root.post('/collections/members/fields:create').send({
      name: 'meetingPlace',
      type: 'string',
      interface: 'select',
      uiSchema: {
        type: 'string',
        title: '见面方式',
        'x-component': 'Select',
        enum: [
          { value: 'store', label: '门店' },
          { value: 'video', label: '{{t("视频")}}' },
        ],
      },
    });
    expect(created.status).toBe(200);
    await app.db
      .getRepository('members')
      .update({ filter: { status: 'inService' }, values: { meetingPlace: 'store' } });
    await app.db.getRepository('members').update({ filter: { status: 'paused' }, values: { meetingPlace: 'video' } });
    const places = await membersBy(as.manager, { field: ['meetingPlace'] });
    expect(counts(places, 'meetingPlace')).toEqual({ 门店: 3, 视频: 1, null: 1 });
  });
});

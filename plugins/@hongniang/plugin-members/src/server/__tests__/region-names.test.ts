import { MockServer } from '@nocobase/test';
import { appForSuite, createUser, signInAs } from '@test/support/app';
import { addMember } from '@test/support/members';

// Issue 12 item 6: 现居城市 and 籍贯 read "[object Object]/[object Object]" for a matchmaker and "31 / 3101" in her edit form,
// because the region records reached her as bare codes.
describe('China-region fields carry region names for every role', () => {
  let app: MockServer;
  let as: Record<string, any>;
  let hers: number;

  appForSuite(async (booted) => {
    app = booted;
    const lijing = await createUser(app, { nickname: '李静', email: 'lijing@example.test', roles: ['matchmaker'] });
    as = {
      matchmaker: await signInAs(app, lijing, 'matchmaker'),
      intake: await signInAs(
        app,
        await createUser(app, { nickname: '陈雨', email: 'chenyu@example.test', roles: ['intake'] }),
        'intake',
      ),
      manager: await signInAs(
        app,
        await createUser(app, { nickname: '赵丽', email: 'zhaoli@example.test', roles: ['manager'] }),
        'manager',
      ),
    };
    hers = await addMember(app, {
      name: '沪上会员',
      gender: 'female',
      matchmakerId: lijing.get('id'),
      city: '3101',
      hometown: [{ code: '33' }, { code: '3301' }],
      partnerPreferences: { preferredRegions: [{ code: '44' }, { code: '4403' }] },
    });
    await addMember(app, { name: '别人的会员', gender: 'male', city: '3101' });
  });

  const names = (regions: any[]) => (regions || []).map((region) => region.name);

  it.each(['matchmaker', 'intake', 'manager'])('lists members with their regions named, as the %s', async (role) => {
    const { status, body } = await as[role].get('/members:list?appends[]=currentCity&appends[]=hometown&sort=id');
    expect(status).toBe(200);
    const [mine, other] = body.data;
    expect(names(mine.currentCity)).toEqual(['上海市', '市辖区']);
    expect(names(mine.hometown)).toEqual(['浙江省', '杭州市']);
    expect(names(other.currentCity)).toEqual(['上海市', '市辖区']);
  });

  it('names the preferred regions of her own member in what the matchmaker opens (details, edit form)', async () => {
    const { body } = await as.matchmaker.get(
      `/members:get?filterByTk=${hers}&appends[]=partnerPreferences&appends[]=partnerPreferences.preferredRegions`,
    );
    expect(names(body.data.partnerPreferences.preferredRegions)).toEqual(['广东省', '深圳市']);
  });
});

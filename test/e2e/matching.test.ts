import { Page } from 'playwright-core';
import { signIn, watchProblems } from '@test/support/browser';
import { bornYearsAgo } from '@test/support/members';
import { appInBrowser, callApi } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const waitForRows = (page: Page, scope: string, condition: string) =>
  page.waitForFunction(
    `document.querySelectorAll('${scope} .ant-table-tbody .ant-table-row').length ${condition}`,
    null,
    { timeout: 60000 },
  );

describe('找对象 as a matchmaker meets it: open a member, find matches, save one, see it in 推荐记录, introduce the pair', () => {
  const suite = appInBrowser();

  it('ranks a fitting candidate with his reasons, saves him as a suggestion and lists it', async () => {
    // Two members who fit each other, among the demo agency's 300; her "must" criteria leave few others in the race.
    const token = (
      await callApi(suite.app, null, 'auth:signIn', {
        account: suite.app.admin.email,
        password: suite.app.admin.password,
      })
    ).data.token;
    // The demo matchmaker 李静, in the agency's 红娘 role (plugin-access): she may match her own members only, so 苏映雪 is hers.
    const staff = async (username: string) =>
      (await callApi(suite.app, token, `users:list?filter=${encodeURIComponent(JSON.stringify({ username }))}`))
        .data[0];
    const lijing = await staff('lijing');
    // His matchmaker is 王芳: her name shows beside him, so 李静 knows whom to call.
    const wangfang = await staff('wangfang');
    const shanghai = [{ code: '31' }, { code: '3101' }];
    const her = await callApi(suite.app, token, 'members:create', {
      name: '苏映雪',
      gender: 'female',
      birthDate: bornYearsAgo(29),
      phone: '13700001111',
      status: 'inService',
      recommendConsent: true,
      heightCm: 165,
      education: 'master',
      currentCity: shanghai,
      matchmaker: lijing.id,
      partnerPreferences: {
        ageMin: 30,
        ageMax: 31,
        ageImportance: 'required',
        heightMin: 180,
        heightMax: 181,
        heightImportance: 'required',
        preferredRegions: shanghai,
        regionImportance: 'required',
      },
    });
    expect(her.data?.id).toEqual(expect.any(Number));
    const him = await callApi(suite.app, token, 'members:create', {
      name: '顾承泽',
      gender: 'male',
      birthDate: bornYearsAgo(30),
      phone: '13700002222',
      status: 'inService',
      recommendConsent: true,
      heightCm: 180,
      education: 'doctor',
      currentCity: shanghai,
      matchmaker: wangfang.id,
    });
    expect(him.data?.id).toEqual(expect.any(Number));

    const page = await suite.browser.newPage({ viewport: { width: 1500, height: 950 } });
    await signIn(page, suite.app.url, 'lijing', process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026');
    const problems = watchProblems(page);
    await page.click('text=会员管理');
    await page.click('text=会员列表');
    await page.locator('.ant-table-tbody .ant-table-row').first().waitFor({ timeout: 60000 });
    const filters = page
      .locator('.ant-card')
      .filter({ has: page.locator('button:has-text("筛 选"), button:has-text("筛选")') })
      .first();
    await filters.locator('.ant-form-item').filter({ hasText: '姓名' }).first().locator('input').fill('苏映雪');
    await filters.locator('button:has-text("筛 选"), button:has-text("筛选")').first().click();
    await waitForRows(page, '', '=== 1');
    await page.locator('.ant-table-tbody .ant-table-row').first().locator('text=查看').click();

    const drawer = page.locator('.ant-drawer-content:visible');
    await drawer.locator('button:has-text("找对象")').click();
    const dialog = page.locator('.ant-modal-content:visible');
    await dialog.locator('text=为 苏映雪 找对象').waitFor({ timeout: 60000 });
    const candidate = dialog.locator('.ant-table-row', { hasText: '顾承泽' });
    await candidate.waitFor({ timeout: 30000 });
    expect(await candidate.innerText()).toMatch(/顾承泽[\s\S]*30[\s\S]*王芳[\s\S]*100/);
    // The reasons: each criterion in both directions.
    await candidate.locator('.ant-table-row-expand-icon').click();
    const reasons = dialog.locator('.ant-table-expanded-row');
    await reasons.locator('text=年龄').first().waitFor();
    expect(await reasons.innerText()).toMatch(/年龄[\s\S]*100%[\s\S]*身高/);

    await candidate.locator('button:has-text("保存为推荐")').click();
    await page.locator('.ant-message', { hasText: '已保存为推荐记录' }).waitFor({ timeout: 30000 });
    await candidate.locator('button:has-text("已保存")').waitFor();
    await dialog.locator('button:has-text("关 闭"), button:has-text("关闭")').first().click();
    await dialog.waitFor({ state: 'hidden', timeout: 30000 });

    // Her popup lists the suggestion; so does 匹配推荐 → 推荐记录.
    await drawer.locator('button:has-text("刷新")').last().click();
    await drawer.locator('.ant-table-row', { hasText: '顾承泽' }).waitFor({ timeout: 30000 });
    await page
      .locator('.ant-drawer-mask')
      .last()
      .click({ position: { x: 10, y: 10 } });
    await drawer.waitFor({ state: 'hidden', timeout: 30000 });
    await page.click('text=匹配推荐');
    await page.click('text=推荐记录');
    const suggestion = page.locator('.ant-table-tbody .ant-table-row', { hasText: '顾承泽' });
    await suggestion.waitFor({ timeout: 60000 });
    expect(await suggestion.innerText()).toMatch(
      /苏映雪[\s\S]*顾承泽[\s\S]*王芳[\s\S]*100[\s\S]*待处理[\s\S]*红娘匹配/,
    );
    // The candidate opens at the introduction level: who he is, never how to reach him.
    await suggestion.locator('text=顾承泽').first().click();
    const candidateView = page.locator('.ant-drawer-content:visible').filter({ hasText: '会员编号' }).last();
    await candidateView.waitFor({ timeout: 30000 });
    const shown = await candidateView.innerText();
    expect(shown).toMatch(/学历[\s\S]*博士/);
    for (const hidden of ['手机号', '微信号', '年收入', '备注']) expect(shown).not.toContain(hidden);
    await page.keyboard.press('Escape');

    const saved = await callApi(
      suite.app,
      token,
      `matchSuggestions:list?filter=${encodeURIComponent(JSON.stringify({ memberId: her.data.id }))}`,
    );
    expect(saved.data.map((row: any) => [row.candidateId, row.score, row.status, row.createdById])).toEqual([
      [him.data.id, 100, 'open', lijing.id],
    ]);

    // Issue 14: 发起牵线 on the suggestion introduces 苏映雪 (甲方) to 顾承泽 (乙方), and says so.
    await suggestion.locator('button:has-text("发起牵线"), a:has-text("发起牵线")').first().click();
    await page.locator('.ant-message', { hasText: '已发起牵线' }).waitFor({ timeout: 30000 });
    const introductions = await callApi(
      suite.app,
      token,
      `introductions:list?filter=${encodeURIComponent(JSON.stringify({ memberAId: her.data.id }))}`,
    );
    expect(introductions.data.map((row: any) => [row.memberBId, row.stage, row.startedById])).toEqual([
      [him.data.id, 'recommendedToA', lijing.id],
    ]);

    // 牵线管理 → 牵线看板: her card under 推荐给甲方 with both sides, the days in the stage and the next action.
    await page.click('text=牵线管理');
    await page.click('text=牵线看板');
    const card = page.locator('div[data-grid-root="true"]', { hasText: '苏映雪' }).last();
    await card.waitFor({ timeout: 60000 });
    expect((await card.innerText()).replace(/\s+/g, ' ')).toMatch(
      /甲方[\s\S]*苏映雪 · 29岁 · 硕士[\s\S]*乙方[\s\S]*顾承泽 · 30岁 · 博士[\s\S]*本阶段 0 天[\s\S]*下一步：询问甲方意愿/,
    );
    // The card opens the introduction with its consents and history; 李静 records her member's 同意 in one form.
    await card.locator('text=苏映雪').first().click();
    const details = page.locator('.ant-drawer-content:visible').last();
    await details.locator('text=牵线记录').waitFor({ timeout: 60000 });
    expect((await details.innerText()).replace(/\s+/g, ' ')).toMatch(/阶段变更 推荐给甲方 李静/);
    await details.locator('button:has-text("记录意愿")').click();
    const form = page.locator('.ant-drawer-content:visible').last();
    const submit = form.locator('button:has-text("提 交"), button:has-text("提交")');
    await submit.waitFor({ timeout: 60000 });
    const choose = async (label: string, option: string, typed?: string) => {
      await form.locator('.ant-form-item').filter({ hasText: label }).first().locator('.ant-select').click();
      if (typed) await page.keyboard.type(typed);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    };
    await choose('一方', '苏映雪', '苏映雪');
    await choose('意愿', '同意');
    await choose('渠道', '电话');
    await submit.click();
    await details.locator('.ant-table-row', { hasText: '同意' }).waitFor({ timeout: 30000 });
    const consents = await callApi(
      suite.app,
      token,
      `introductionConsents:list?filter=${encodeURIComponent(JSON.stringify({ introductionId: introductions.data[0].id }))}`,
    );
    expect(consents.data.map((row: any) => [row.memberId, row.answer, row.channel, row.recordedById])).toEqual([
      [her.data.id, 'agreed', 'phone', lijing.id],
    ]);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);

    // A second 发起牵线 for the pair is refused, with the server's words (the open introduction's number).
    await page
      .locator('.ant-drawer-mask')
      .last()
      .click({ position: { x: 10, y: 10 } });
    await details.waitFor({ state: 'hidden', timeout: 30000 });
    await page.click('text=匹配推荐');
    await page.click('text=推荐记录');
    const again = page.locator('.ant-table-tbody .ant-table-row:visible', { hasText: '顾承泽' });
    await again.locator('button:has-text("发起牵线"), a:has-text("发起牵线")').first().click();
    await page
      .locator('.ant-message', { hasText: `已有进行中的牵线（编号 ${introductions.data[0].id}）` })
      .waitFor({ timeout: 30000 });
    await page.close();
  });
});

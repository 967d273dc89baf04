import os from 'os';
import path from 'path';
import { Locator, Page, Response } from 'playwright-core';
import { dayOf, instantAt, wallTime } from '@hongniang/plugin-follow-ups';
import { AGENCY_TIME_ZONE, watchProblems } from '@test/support/browser';
import { item } from '@test/support/forms';
import { bornYearsAgo } from '@test/support/members';
import { appInBrowser, callApi } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const waitForRows = (page: Page, scope: string, condition: string) =>
  page.waitForFunction(
    `document.querySelectorAll('${scope} .ant-table-tbody .ant-table-row').length ${condition}`,
    null,
    { timeout: 60000 },
  );

/** A column of 牵线看板 by its stage's value (the kanban marks each column's drop area with the group's value). */
const column = (page: Page, stage: string) => page.locator(`[data-rbd-droppable-id="${stage}"]`);

/** A card of 牵线看板 in a column, by a member's name on it. */
const cardIn = (page: Page, stage: string, name: string) =>
  column(page, stage).locator('div[data-grid-root="true"]', { hasText: name }).last();

/**
 * Drags a kanban card onto a column as a hand does (press, a short pull, the way across, release, with pauses the drag
 * library waits for) and waits for the `move` request it sends.
 */
async function dragCard(page: Page, card: Locator, target: Locator) {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('the card or the column is not on screen');
  const moved = page.waitForResponse((response) => response.url().includes('introductions:move'), { timeout: 30000 });
  await page.mouse.move(from.x + from.width / 2, from.y + 10);
  await page.mouse.down();
  await page.waitForTimeout(200);
  await page.mouse.move(from.x + from.width / 2, from.y + 30, { steps: 5 });
  await page.waitForTimeout(200);
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 20 });
  await page.waitForTimeout(300);
  await page.mouse.up();
  expect((await moved).status()).toBe(200);
}

describe('找对象 as a matchmaker meets it: open a member, find matches, save one, see it in 推荐记录, introduce the pair', () => {
  const suite = appInBrowser();
  // What the first test made, for the second: the admin's token, 苏映雪 (李静's) and 顾承泽 (王芳's), their introduction.
  let token = '';
  let her: any;
  let him: any;
  let introductionId = 0;

  it('ranks a fitting candidate with his reasons, saves him as a suggestion and lists it', async () => {
    // Two members who fit each other, among the demo agency's 300; her "must" criteria leave few others in the race.
    token = (
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
    her = await callApi(suite.app, token, 'members:create', {
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
    him = await callApi(suite.app, token, 'members:create', {
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

    const page = await suite.tab.signIn('lijing', process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026', {
      width: 1500,
      height: 950,
    });
    const problems = watchProblems(page);
    await openMember(page, '苏映雪');
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
    const card = cardIn(page, 'recommendedToA', '苏映雪');
    await card.waitFor({ timeout: 60000 });
    expect((await card.innerText()).replace(/\s+/g, ' ')).toMatch(
      /甲方[\s\S]*苏映雪 · 29岁 · 硕士[\s\S]*乙方[\s\S]*顾承泽 · 30岁 · 博士[\s\S]*本阶段 0 天[\s\S]*下一步：询问甲方意愿/,
    );
    // Her own member's phone is on the card; his is not, until both sides agreed.
    const cardText = await card.innerText();
    expect(cardText).toContain('13700001111');
    expect(cardText).not.toContain('13700002222');
    introductionId = introductions.data[0].id;

    // She has asked 苏映雪 and now asks 顾承泽's side: she drags the card to 推荐给乙方 (NocoBase's kanban `move`).
    await dragCard(page, card, column(page, 'recommendedToB'));
    const moved = cardIn(page, 'recommendedToB', '苏映雪');
    await moved.waitFor({ timeout: 30000 });
    expect((await callApi(suite.app, token, `introductions:get?filterByTk=${introductionId}`)).data.stage).toBe(
      'recommendedToB',
    );

    // The card opens the introduction with its consents and history; 李静 records her member's 同意 in one form.
    await moved.locator('text=苏映雪').first().click();
    const details = page.locator('.ant-drawer-content:visible').last();
    await details.locator('text=牵线记录').waitFor({ timeout: 60000 });
    expect((await details.innerText()).replace(/\s+/g, ' ')).toMatch(/阶段变更 推荐给甲方 李静/);
    await details.locator('button:has-text("记录意愿")').click();
    const form = page.locator('.ant-drawer-content:visible').last();
    const submit = form.locator('button:has-text("提 交"), button:has-text("提交")');
    await submit.waitFor({ timeout: 60000 });
    await choose(page, form, '一方', '苏映雪', '苏映雪');
    await choose(page, form, '意愿', '同意');
    await choose(page, form, '渠道', '电话');
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
    // One side's 同意 is not both: the introduction waits at 推荐给乙方.
    expect((await callApi(suite.app, token, `introductions:get?filterByTk=${introductionId}`)).data.stage).toBe(
      'recommendedToB',
    );
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
  });

  it("carries it on as both matchmakers would: 王芳 agrees for 顾承泽, his phone reaches 李静, a date on 约会日历, both feedbacks, 交往中, the pair gone from 找对象; another member's 找对象 shows what learning did to a score", async () => {
    expect(introductionId).toBeGreaterThan(0);
    const stage = async () =>
      (await callApi(suite.app, token, `introductions:get?filterByTk=${introductionId}`)).data.stage;
    const password = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';
    const viewport = { width: 1500, height: 950 };

    // The two matchmakers take turns, each signing in on a page of her own.
    // 王芳 opens the same card on her board and records 顾承泽's 同意: both agreed.
    let wangfang = await suite.tab.signIn('wangfang', password, viewport);
    let herProblems = watchProblems(wangfang);
    let details = await openCard(wangfang, 'recommendedToB', '顾承泽');
    await recordInDialog(wangfang, details, '记录意愿', async (form) => {
      await choose(wangfang, form, '一方', '顾承泽', '顾承泽');
      await choose(wangfang, form, '意愿', '同意');
      await choose(wangfang, form, '渠道', '微信');
    });
    await details.locator('.ant-table-row', { hasText: '顾承泽' }).waitFor({ timeout: 30000 });
    expect(await stage()).toBe('bothAgreed');
    await wangfang.waitForLoadState('networkidle');
    expect(herProblems).toEqual([]);

    // 李静's card, now under 双方同意, shows his phone: the contact release reached her.
    let page = await suite.tab.signIn('lijing', password, viewport);
    let problems = watchProblems(page);
    await openBoard(page);
    const card = cardIn(page, 'bothAgreed', '苏映雪');
    await card.waitFor({ timeout: 60000 });
    expect(await card.innerText()).toMatch(/顾承泽[\s\S]*13700002222[\s\S]*下一步：安排约会/);

    // She arranges their date from the card (it began ten minutes ago, so it can be marked done at once).
    await card.locator('text=苏映雪').first().click();
    details = page.locator('.ant-drawer-content:visible').last();
    await details.locator('text=安排约会').first().waitFor({ timeout: 60000 });
    const startsAt = dateTimeText(minutesAgoToday(10));
    await recordInDialog(page, details, '安排约会', async (form) => {
      await item(form, '地点').locator('input').fill('静安寺旁的咖啡馆');
      // Typed into the picker and confirmed with its 确定 (Enter would submit the form).
      const input = item(form, '开始时间').locator('input');
      await input.click();
      await input.fill(startsAt);
      await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
    });
    const dateRow = details.locator('.ant-table-row', { hasText: '静安寺旁的咖啡馆' });
    await dateRow.waitFor({ timeout: 30000 });
    const dates = await callApi(
      suite.app,
      token,
      `dates:list?filter=${encodeURIComponent(JSON.stringify({ introductionId }))}`,
    );
    expect(dates.data.map((row: any) => [row.memberAId, row.memberBId, row.status, row.place])).toEqual([
      [her.data.id, him.data.id, 'scheduled', '静安寺旁的咖啡馆'],
    ]);
    expect(dateTimeText(new Date(dates.data[0].startsAt))).toBe(startsAt);

    // The date is on 约会日历, under its pair's title.
    await closeDrawers(page);
    await page.click('text=约会日历');
    await page.locator('text=苏映雪 × 顾承泽').first().waitFor({ timeout: 60000 });

    // Back on the card: the date took place (已完成 brings the introduction to 已约见), then 苏映雪's feedback.
    await openBoard(page);
    details = await openCard(page, 'bothAgreed', '苏映雪');
    const row = details.locator('.ant-table-row', { hasText: '静安寺旁的咖啡馆' });
    await row.waitFor({ timeout: 60000 });
    await row.locator('text=修改 / 完成').click();
    await submitDialog(page, async (form) => choose(page, form, '状态', '已完成'));
    await details.locator('.ant-table-row', { hasText: '已完成' }).waitFor({ timeout: 30000 });
    expect(await stage()).toBe('met');
    await giveFeedback(page, details, '苏映雪', '5', '愿意继续');
    expect(await stage()).toBe('met');
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);

    // 王芳 records 顾承泽's: both want to go on, so the introduction is at 交往中.
    wangfang = await suite.tab.signIn('wangfang', password, viewport);
    herProblems = watchProblems(wangfang);
    details = await openCard(wangfang, 'met', '顾承泽');
    await giveFeedback(wangfang, details, '顾承泽', '4', '愿意继续');
    expect(await stage()).toBe('dating');
    const feedback = await callApi(
      suite.app,
      token,
      `dateFeedback:list?sort=id&filter=${encodeURIComponent(JSON.stringify({ dateId: dates.data[0].id }))}`,
    );
    expect(feedback.data.map((one: any) => [one.memberId, one.satisfaction, one.wantsToContinue])).toEqual([
      [her.data.id, 5, 'yes'],
      [him.data.id, 4, 'yes'],
    ]);
    await wangfang.waitForLoadState('networkidle');
    expect(herProblems).toEqual([]);

    // 李静 sees the card under 交往中, and 找对象 no longer offers 顾承泽 to 苏映雪.
    page = await suite.tab.signIn('lijing', password, viewport);
    problems = watchProblems(page);
    await openBoard(page);
    await cardIn(page, 'dating', '苏映雪').waitFor({ timeout: 60000 });
    await openMember(page, '苏映雪');
    const drawer = page.locator('.ant-drawer-content:visible').last();
    await drawer.locator('button:has-text("找对象")').click();
    const dialog = page.locator('.ant-modal-content:visible');
    await dialog.locator('text=为 苏映雪 找对象').waitFor({ timeout: 60000 });
    await dialog.locator('.ant-table').first().waitFor({ timeout: 60000 });
    await page.waitForLoadState('networkidle');
    expect(await dialog.innerText()).not.toContain('顾承泽');

    // Learning: a demo member of hers whose candidates others have answered (consents, date feedback in the demo
    // agency). Under a score that what members did moved, the dialog shows the stated score and each learned line.
    const lijingToken = (await callApi(suite.app, null, 'auth:signIn', { account: 'lijing', password })).data.token;
    const zh = { 'X-Locale': 'zh-CN' };
    const lijingId = (await callApi(suite.app, lijingToken, 'auth:check')).data.id;
    const hers = (
      await callApi(
        suite.app,
        lijingToken,
        `members:list?pageSize=100&sort=id&filter=${encodeURIComponent(JSON.stringify({ matchmakerId: lijingId }))}`,
        undefined,
        zh,
      )
    ).data as any[];
    let learnedFor: { name: string; row: any } | null = null;
    for (const member of hers) {
      const namesake = hers.filter((other) => other.name === member.name).length;
      if (namesake > 1) continue;
      const rows = (await callApi(suite.app, lijingToken, `members:match?filterByTk=${member.id}`, {}, zh)).data || [];
      const row = rows.find(
        (one: any) =>
          one.learned?.length && rows.filter((r: any) => r.candidate?.name === one.candidate?.name).length === 1,
      );
      if (row) {
        learnedFor = { name: member.name, row };
        break;
      }
    }
    expect(learnedFor).not.toBeNull();
    await dialog.locator('button:has-text("关 闭"), button:has-text("关闭")').first().click();
    await dialog.waitFor({ state: 'hidden', timeout: 30000 });
    await openMember(page, learnedFor!.name);
    await page.locator('.ant-drawer-content:visible').last().locator('button:has-text("找对象")').click();
    const learnedDialog = page.locator('.ant-modal-content:visible');
    await learnedDialog.locator(`text=为 ${learnedFor!.name} 找对象`).waitFor({ timeout: 60000 });
    const learnedRow = learnedDialog.locator('.ant-table-row', { hasText: learnedFor!.row.candidate.name }).first();
    await learnedRow.waitFor({ timeout: 60000 });
    const shown = await learnedRow.innerText();
    expect(shown).toContain(`按条件 ${learnedFor!.row.statedScore}`);
    for (const line of learnedFor!.row.learned) expect(shown).toContain(line.text);
    expect(learnedFor!.row.learned[0].text).toMatch(/^learned: [\u4e00-\u9fa5]/);
    expect(problems).toEqual([]);
  });
});

/**
 * 会员管理 → 会员列表, filtered by name to one member, and her popup (查看). Its filter form is waited for (a table row
 * may be another page's, still on screen); under CI's load the menu once left the page unchanged, so the way there is
 * taken again once from the start page.
 */
async function openMember(page: Page, name: string) {
  const filters = page
    .locator('.ant-card:visible')
    .filter({ has: page.locator('button:has-text("筛 选"), button:has-text("筛选")') })
    .first();
  const nameInput = filters.locator('.ant-form-item').filter({ hasText: '姓名' }).first().locator('input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator('.ant-menu-submenu-title, .ant-menu-item').filter({ hasText: '会员管理' }).first().click();
      await page.locator('.ant-menu-item').filter({ hasText: '会员列表' }).first().click();
      await nameInput.waitFor({ timeout: 60000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.goto(`${new URL(page.url()).origin}/admin`);
    }
  }
  await page.locator('.ant-table-tbody .ant-table-row').first().waitFor({ timeout: 60000 });
  await nameInput.fill(name);
  await filters.locator('button:has-text("筛 选"), button:has-text("筛选")').first().click();
  await waitForRows(page, '', '=== 1');
  await page.locator('.ant-table-tbody .ant-table-row').first().locator('text=查看').click();
}

/** 牵线管理 → 牵线看板. */
async function openBoard(page: Page) {
  await page.click('text=牵线管理');
  await page.click('text=牵线看板');
  await page.locator('[data-rbd-droppable-id]:visible').first().waitFor({ timeout: 60000 });
}

/** Opens the board and the card of `name` in the stage's column; answers the card's 牵线详情 drawer. */
async function openCard(page: Page, stage: string, name: string) {
  await openBoard(page);
  const card = cardIn(page, stage, name);
  await card.waitFor({ timeout: 60000 });
  await card.locator(`text=${name}`).first().click();
  const details = page.locator('.ant-drawer-content:visible').last();
  await details.locator('text=牵线记录').waitFor({ timeout: 60000 });
  return details;
}

/** Opens a picker by its label, types to search when asked, and picks the option. */
async function choose(page: Page, form: Locator, label: string, option: string, typed?: string) {
  await item(form, label).locator('.ant-select').click();
  if (typed) await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/**
 * Fills the form of the dialog (or drawer) open on top, and submits it; waits until it closed. When it stays open, the
 * error says what the form and the server said (a refusal's message is gone from the screen within seconds, so the
 * answers to the submit's requests are kept as they come).
 */
async function submitDialog(page: Page, fill: (form: Locator) => Promise<void>) {
  const form = page.locator('.ant-modal-content:visible, .ant-drawer-content:visible').last();
  const submit = form.locator('button:has-text("提 交"), button:has-text("提交")');
  await submit.waitFor({ timeout: 60000 });
  await fill(form);
  const answers: string[] = [];
  const keep = async (response: Response) => {
    if (response.request().method() === 'GET' || !response.url().includes('/api/')) return;
    const body = response.status() >= 400 ? ` ${(await response.text().catch(() => '')).slice(0, 300)}` : '';
    answers.push(`${response.status()} ${new URL(response.url()).pathname}${body}`);
  };
  page.on('response', keep);
  await submit.click();
  await submit
    .waitFor({ state: 'hidden', timeout: 30000 })
    .catch(async (error) => {
      // Still open: say what the form or the server said, not only that it stayed.
      const said = await page
        .locator('.ant-form-item-explain-error:visible, .ant-message:visible, .ant-notification:visible')
        .allInnerTexts();
      const title = await form
        .locator('.ant-modal-title, .ant-drawer-title')
        .first()
        .innerText()
        .catch(() => '?');
      await page.screenshot({ path: path.join(os.tmpdir(), 'hongniang-e2e-form-stayed.png') });
      throw new Error(
        `the form 「${title}」 did not close (on screen: ${said.join(' | ') || 'nothing'}; the server answered: ${
          answers.join(' | ') || 'nothing yet'
        }): ${error.message}`,
      );
    })
    .finally(() => page.off('response', keep));
}

/** Clicks a button of a block (记录意愿, 安排约会…), then fills and submits the form it opens. */
async function recordInDialog(page: Page, scope: Locator, button: string, fill: (form: Locator) => Promise<void>) {
  await scope.locator(`button:has-text("${button}")`).first().click();
  await submitDialog(page, fill);
}

/** 反馈 on the card's date row, then 记录反馈 for one member: satisfaction and whether she goes on. */
async function giveFeedback(page: Page, details: Locator, name: string, satisfaction: string, goesOn: string) {
  await details.locator('.ant-table-row', { hasText: '静安寺旁的咖啡馆' }).locator('text=反馈').click();
  const drawer = page.locator('.ant-drawer-content:visible').last();
  await drawer.locator('button:has-text("记录反馈")').waitFor({ timeout: 60000 });
  await recordInDialog(page, drawer, '记录反馈', async (form) => {
    await choose(page, form, '一方', name, name);
    await item(form, '满意度（1–5）').locator('input').fill(satisfaction);
    await choose(page, form, '是否继续', goesOn);
  });
  await drawer.locator('.ant-table-row', { hasText: name }).waitFor({ timeout: 30000 });
  await closeDrawers(page);
}

/** Closes the drawer on top by its mask, as a click beside it does. */
async function closeDrawers(page: Page) {
  const mask = page.locator('.ant-drawer-mask');
  if (await mask.count()) {
    await mask.last().click({ position: { x: 10, y: 10 } });
    await page.waitForTimeout(300);
  }
}

/** `minutes` ago, to the minute, unless that was before the agency's midnight: then its midnight (same day). */
function minutesAgoToday(minutes: number) {
  const then = new Date(Date.now() - minutes * 60000);
  then.setSeconds(0, 0);
  const today = dayOf(new Date(), AGENCY_TIME_ZONE);
  return dayOf(then, AGENCY_TIME_ZONE) === today ? then : instantAt(today, 0, AGENCY_TIME_ZONE);
}

/** A moment as NocoBase's date-time picker shows it in the agency's time zone (the tab's): YYYY-MM-DD HH:mm:ss. */
function dateTimeText(moment: Date) {
  return `${wallTime(moment, AGENCY_TIME_ZONE)}:${String(moment.getUTCSeconds()).padStart(2, '0')}`;
}

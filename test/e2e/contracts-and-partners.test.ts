// Issue 17 as the agency's manager meets it (the demo agency): 赵丽 (主管) opens 合同与投诉 › 合同与收款, signs a member up
// with 新增合同 and books a deposit with 登记收款 / 退款 in the contract's popup; its 交付台账 (a JS block reading
// contracts:ledger) counts the member's introductions as they reach 推荐给乙方 (created over the API by the admin, as a
// matchmaker's board would), not one still at 推荐给甲方. On 投诉与建议 she records a complaint about the member and answers
// it with 处理 / 答复. On 合作机构 › 机构列表 she imports a partner organisation with 导入, from a spreadsheet filled in on the
// template the dialog gives, and reads the classification tabs (按行业, 按规模, 按合作关系). One sign-in for the suite;
// each run makes its own records (a member without contracts, names with the run's stamp), so it runs again on a used
// app.
import { Locator, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import fs from 'fs';
import { screenshotOnFailure, watchProblems } from '@test/support/browser';
import { item } from '@test/support/forms';
import { apiToken, appInBrowser, callApi } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

const PASSWORD = process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';
const STAMP = `${Date.now()}`.slice(-7);

/** Today in the agency's time zone (the server's "agency day"), YYYY-MM-DD. */
const agencyDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86400000));

/** The 3rd Monday-to-Friday after `day` (YYYY-MM-DD), the day itself not counted. */
function thirdWorkingDayAfter(day: string) {
  const date = new Date(`${day}T00:00:00Z`);
  for (let left = 3; left > 0;) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

const filterQuery = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A button or link of a row or block by its label; antd spaces two-character labels ("查 看"). */
const action = (scope: Locator, label: string) =>
  scope
    .locator('button:visible, a:visible')
    .filter({ hasText: new RegExp(`^\\s*${label.split('').join('\\s*')}\\s*$`) })
    .first();

/** Polls `read` every half second for up to two minutes until `done` holds for what it read; returns that. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 120000;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`not within two minutes: ${what} (last read: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

/** Opens a page from its menu group until the menu marks it as shown. */
async function openPage(page: Page, group: string, title: string) {
  const named = new RegExp(`^\\s*(${title})\\s*$`);
  const selected = page.locator('.ant-menu-item-selected:visible').filter({ hasText: named });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const entry = page.locator('.ant-menu-item').filter({ hasText: named });
    if (!(await entry.first().isVisible()))
      await page.locator('.ant-menu-submenu-title, .ant-menu-item').filter({ hasText: group }).first().click();
    await entry.first().click();
    const shown = await selected
      .first()
      .waitFor({ timeout: 30000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
  }
  throw new Error(`the page ${group} › ${title} did not open from the menu`);
}

/** Picks a record in a labelled association select by typing its title and choosing the option named exactly so. */
async function pickRecord(page: Page, scope: Locator, label: string, title: string) {
  await item(scope, label).locator('.ant-select').click();
  await page.keyboard.type(title);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^\\s*${title}\\s*$`) })
    .first()
    .click({ timeout: 60000 });
}

/** Opens a labelled select and picks the option named exactly `option` (满意 is not 非常满意). */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await item(scope, label).locator('.ant-select').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^\\s*${option}\\s*$`) })
    .first()
    .click();
}

/** Types a date into a labelled date picker. */
async function fillDate(scope: Locator, label: string, day: string) {
  const input = item(scope, label).locator('input').first();
  await input.click();
  await input.fill(day);
  // Tab, not Enter: Enter in a form's date field sends the form.
  await input.press('Tab');
}

describe('合同与收款, 投诉与建议 and 机构列表 as 赵丽 (主管) works them', () => {
  const suite = appInBrowser();
  let admin: string;
  let member: { id: number; name: string; gender: string };
  let zhaoli: { page: Page; problems: string[] } | null = null;

  /** 赵丽's tab, signed in once for the suite. */
  const signedIn = async () => {
    if (!zhaoli) {
      const page = await suite.tab.signIn('zhaoli', PASSWORD, { width: 1600, height: 1000 });
      zhaoli = { page, problems: watchProblems(page) };
    }
    return zhaoli;
  };

  beforeAll(async () => {
    admin = await apiToken(suite.app);
    // A member in service with no contract yet (none from an earlier run), whose name no other member has.
    const contracts = (await callApi(suite.app, admin, 'contracts:list?paginate=false&fields=id,memberId'))
      .data as any[];
    const contracted = new Set(contracts.map((contract) => contract.memberId));
    const members = (
      await callApi(suite.app, admin, 'members:list?paginate=false&sort=id&fields=id,name,gender,status')
    ).data as any[];
    const named = new Map<string, number>();
    for (const candidate of members) named.set(candidate.name, (named.get(candidate.name) || 0) + 1);
    member = members.find(
      (candidate) =>
        candidate.status === 'inService' && !contracted.has(candidate.id) && named.get(candidate.name) === 1,
    );
    expect(member).toBeDefined();
  });

  /** The member's introductions: a new one with the first member of the other gender she has none open with. */
  const introduce = async (): Promise<{ id: number; title: string }> => {
    const others = (
      await callApi(
        suite.app,
        admin,
        `members:list?paginate=false&sort=-id&fields=id,name&${filterQuery({ gender: { $ne: member.gender }, status: 'inService' })}`,
      )
    ).data as any[];
    for (const other of others) {
      const made = await callApi(suite.app, admin, 'introductions:create', {
        memberAId: member.id,
        memberBId: other.id,
      });
      if (made.data?.id) return { id: made.data.id, title: made.data.title };
    }
    throw new Error(`no member could be introduced to ${member.name}`);
  };
  const moveToSideB = async (introduction: number) => {
    const moved = await callApi(suite.app, admin, `introductions:update?filterByTk=${introduction}`, {
      stage: 'recommendedToB',
    });
    expect(moved.errors).toBeUndefined();
  };

  it("新增合同 and 登记收款 for a member; the contract popup's 交付台账 counts her introductions once they reach 推荐给乙方", async () => {
    const { page, problems } = await signedIn();
    const start = agencyDay();
    const end = agencyDay(364);
    const receipt = `E2E-${STAMP}`;
    await screenshotOnFailure(page, 'contracts-contract', async () => {
      await openPage(page, '合同与投诉', '合同与收款');
      await page.locator('.ant-table-tbody .ant-table-row:visible').first().waitFor({ timeout: 120000 });

      // 新增合同: a 黄金 year for ¥9,800 promising 6 introductions, signed and in force today.
      await action(page.locator('body'), '新增合同').click();
      const form = page.locator('.ant-drawer-content:visible').last();
      await item(form, '会员').waitFor({ timeout: 60000 });
      await pickRecord(page, form, '会员', member.name);
      await choose(page, form, '套餐', '黄金');
      await item(form, '价格（元）').locator('input').first().fill('9800');
      await fillDate(form, '服务开始日期', start);
      await fillDate(form, '服务结束日期', end);
      await item(form, '承诺介绍次数').locator('input').first().fill('6');
      await fillDate(form, '签订日期', start);
      await choose(page, form, '状态', '生效');
      await form.locator('button[type="submit"]').first().click();
      await page.locator('.ant-message', { hasText: '保存成功' }).waitFor({ timeout: 60000 });

      const [contract] = (await callApi(suite.app, admin, `contracts:list?${filterQuery({ memberId: member.id })}`))
        .data as any[];
      expect(contract).toMatchObject({
        package: 'gold',
        startDate: start,
        endDate: end,
        promisedIntroductions: 6,
        coolingOffDays: 7,
        signedDate: start,
        status: 'active',
      });
      // Amounts are decimals (a string from some databases).
      expect([contract.price, contract.paidAmount, contract.balanceDue].map(Number)).toEqual([9800, 0, 9800]);
      // Her tier and expiry follow the contract.
      const follows = (await callApi(suite.app, admin, `members:get?filterByTk=${member.id}&fields=tier,expiryDate`))
        .data;
      expect(follows).toMatchObject({ tier: 'gold', expiryDate: end });

      const row = page.locator('.ant-table-tbody .ant-table-row:visible', { hasText: contract.contractNo });
      await row.waitFor({ timeout: 60000 });
      await expect(row.innerText()).resolves.toContain(member.name);

      /** Opens the contract's popup and reads its ledger once it has answered: [promised, delivered, remaining]. */
      const openLedger = async () => {
        await action(row, '查看').click();
        const drawer = page.locator('.ant-drawer-content:visible').last();
        const ledger = drawer.locator('.ant-descriptions', { hasText: '承诺介绍' }).first();
        await ledger.waitFor({ timeout: 120000 });
        return { drawer, ledger };
      };
      const counts = async (ledger: Locator) => {
        const text = await ledger.innerText();
        return ['承诺介绍', '已提供', '尚余'].map((label) => Number(new RegExp(`${label}\\s*(\\d+)`).exec(text)?.[1]));
      };
      const close = async (drawer: Locator) => {
        // Its close button when it shows one, else a click on the mask beside it.
        const button = page.locator('.ant-drawer-close:visible');
        if (await button.count()) await button.last().click();
        else await page.mouse.click(40, 500);
        await drawer.waitFor({ state: 'hidden', timeout: 60000 });
      };

      // The popup: nothing delivered yet; the refund proposal (the manager may ask) is the cooling-off period's.
      let { drawer, ledger } = await openLedger();
      expect(await counts(ledger)).toEqual([6, 0, 6]);
      await drawer.getByText('尚无计入的介绍').waitFor({ timeout: 60000 });
      await drawer.getByText(/退款建议（冷静期内）/).waitFor({ timeout: 60000 });

      // 登记收款 / 退款: a deposit of ¥3,000 by WeChat Pay.
      await action(drawer, '登记收款 / 退款').click();
      const dialog = page.locator('.ant-modal-content:visible').last();
      await item(dialog, '日期').waitFor({ timeout: 60000 });
      await fillDate(dialog, '日期', start);
      await item(dialog, '金额（元）').locator('input').first().fill('3000');
      await choose(page, dialog, '付款方式', '微信支付');
      await item(dialog, '收据编号').locator('input').first().fill(receipt);
      await dialog.locator('button[type="submit"]').first().click();
      await dialog.waitFor({ state: 'hidden', timeout: 60000 });
      const paid = drawer.locator('.ant-table-tbody .ant-table-row:visible', { hasText: receipt });
      await paid.waitFor({ timeout: 60000 });
      await expect(paid.innerText()).resolves.toMatch(/收款[\s\S]*微信支付|微信支付[\s\S]*收款/);
      const booked = (await callApi(suite.app, admin, `contracts:get?filterByTk=${contract.id}`)).data;
      expect([booked.paidAmount, booked.balanceDue].map(Number)).toEqual([3000, 6800]);
      await close(drawer);

      // Two introductions of hers: one reaches 推荐给乙方 (delivered), one stays at 推荐给甲方 (not yet).
      const first = await introduce();
      await moveToSideB(first.id);
      const second = await introduce();
      ({ drawer, ledger } = await openLedger());
      await waitFor(
        () => counts(ledger),
        (seen) => seen[1] === 1,
        'the ledger counting the first introduction',
      );
      expect(await counts(ledger)).toEqual([6, 1, 5]);
      await drawer.getByText(first.title).first().waitFor({ timeout: 60000 });
      expect(await drawer.getByText(second.title).count()).toBe(0);
      await close(drawer);

      // The second reaches 推荐给乙方: delivered as it happens.
      await moveToSideB(second.id);
      ({ drawer, ledger } = await openLedger());
      await waitFor(
        () => counts(ledger),
        (seen) => seen[1] === 2,
        'the ledger counting the second introduction',
      );
      expect(await counts(ledger)).toEqual([6, 2, 4]);
      await drawer.getByText(second.title).first().waitFor({ timeout: 60000 });
      // What the page shows is the server's ledger.
      const served = (await callApi(suite.app, admin, `contracts:ledger?filterByTk=${contract.id}`)).data;
      expect(served).toMatchObject({ promised: 6, delivered: 2, remaining: 4 });
      expect(served.introductions.map((counted: any) => counted.id).sort()).toEqual([first.id, second.id].sort());
      await close(drawer);
    });
    expect(problems).toEqual([]);
  });

  it('投诉与建议: a complaint about the member is recorded, then answered with 处理 / 答复', async () => {
    const { page, problems } = await signedIn();
    const content = `红娘回复太慢（${STAMP}）`;
    const resolution = `已与会员电话沟通并致歉，红娘每周至少联系一次（${STAMP}）`;
    await screenshotOnFailure(page, 'contracts-complaint', async () => {
      await openPage(page, '合同与投诉', '投诉与建议');
      await page.locator('.ant-table-tbody .ant-table-row:visible').first().waitFor({ timeout: 120000 });

      await action(page.locator('body'), '登记投诉 / 建议').click();
      const form = page.locator('.ant-drawer-content:visible, .ant-modal-content:visible').last();
      await item(form, '会员').waitFor({ timeout: 60000 });
      await pickRecord(page, form, '会员', member.name);
      await choose(page, form, '类别', '服务态度');
      await item(form, '内容').locator('textarea').first().fill(content);
      await choose(page, form, '收到渠道', '电话');
      await form.locator('button[type="submit"]').first().click();
      await page.locator('.ant-message', { hasText: '保存成功' }).waitFor({ timeout: 60000 });

      const [complaint] = (
        await callApi(suite.app, admin, `complaints:list?${filterQuery({ memberId: member.id, content })}`)
      ).data as any[];
      expect(complaint).toMatchObject({ category: 'attitude', channel: 'phone', status: 'open' });
      // Due the 3rd working day after the day of receipt (weekends skipped).
      expect(complaint.dueOn).toBe(thirdWorkingDayAfter(agencyDay()));

      // The earliest due first: hers, due last, may be on the table's last page.
      const row = page.locator('.ant-table-tbody .ant-table-row:visible', { hasText: member.name });
      const lastPage = page.locator('.ant-pagination:visible .ant-pagination-item').last();
      await page.locator('.ant-table-tbody .ant-table-row:visible').first().waitFor({ timeout: 60000 });
      if ((await row.count()) === 0 && (await lastPage.count()) > 0) await lastPage.click();
      await row.first().waitFor({ timeout: 60000 });
      await expect(row.first().innerText()).resolves.toMatch(/服务态度[\s\S]*待处理/);

      await action(row.first(), '处理 / 答复').click();
      const answer = page.locator('.ant-drawer-content:visible, .ant-modal-content:visible').last();
      await item(answer, '处理结果').waitFor({ timeout: 60000 });
      await choose(page, answer, '状态', '已答复');
      await item(answer, '处理结果').locator('textarea').first().fill(resolution);
      await choose(page, answer, '会员对处理的满意度', '满意');
      await answer.locator('button[type="submit"]').first().click();
      await page.locator('.ant-message', { hasText: '保存成功' }).waitFor({ timeout: 60000 });
      await waitFor(
        () => row.first().innerText(),
        (text) => /已答复/.test(text) && /满意/.test(text),
        'the complaint shown as 已答复 with the satisfaction',
      );

      const answered = (await callApi(suite.app, admin, `complaints:get?filterByTk=${complaint.id}`)).data;
      expect(answered).toMatchObject({ status: 'answered', resolution, satisfaction: 'satisfied' });
      expect(answered.answeredAt).toBeTruthy();
    });
    expect(problems).toEqual([]);
  });

  it('机构列表: 导入 takes a partner organisation from a spreadsheet filled in on its template', async () => {
    const { page, problems } = await signedIn();
    const name = `华信科技有限公司（${STAMP}）`;
    await screenshotOnFailure(page, 'partners-import', async () => {
      await openPage(page, '合作机构', '机构列表');
      await page.locator('.ant-table-tbody .ant-table-row:visible').first().waitFor({ timeout: 120000 });

      await action(page.locator('body'), '导入').click();
      const dialog = page.locator('.ant-modal-content:visible').last();
      // The template the dialog gives: its header row is the file's.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120000 }),
        action(dialog, '下载模板').click(),
      ]);
      const template = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
      const templateRows = XLSX.utils.sheet_to_json<unknown[]>(template.Sheets[template.SheetNames[0]], {
        header: 1,
        defval: null,
      });
      const headers = templateRows.find((cells) => cells.includes('机构名称')) as string[];
      expect(headers).toEqual(expect.arrayContaining(['机构名称', '机构类型', '行业', '人数', '合作关系', '所在地区']));
      const values: Record<string, unknown> = {
        机构名称: name,
        机构类型: '企业',
        行业: '信息技术',
        人数: 1200,
        合作关系: '长期合作',
        所在地区: '北京市/市辖区/海淀区',
        详细地址: '中关村大街 27 号',
      };
      const sheet = XLSX.utils.aoa_to_sheet([headers, headers.map((header) => values[header] ?? null)]);
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
      const file = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

      await dialog.locator('input[type="file"]').setInputFiles({
        name: '合作机构.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: file,
      });
      await dialog.getByText('合作机构.xlsx').waitFor({ timeout: 30000 });
      await action(dialog, '开始导入').click();
      await dialog.getByText('已成功导入 1 条数据').waitFor({ timeout: 120000 });
      await action(dialog, '完成').click();
      await dialog.waitFor({ state: 'hidden', timeout: 60000 });

      // Newest first: the table shows it, its size worked out from the headcount.
      const row = page.locator('.ant-table-tbody .ant-table-row:visible', { hasText: name });
      await row.first().waitFor({ timeout: 60000 });
      await expect(row.first().innerText()).resolves.toMatch(/企业[\s\S]*信息技术[\s\S]*大型[\s\S]*长期合作/);
    });
    const [organisation] = (
      await callApi(suite.app, admin, `partnerOrganisations:list?appends=region&${filterQuery({ name })}`)
    ).data as any[];
    expect(organisation).toMatchObject({
      type: 'enterprise',
      industry: 'it',
      headcount: 1200,
      size: 'large',
      relationship: 'longTerm',
      address: '中关村大街 27 号',
    });
    expect(organisation.region.map((place: any) => place.code).sort()).toEqual(['11', '1101', '110108']);
    expect(problems).toEqual([]);
  });

  it('机构列表 按行业, 按规模 and 按合作关系: every organisation ordered by that classification (then by name), shown in words', async () => {
    const { page, problems } = await signedIn();
    await screenshotOnFailure(page, 'partners-classification', async () => {
      await openPage(page, '合作机构', '机构列表');
      for (const [tab, header, field] of [
        ['按行业', '行业', 'industry'],
        ['按规模', '规模', 'size'],
        ['按合作关系', '合作关系', 'relationship'],
      ]) {
        // The table's first page (20 rows) in the order the tab's table asks for, as the database answers it (its
        // collation orders the names): the demo's five and those imported by this suite's runs.
        const expected = (
          await callApi(
            suite.app,
            admin,
            `partnerOrganisations:list?paginate=false&fields=id,name,${field}&sort[]=${field}&sort[]=name`,
          )
        ).data.slice(0, 20) as any[];
        expect(expected.length).toBeGreaterThan(1);
        await page
          .locator('.ant-tabs-tab:visible')
          .filter({ hasText: new RegExp(`^\\s*${tab}\\s*$`) })
          .first()
          .click();
        // The table on screen (the tab left may still show a moment: the rows' order tells them apart).
        const table = page.locator('.ant-table-wrapper:visible').last();
        const rows = table.locator('.ant-table-tbody .ant-table-row');
        const columns = async () => {
          const headers = (await table.locator('.ant-table-thead th').allInnerTexts()).map((text) => text.trim());
          return [headers.indexOf(header), headers.indexOf('机构名称')];
        };
        /** The rows on screen, as [organisation name, classification as shown]. */
        const shownRows = async () => {
          const [classColumn, nameColumn] = await columns();
          if (classColumn < 0 || nameColumn < 0) return [];
          const shown: { name: string; label: string }[] = [];
          for (let i = 0; i < (await rows.count()); i++) {
            const cells = rows.nth(i).locator('td');
            shown.push({
              name: (await cells.nth(nameColumn).innerText()).trim(),
              label: (await cells.nth(classColumn).innerText()).trim(),
            });
          }
          return shown;
        };
        const names = expected.map((row) => row.name);
        // A cell draws after its row under load (CI's run saw a row's name before its classification): wait until every
        // row of the expected order shows its classification as something other than the code.
        const shown = await waitFor(
          shownRows,
          (seen) =>
            JSON.stringify(seen.map((row) => row.name)) === JSON.stringify(names) &&
            seen.every((row, i) => row.label !== '' && row.label !== expected[i][field]),
          `${tab} listing ${names.join('、')} in this order, each ${header} in words`,
        );
        // Each code shown as one word of its own: the same word wherever the code appears, another code another word.
        const wordOf = new Map<string, string>();
        expected.forEach((row, i) => {
          const [code, label] = [row[field], shown[i].label];
          expect({ tab, code, label: wordOf.get(code) ?? label }).toEqual({ tab, code, label });
          wordOf.set(code, label);
        });
        expect(new Set(wordOf.values()).size).toBe(wordOf.size);
      }
    });
    expect(problems).toEqual([]);
  });
});

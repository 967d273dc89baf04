import { callApi, apiToken } from '@test/support/running-app';
import { appInBrowser } from '@test/support/running-app';

jest.setTimeout(20 * 60 * 1000);

// What installation seeds from every plugin's blueprints, read over HTTP from the app `npm start` installed (the browser
// suites' shared app: seeding the pages is minutes of work, done once for all of them). That an upgrade (npm start on
// an existing database) neither duplicates a menu nor undoes an admin's rename is member-archive.test.ts's restart test.
describe('the pages seeded from blueprints (会员管理, 匹配推荐, 字段隐私, 牵线管理, 报表, 合同与投诉, 合作机构)', () => {
  const suite = appInBrowser();
  let token: string;
  const api = async (action: string) => {
    const body = await callApi(suite.app, token, action);
    expect(body.errors).toBeUndefined();
    return body;
  };
  const query = (params: Record<string, unknown>) =>
    Object.entries(params)
      .map(([key, value]) => `${key}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`)
      .join('&');
  const routes = async (filter: Record<string, any>) =>
    (await api(`desktopRoutes:list?${query({ filter, sort: 'sort', paginate: 'false' })}`)).data as any[];
  const pageTree = async (title: string) => {
    const [page] = await routes({ type: 'flowPage', title });
    return api(`flowSurfaces:get?${query({ pageSchemaUid: page.schemaUid })}`);
  };

  /**
   * Every flow model of a page tree that uses the given model class; with `ownOnly`, not those inside another block
   * below the tree's root (the tables inside its popups).
   */
  const nodesOf = (tree: any, use: string, ownOnly = false) => {
    const found: any[] = [];
    const visit = (node: any, root = false) => {
      if (Array.isArray(node)) return node.forEach((child) => visit(child));
      if (!node || typeof node !== 'object' || (ownOnly && !root && /BlockModel$/.test(node.use || ''))) return;
      if (node.use === use) found.push(node);
      Object.values(node).forEach((child) => visit(child));
    };
    visit(tree, true);
    return found;
  };
  const fieldPathOf = (node: any) => node.stepParams?.fieldSettings?.init?.fieldPath;
  /** The member popup (查看 in 会员列表): a popup template, so its models load when it opens, not with the page. */
  const memberPopup = async () => {
    const view = nodesOf(await pageTree('会员列表'), 'ViewActionModel', true).find(
      (node) => node.props?.title === '查看',
    );
    const template = (await api(`flowModelTemplates:get?${query({ filterByTk: view.popup.template.uid })}`)).data;
    return api(`flowSurfaces:get?${query({ uid: template.targetUid })}`);
  };

  beforeAll(async () => {
    token = await apiToken(suite.app);
  });

  it('creates the 会员管理 menu with the member list and age-band settings pages at installation', async () => {
    const [group] = await routes({ type: 'group', title: '会员管理' });
    expect(group).toBeDefined();
    expect((await routes({ parentId: group.id })).map((page) => [page.type, page.title])).toEqual([
      ['flowPage', '会员列表'],
      ['flowPage', '年龄段设置'],
    ]);
  });

  it('gives the page a filter form and a members table wired to the members collection', async () => {
    const body = await pageTree('会员列表');
    const text = JSON.stringify(body);
    expect(text).toContain('"collectionName":"members"');
    for (const use of [
      'FilterFormBlockModel',
      'TableBlockModel',
      'AddNewActionModel',
      'EditActionModel',
      'ViewActionModel',
      'ImportActionModel',
      'ExportActionModel',
    ]) {
      expect(text).toContain(use);
    }
    const filters = body.data.tree.subModels.tabs[0].subModels.grid.filterManager.map(
      (filter: any) => filter.filterPaths[0],
    );
    expect(filters).toEqual([
      'name',
      'memberNo',
      'gender',
      'ageGroup',
      'status',
      'tier',
      'currentCity.code',
      'matchmaker.id',
    ]);
    const popup = JSON.stringify(await memberPopup());
    expect(popup).toContain('DetailsBlockModel');
    expect(popup).toContain('"fieldPath":"partnerPreferences.ageImportance"');
  });

  it("loads the member popup when it opens (a popup template), so the page's own tree stays small (issue 12 item 16)", async () => {
    const page = await pageTree('会员列表');
    expect(nodesOf(page, 'DetailsBlockModel')).toEqual([]);
    const models = (tree: any) =>
      new Set([...JSON.stringify(tree).matchAll(/"uid":"([^"]+)","use":"/g)].map((found) => found[1])).size;
    expect(models(page)).toBeLessThan(100);
    expect(models(await memberPopup())).toBeGreaterThan(200);
  });

  it('applies every blueprint: the member page (with matching in it), 推荐记录, 匹配设置, 牵线看板, 约会日历 and the reports', async () => {
    const seeded = (await api(`seededPages:list?${query({ sort: 'blueprint', paginate: 'false' })}`)).data;
    expect(seeded.map((row: any) => row.blueprint)).toEqual([
      '1-member-list',
      '2-age-group-bands',
      'access-1-field-privacy',
      'contracts-1-contracts',
      'contracts-2-complaints',
      'events-1-events',
      'follow-ups-1-my-day',
      'follow-ups-2-team',
      'introductions-1-board',
      'introductions-2-calendar',
      'matching-1-suggestions',
      'matching-2-settings',
      'partners-1-organisations',
      'reports-1-overview',
      'reports-2-mine',
      'reports-3-summaries',
    ]);
    const [group] = await routes({ type: 'group', title: '匹配推荐' });
    expect((await routes({ parentId: group.id })).map((page) => page.title)).toEqual(['推荐记录', '匹配设置']);
  });

  it('gives each agency role its menus: the matchmaker 会员列表, 推荐记录, 牵线看板, 约会日历, 我的今日, 活动, 我的业绩, 月度服务总结, 合同与收款, 投诉与建议 and 机构列表, the front desk 会员列表, 我的今日 and 机构列表, finance 合同与收款, the manager every page', async () => {
    const titlesOf = async (role: string) =>
      (await api(`roles/${role}/desktopRoutes:list?${query({ filter: { type: 'flowPage' }, paginate: 'false' })}`)).data
        .map((route: any) => route.title)
        .sort();
    expect(await titlesOf('matchmaker')).toEqual(
      [
        '会员列表',
        '推荐记录',
        '牵线看板',
        '约会日历',
        '我的今日',
        '活动',
        '我的业绩',
        '月度服务总结',
        '合同与收款',
        '投诉与建议',
        '机构列表',
      ].sort(),
    );
    expect(await titlesOf('intake')).toEqual(['会员列表', '我的今日', '机构列表'].sort());
    expect(await titlesOf('finance')).toEqual(['合同与收款']);
    expect(await titlesOf('manager')).toEqual(
      [
        '会员列表',
        '年龄段设置',
        '字段隐私',
        '推荐记录',
        '匹配设置',
        '牵线看板',
        '约会日历',
        '我的今日',
        '团队待办',
        '活动',
        '经营概览',
        '我的业绩',
        '月度服务总结',
        '合同与收款',
        '投诉与建议',
        '机构列表',
      ].sort(),
    );
    expect(JSON.stringify(await pageTree('字段隐私'))).toContain('"collectionName":"fieldPrivacy"');
  });

  it("puts 找对象 and the member's suggestions (with 匹配明细 read as the 找对象 dialog reads it) into the member popup", async () => {
    const text = JSON.stringify(await memberPopup());
    expect(text).toContain('JSRecordActionModel');
    expect(text).toContain('找对象');
    expect(text).toContain("url: 'members:match'");
    expect(text).toContain('"fieldPath":"partnerPreferences.personalityWeight"');
    const associations = [...text.matchAll(/"associationName":"([^"]+)"/g)].map((found) => found[1]);
    expect(associations).toContain('members.matchSuggestions');
    expect(text).toContain('不计权重');
  });

  it('lists suggestions with a batch-run button, and edits the one settings record', async () => {
    const suggestions = JSON.stringify(await pageTree('推荐记录'));
    expect(suggestions).toContain('"collectionName":"matchSuggestions"');
    expect(suggestions).toContain('matchSuggestions:refreshAll');
    expect(suggestions).toContain('不计权重');
    const settings = JSON.stringify(await pageTree('匹配设置'));
    expect(settings).toContain('EditFormModel');
    expect(settings).toContain('"collectionName":"matchSettings"');
    expect(settings).toContain('"fieldPath":"personalityWeight"');
  });

  it('hides 找对象 and 批量匹配 from roles the server refuses (linkage rules), with icons instead of the JS glyph', async () => {
    const [findMatches] = nodesOf(await memberPopup(), 'JSRecordActionModel');
    const shown = JSON.stringify(findMatches.stepParams.buttonSettings.linkageRules.value);
    for (const part of ['onlyWhoMayMatchHer', '"manager"', '"root"', 'record.matchmaker.id', 'user.id', 'hidden'])
      expect(shown).toContain(part);
    expect(findMatches.stepParams.buttonSettings.general?.icon ?? findMatches.props?.icon).toBe('HeartOutlined');
    const [refreshAll] = nodesOf(await pageTree('推荐记录'), 'JSCollectionActionModel');
    const batch = JSON.stringify(refreshAll.stepParams.buttonSettings.linkageRules.value);
    expect(batch).toContain('"manager"');
    expect(batch).not.toContain('matchmaker');
    expect(refreshAll.stepParams.buttonSettings.general?.icon ?? refreshAll.props?.icon).toBe('ThunderboltOutlined');
  });

  it('builds 牵线看板 on introductions by stage on its own stageSort, 发起牵线 in 推荐记录 and 时间线 in the member popup', async () => {
    const [board] = nodesOf(await pageTree('牵线看板'), 'KanbanBlockModel');
    expect([board.props.groupField, board.props.dragSortBy, board.props.quickCreateEnabled]).toEqual([
      'stage',
      'stageSort',
      false,
    ]);
    // The blueprint names the existing sort field: applying it created no second one (flowSurfaces' `stage_sort`).
    const introductions = (await api('collections:listMeta')).data.find((c: any) => c.name === 'introductions');
    expect(
      introductions.fields.filter((field: any) => field.interface === 'sort').map((field: any) => field.name),
    ).toEqual(['stageSort']);
    // On each row, and (as flowSurfaces built the page) in the suggestion's 查看 drawer too: each with its icon.
    const starts = nodesOf(await pageTree('推荐记录'), 'JSRecordActionModel').filter((node) =>
      String(node.stepParams?.clickSettings?.runJs?.code).startsWith('// 发起牵线'),
    );
    expect(starts.length).toBeGreaterThan(0);
    expect([
      ...new Set(starts.map((node) => node.stepParams.buttonSettings.general?.icon ?? node.props?.icon)),
    ]).toEqual(['HeartOutlined']);
    // In the member popup (and, as flowSurfaces builds it, in popups nested in it that show a member again), beside
    // contracts' 购买记录.
    const blocks = nodesOf(await memberPopup(), 'JSBlockModel');
    const codeOf = (node: any) => Object.values(node.stepParams || {}).find((step: any) => step?.runJs?.code) as any;
    const firstLines = [...new Set(blocks.map((node) => String(codeOf(node)?.runJs.code).split('\n')[0]))];
    expect(firstLines.filter((line) => line.includes('// 时间线'))).toHaveLength(1);
    expect(firstLines.every((line) => /^\/\/ (时间线|购买记录)/.test(line))).toBe(true);
  });

  // Popups (the create and edit forms) are not in a page's tree from flowSurfaces:get: every flow model, as stored.
  const allModels = async () => (await api(`flowModels:list?${query({ paginate: 'false' })}`)).data as any[];
  const modelsOf = (models: any[], use: string, collectionName: string, fieldPath?: string) =>
    models.filter((model) => {
      const init = model.stepParams?.fieldSettings?.init;
      return (
        model.use === use &&
        init?.collectionName === collectionName &&
        (fieldPath === undefined || init?.fieldPath === fieldPath)
      );
    });

  it('marks 姓名, 性别 and 出生日期 required in the member forms, and asks before deleting a member, saying what goes with her', async () => {
    const models = await allModels();
    const required = modelsOf(models, 'FormItemModel', 'members').filter(
      (node) => node.stepParams?.editItemSettings?.required?.required === true,
    );
    // The create form and the edit form, each with the same three.
    expect(required.map(fieldPathOf).sort()).toEqual(['birthDate', 'birthDate', 'gender', 'gender', 'name', 'name']);
    const memberTable = nodesOf(await pageTree('会员列表'), 'TableBlockModel').find((block) => {
      const init = block.stepParams?.resourceSettings?.init;
      return init?.collectionName === 'members' && !init.associationName;
    });
    // Its own row actions: not those of the tables inside its popups (a member's suggestions).
    const own = nodesOf(memberTable, 'DeleteActionModel', true);
    expect(own.length).toBe(1);
    const [remove] = own;
    expect(remove.stepParams.deleteSettings.confirm).toMatchObject({ enable: true, title: '删除会员' });
    for (const part of ['择偶标准', '推荐记录', '照片', '无法恢复'])
      expect(remove.stepParams.deleteSettings.confirm.content).toContain(part);
  });

  it('offers only matchmakers in every 红娘 picker (forms and the filter form)', async () => {
    const models = await allModels();
    const pickers = [
      ...modelsOf(models, 'RecordSelectFieldModel', 'members', 'matchmaker'),
      ...modelsOf(models, 'FilterFormRecordSelectFieldModel', 'members', 'matchmaker'),
    ];
    expect(pickers.length).toBeGreaterThanOrEqual(3);
    for (const picker of pickers) {
      expect(picker.stepParams.selectSettings.dataScope.filter).toEqual({
        logic: '$and',
        items: [{ path: 'roles.name', operator: '$eq', value: 'matchmaker' }],
      });
    }
  });

  it("names the candidate's matchmaker in 推荐记录 and in a member's suggestions", async () => {
    const columns = modelsOf(await allModels(), 'TableColumnModel', 'matchSuggestions', 'candidate.matchmaker');
    expect(columns.length).toBeGreaterThanOrEqual(2);
    for (const column of columns)
      expect(column.stepParams.tableColumnSettings).toMatchObject({
        fieldNames: { label: 'nickname' },
        title: { title: '候选人的红娘' },
      });
  });

  it('gives 期望地区 in the 择偶标准 sub-forms and details the several-places China-region picker and display, titled by name', async () => {
    const models = await allModels();
    const regionFields = (use: string) => modelsOf(models, use, 'members', 'partnerPreferences.preferredRegions');
    expect(regionFields('RegionSetFieldModel').length).toBe(2);
    expect(regionFields('DisplayRegionSetFieldModel').length).toBeGreaterThanOrEqual(1);
    const others = [
      'InputFieldModel',
      'DisplayTextFieldModel',
      'ChinaRegionFieldModel',
      'DisplayChinaRegionFieldModel',
    ];
    expect(others.flatMap(regionFields)).toEqual([]);
  });
  it('builds 合同与收款 (服务合同, 收款记录) with the ledger, 投诉与建议, 机构列表 by industry, size and relationship, and puts 购买记录 and 合作机构 into the member popup', async () => {
    const tabsOf = async (title: string) => {
      const [page] = await routes({ type: 'flowPage', title });
      return (await routes({ parentId: page.id })).map((tab) => tab.title);
    };
    expect(await tabsOf('合同与收款')).toEqual(['服务合同', '收款记录']);
    expect(JSON.stringify(await pageTree('合同与收款'))).toContain('contracts:ledger');
    expect(JSON.stringify(await pageTree('投诉与建议'))).toContain('"collectionName":"complaints"');
    expect(await tabsOf('机构列表')).toEqual(['全部机构', '按行业', '按规模', '按合作关系']);
    expect(JSON.stringify(await pageTree('机构列表'))).toContain('"collectionName":"partnerOrganisations"');
    const popup = JSON.stringify(await memberPopup());
    expect(popup).toContain('购买记录');
    expect(popup).toContain('"fieldPath":"partnerOrganisation"');
  });
});

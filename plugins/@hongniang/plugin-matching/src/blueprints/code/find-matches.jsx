// 找对象 / Find matches: runs members:match for the member on screen, shows the ranked candidates with the reasons
// for each score, and saves the ones the matchmaker picks as match suggestions (推荐记录).
const { Alert, Button, Space, Table, Tag, Typography } = ctx.libs.antd;
const { React } = ctx.libs;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const REASONS = {
  self: say('本人', 'herself'),
  sameGender: say('同性', 'same gender'),
  notRecommendable: say('目前不可推荐', 'not available to be recommended'),
  notConsented: say('未同意被推荐', 'no consent to be recommended'),
  notInService: say('不在服务中', 'not in service'),
  doNotRecommend: say('标记为勿推荐', 'marked do-not-recommend'),
  alreadySuggested: say('已推荐过', 'already suggested'),
  declinedBefore: say('曾被拒绝', 'declined before'),
  inIntroduction: say('牵线中', 'in an introduction'),
  introductionDeclined: say('牵线被拒绝', 'introduction declined'),
  dateDeclined: say('约会后不继续', 'not continuing after a date'),
  introductionEnded: say('牵线已结束', 'introduction ended'),
  hardFilter: say('不满足"必须"条件', 'fails a "must" criterion'),
  belowMinimum: say('低于最低匹配度', 'below the minimum score'),
};
const memberId = ctx.record?.id;
// 发起牵线 is offered when the agency has introductions (plugin-introductions, which matching does not depend on): the
// button then creates one through introductions:create, as 推荐记录's 发起牵线 does.
const introductionsInstalled = !!ctx.dataSourceManager?.getCollection?.('main', 'introductions');
const errorOf = (error) => error?.response?.data?.errors?.[0]?.message || error?.message || String(error);
// skipNotify: a refusal shows once, as our message, not also as NocoBase's error notification that stays open.

let answer = null;
try {
  answer = (
    await ctx.request({
      url: 'members:match',
      method: 'post',
      params: { filterByTk: memberId },
      data: {},
      skipNotify: true,
    })
  ).data;
} catch (error) {
  ctx.message.error(errorOf(error));
}
const results = answer?.data || [];
const meta = answer?.meta || {};

// A withheld criterion compares a field you may not see: it has no fit and no weight, and the score leaves it out.
const WITHHELD = say('不显示（未计入）', 'withheld (not counted)');

// A criterion neither side weighs does not enter the score: its fit is not shown as if it had failed.
const UNWEIGHTED = say('不计权重', 'not weighted');
const unweighted = (item) =>
  !item.withheld && Number(item.weight?.forward || 0) === 0 && Number(item.weight?.backward || 0) === 0;

// Her weight for the criterion comes from a weight proposal her matchmaker accepted (权重建议): said, with its reason.
function Adjusted({ adjusted }) {
  const from = adjusted.from ?? say('机构默认', "agency's");
  return (
    <Tag color="purple" title={adjusted.because}>
      {say(`按权重建议调整：${from}→${adjusted.to}`, `adjusted by a weight proposal: ${from}→${adjusted.to}`)}
    </Tag>
  );
}

// With learning on, the score is the stated one moved by what members answered (members:match's `learned` lines): each
// line says which signal moved it and by how much, never whose answers (docs/matching.md, "Learning from answers").
function Learned({ result }) {
  if (result.statedScore === undefined || !result.learned?.length) return null;
  return (
    <Space size={2} wrap>
      <Typography.Text type="secondary">
        {say(`按条件 ${result.statedScore}`, `stated ${result.statedScore}`)}
      </Typography.Text>
      {result.learned.map((line) => (
        <Tag key={line.signal} color={line.effect < 0 ? 'orange' : 'green'} title={line.title}>
          {line.text}
        </Tag>
      ))}
    </Space>
  );
}

function Reasons({ breakdown }) {
  const fit = (item, side) => (item.withheld ? WITHHELD : unweighted(item) ? '—' : `${item[side]}%`);
  const columns = [
    { title: say('条件', 'Criterion'), dataIndex: 'title' },
    { title: say('对方符合会员的要求', 'Candidate fits her wish'), render: (_, item) => fit(item, 'forward') },
    { title: say('会员符合对方的要求', 'She fits his wish'), render: (_, item) => fit(item, 'backward') },
    {
      title: say('权重（会员 / 对方）', 'Weight (hers / his)'),
      render: (_, item) => (
        <Space size={4} wrap>
          {item.withheld ? '—' : unweighted(item) ? UNWEIGHTED : `${item.weight.forward} / ${item.weight.backward}`}
          {item.adjusted ? <Adjusted adjusted={item.adjusted} /> : null}
        </Space>
      ),
    },
  ];
  return <Table rowKey="criterion" size="small" pagination={false} dataSource={breakdown} columns={columns} />;
}

function Matches({ onClose }) {
  const [saved, setSaved] = React.useState({});
  const [introduced, setIntroduced] = React.useState({});
  const introduce = async (result) => {
    try {
      const response = await ctx.request({
        url: 'introductions:create',
        method: 'post',
        data: { memberAId: memberId, memberBId: result.candidateId },
        skipNotify: true,
      });
      setIntroduced((before) => ({ ...before, [result.candidateId]: true }));
      const id = response.data?.data?.id;
      ctx.message.success(
        say(
          `已发起牵线${id ? ` #${id}` : ''}：${ctx.record?.name ?? ''} 与 ${result.candidate?.name ?? ''}，见牵线看板`,
          `Introduction${id ? ` #${id}` : ''} started with ${result.candidate?.name ?? ''} (see the board)`,
        ),
      );
    } catch (error) {
      ctx.message.error(errorOf(error));
    }
  };
  const save = async (result) => {
    try {
      const response = await ctx.request({
        url: 'members:match',
        method: 'post',
        params: { filterByTk: memberId },
        data: { candidateIds: [result.candidateId], persist: true },
        skipNotify: true,
      });
      const row = response.data?.data?.[0];
      if (!row?.suggestionId)
        throw new Error(say('这一对已有推荐记录，未重复保存', 'This pair already has a suggestion; nothing was saved'));
      setSaved((before) => ({ ...before, [result.candidateId]: true }));
      ctx.message.success(say('已保存为推荐记录', 'Saved as a match suggestion'));
    } catch (error) {
      ctx.message.error(errorOf(error));
    }
  };
  const columns = [
    { title: '#', render: (_, __, index) => index + 1, width: 48 },
    { title: say('姓名', 'Name'), render: (_, result) => result.candidate?.name ?? result.candidateId },
    { title: say('年龄', 'Age'), render: (_, result) => result.candidate?.age ?? '—' },
    {
      title: say('城市', 'City'),
      render: (_, result) => (result.candidate?.currentCity || []).map((region) => region.name).join(' / ') || '—',
    },
    { title: say('红娘', 'Matchmaker'), render: (_, result) => result.candidate?.matchmaker?.nickname || '—' },
    {
      title: say('匹配度', 'Score'),
      dataIndex: 'score',
      render: (value, result) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{value}</Typography.Text>
          <Learned result={result} />
        </Space>
      ),
    },
    { title: say('对方符合她', 'Fits her'), dataIndex: 'forward' },
    { title: say('她符合对方', 'She fits him'), dataIndex: 'backward' },
    {
      title: '',
      render: (_, result) => (
        <Space size={4}>
          <Button size="small" type="primary" disabled={!!saved[result.candidateId]} onClick={() => save(result)}>
            {saved[result.candidateId] ? say('已保存', 'Saved') : say('保存为推荐', 'Save as suggestion')}
          </Button>
          {introductionsInstalled ? (
            <Button size="small" disabled={!!introduced[result.candidateId]} onClick={() => introduce(result)}>
              {introduced[result.candidateId] ? say('已发起牵线', 'Introduced') : say('发起牵线', 'Introduce')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const withheld = (results[0]?.breakdown || []).filter((item) => item.withheld).map((item) => item.title);
  const excluded = Object.entries(meta.excluded || {}).map(([reason, count]) => (
    <Tag key={reason}>{`${REASONS[reason] || reason} ${count}`}</Tag>
  ));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {meta.usedAgencyDefaults ? (
        <Alert
          type="warning"
          showIcon
          message={say(
            '该会员还没有填写择偶标准，按机构默认设置匹配。',
            'She has no partner preferences yet: matched on the agency defaults.',
          )}
        />
      ) : null}
      {meta.withheldCriteria?.length ? (
        <Alert
          type="info"
          showIcon
          message={say(
            `您无权查看的条件不计入匹配度，也不用来排除候选人：${withheld.join('、') || meta.withheldCriteria.join('、')}`,
            `Criteria on fields you may not see are left out of the scores and exclude no one: ${withheld.join(', ') || meta.withheldCriteria.join(', ')}`,
          )}
        />
      ) : null}
      <Typography.Text type="secondary">
        {say(
          `评估了 ${meta.evaluated ?? 0} 位候选人，用时 ${meta.tookMs ?? '?'} 毫秒。排除：`,
          `Evaluated ${meta.evaluated ?? 0} candidates in ${meta.tookMs ?? '?'} ms. Left out: `,
        )}
      </Typography.Text>
      <div>{excluded}</div>
      <Table
        rowKey="candidateId"
        size="small"
        pagination={false}
        dataSource={results}
        columns={columns}
        expandable={{ expandedRowRender: (result) => <Reasons breakdown={result.breakdown} /> }}
        locale={{ emptyText: say('没有符合条件的候选人', 'No candidate fits') }}
      />
      <div style={{ textAlign: 'right' }}>
        <Button onClick={onClose}>{say('关闭', 'Close')}</Button>
      </div>
    </Space>
  );
}

// Not awaited: the promise settles only when the dialog closes.
if (answer) {
  ctx.viewer.dialog({
    title: say(`为 ${ctx.record?.name ?? ''} 找对象`, `Matches for ${ctx.record?.name ?? ''}`),
    width: 960,
    closable: true,
    maskClosable: true,
    content: (view) => <Matches onClose={() => view?.close?.()} />,
  });
}

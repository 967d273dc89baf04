// 交付台账与退款建议 / Delivery ledger and refund proposal: in a contract's popup, promised / delivered / remaining
// introductions with the introductions counted (contracts:ledger), and for a role that may ask (the manager, finance) the
// refund proposed if the contract ended today or on the day it ended, line by line (contracts:proposeRefund). Both are
// read as the signed-in user, so her scope applies; a refused request shows the server's sentence.
const { Alert, Descriptions, Empty, List, Spin, Typography } = ctx.libs.antd;
const { React } = ctx.libs;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const errorOf = (error) => error?.response?.data?.errors?.[0]?.message || error?.message || String(error);

// may(resource, action), from roles:check: a matchmaker may read the ledger but not ask for a refund proposal.
// @include may

/** { data } or { error, status }; { status: 403 } without a request when her role may not call the action. */
const ask = async (contractId, action) =>
  !(await may('contracts', action))
    ? { status: 403 }
    : ctx
        .request({ url: `contracts:${action}`, method: 'get', params: { filterByTk: contractId }, skipNotify: true })
        .then((response) => ({ data: response.data?.data }))
        .catch((error) => ({ error: errorOf(error), status: error?.response?.status }));

/** Read after the block is drawn: NocoBase's JS runner ends code still running after 5 s. */
async function read() {
  const contractId =
    (await ctx.getVar?.('ctx.popup.record.id').catch(() => undefined)) ??
    ctx.view?.inputArgs?.filterByTk ??
    ctx.record?.id;
  const [ledger, refund] = await Promise.all([ask(contractId, 'ledger'), ask(contractId, 'proposeRefund')]);
  return { ledger, refund };
}

function Ledger({ ledger }) {
  if (ledger.error) return <Alert type="warning" showIcon message={ledger.error} />;
  const { promised, delivered, remaining, countingStage, countedTo, introductions } = ledger.data;
  return (
    <div>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={say('承诺介绍', 'Promised')}>{promised}</Descriptions.Item>
        <Descriptions.Item label={say('已提供', 'Delivered')}>{delivered}</Descriptions.Item>
        <Descriptions.Item label={say('尚余', 'Remaining')}>{remaining}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {say(
          `计入：到达「${countingStage.label}」或之后阶段的牵线，计至 ${countedTo}。`,
          `Counted: introductions that reached "${countingStage.label}" or a later stage, up to ${countedTo}.`,
        )}
      </Typography.Paragraph>
      {introductions.length ? (
        <List
          size="small"
          dataSource={introductions}
          renderItem={(row) => (
            <List.Item>
              {row.reachedOn} · {row.title} · {row.stageLabel}
            </List.Item>
          )}
        />
      ) : (
        <Empty description={say('尚无计入的介绍', 'No introduction counted yet')} />
      )}
    </div>
  );
}

function Refund({ refund }) {
  // A role that may not ask (a matchmaker: 403) sees nothing of it; a draft (409) says why.
  if (refund.status === 403) return null;
  if (refund.error) return <Alert type="info" showIcon message={refund.error} />;
  const { lines, refund: amount, withinCoolingOff } = refund.data;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>
        {say('退款建议', 'Refund proposal')}
        {withinCoolingOff ? say('（冷静期内）', ' (cooling-off period)') : ''}：¥{Number(amount).toFixed(2)}
      </Typography.Title>
      <List size="small" dataSource={lines} renderItem={(line) => <List.Item>{line}</List.Item>} />
    </div>
  );
}

ctx.render(<Spin size="small" />);
read().then(
  ({ ledger, refund }) =>
    ctx.render(
      <div>
        <Ledger ledger={ledger} />
        <Refund refund={refund} />
      </div>,
    ),
  () =>
    ctx.render(
      <Empty description={say('台账读取失败，请刷新重试', 'The ledger could not be read; refresh to retry')} />,
    ),
);

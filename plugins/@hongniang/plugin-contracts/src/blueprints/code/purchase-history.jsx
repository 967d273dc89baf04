// 购买记录 / Purchase history: in a member's popup, her service contracts (newest first) and the payments and refunds
// booked on them. Read through the ordinary list actions as the signed-in user, so her scope and field lists apply: a
// matchmaker sees her own members' contracts without their money, and no payments (a refused list is left out).
const { Empty, Spin, Table, Typography } = ctx.libs.antd;
const { React } = ctx.libs;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const labelOf = (collection, field, value) => {
  if (value == null || value === '') return '';
  const options = ctx.dataSourceManager?.getCollectionField?.(`main.${collection}.${field}`)?.uiSchema?.enum || [];
  const option = options.find((item) => String(item.value) === String(value));
  return option ? (ctx.t?.(option.label) ?? option.label) : String(value);
};
const yuan = (value) => (value == null ? '' : `¥${Number(value).toFixed(2)}`);

// may(resource, action), from roles:check: the front desk may not list contracts, a matchmaker not payments.
// @include may

/** Rows of a list as the signed-in user may read them, or null when her role may not (no request is made then). */
async function list(resource, params) {
  if (!(await may(resource, 'list'))) return null;
  try {
    const response = await ctx.request({
      url: `${resource}:list`,
      method: 'get',
      params: { pageSize: 200, ...params },
      skipNotify: true,
    });
    return response.data?.data || [];
  } catch {
    return null;
  }
}

/** Read after the block is drawn: NocoBase's JS runner ends code still running after 5 s. */
async function read() {
  const memberId =
    (await ctx.getVar?.('ctx.popup.record.id').catch(() => undefined)) ??
    ctx.view?.inputArgs?.filterByTk ??
    ctx.record?.id;
  const contracts = (await list('contracts', { filter: { memberId }, sort: ['-startDate'] })) || [];
  const payments = contracts.length
    ? await list('payments', { filter: { contractId: { $in: contracts.map((row) => row.id) } }, sort: ['-paidOn'] })
    : null;
  return { contracts, payments };
}

const draw = ({ contracts, payments }) => {
  if (!contracts.length) return ctx.render(<Empty description={say('还没有服务合同', 'No service contract yet')} />);
  const money = 'price' in contracts[0];
  const numberOf = new Map(contracts.map((row) => [row.id, row.contractNo]));
  ctx.render(
    <div>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={contracts}
        columns={[
          { title: say('合同编号', 'Contract'), dataIndex: 'contractNo' },
          { title: say('套餐', 'Package'), render: (row) => labelOf('contracts', 'package', row.package) },
          { title: say('服务期', 'Term'), render: (row) => `${row.startDate} ~ ${row.endDate}` },
          { title: say('承诺介绍', 'Promised'), dataIndex: 'promisedIntroductions' },
          { title: say('状态', 'Status'), render: (row) => labelOf('contracts', 'status', row.status) },
          ...(money
            ? [
                { title: say('价格', 'Price'), render: (row) => yuan(row.price) },
                { title: say('已付', 'Paid'), render: (row) => yuan(row.paidAmount) },
                { title: say('待付', 'Due'), render: (row) => yuan(row.balanceDue) },
              ]
            : []),
        ]}
      />
      {payments?.length ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{say('收款与退款', 'Payments and refunds')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={payments}
            columns={[
              { title: say('日期', 'Date'), dataIndex: 'paidOn' },
              { title: say('合同', 'Contract'), render: (row) => numberOf.get(row.contractId) },
              { title: say('类型', 'Kind'), render: (row) => labelOf('payments', 'kind', row.kind) },
              { title: say('金额', 'Amount'), render: (row) => yuan(row.amount) },
              { title: say('方式', 'Method'), render: (row) => labelOf('payments', 'method', row.method) },
              { title: say('收据编号', 'Receipt'), dataIndex: 'receiptNo' },
            ]}
          />
        </div>
      ) : null}
    </div>,
  );
};

ctx.render(<Spin size="small" />);
read().then(draw, () =>
  ctx.render(
    <Empty
      description={say('购买记录读取失败，请刷新重试', 'The purchase history could not be read; refresh to retry')}
    />,
  ),
);

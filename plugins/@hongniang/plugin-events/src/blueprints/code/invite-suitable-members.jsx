// 邀请合适会员 / Invite suitable members: asks events:suggestInvitees for the members of hers (every member for a manager)
// who fit the event on screen — in service, consenting, of its ages and gender, not yet invited — ranked by the interest
// tags they share with it, shows them with the reasons, and invites the ones she picks through eventInvitations:create.
// The invitations table behind the dialog is refreshed after each invitation; the server's refusals show as it words them.
const { Alert, Button, Space, Table, Tag, Typography } = ctx.libs.antd;
const { React } = ctx.libs;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const errorOf = (error) => error?.response?.data?.errors?.[0]?.message || error?.message || String(error);
// The event whose invitations this table lists (the popup's record); the view's own record id when the source is unset.
const eventId = ctx.resource?.getSourceId?.() ?? ctx.view?.inputArgs?.filterByTk;

let answer = null;
try {
  // skipNotify: a refusal shows once, as our message, not also as NocoBase's error notification that stays open.
  answer = (
    await ctx.request({
      url: 'events:suggestInvitees',
      method: 'post',
      params: { filterByTk: eventId, limit: 50 },
      data: {},
      skipNotify: true,
    })
  ).data?.data;
} catch (error) {
  ctx.message.error(errorOf(error));
}

function Invitees({ onClose }) {
  const [invited, setInvited] = React.useState({});
  const [selected, setSelected] = React.useState([]);
  const [busy, setBusy] = React.useState(false);
  const invitees = answer?.invitees || [];
  const inviteOne = async (invitee) => {
    await ctx.request({
      url: 'eventInvitations:create',
      method: 'post',
      data: { eventId, memberId: invitee.id },
      skipNotify: true,
    });
    setInvited((before) => ({ ...before, [invitee.id]: true }));
  };
  const invite = async (chosen) => {
    setBusy(true);
    let done = 0;
    for (const invitee of chosen.filter((one) => !invited[one.id])) {
      try {
        await inviteOne(invitee);
        done += 1;
      } catch (error) {
        ctx.message.error(`${invitee.name}：${errorOf(error)}`);
      }
    }
    setBusy(false);
    setSelected([]);
    if (done) {
      ctx.message.success(say(`已邀请 ${done} 位会员`, `Invited ${done} member${done > 1 ? 's' : ''}`));
      await ctx.resource?.refresh?.();
    }
  };
  const columns = [
    { title: '#', render: (_, __, index) => index + 1, width: 48 },
    { title: say('会员', 'Member'), dataIndex: 'name' },
    {
      title: say('相同兴趣', 'Shared interests'),
      render: (_, invitee) =>
        invitee.sharedTags.length ? invitee.sharedTags.map((tag) => <Tag key={tag.value}>{tag.label}</Tag>) : '—',
    },
    { title: say('理由', 'Why'), render: (_, invitee) => invitee.reasons.join('；') },
    {
      title: '',
      width: 96,
      render: (_, invitee) => (
        <Button size="small" type="primary" disabled={busy || !!invited[invitee.id]} onClick={() => invite([invitee])}>
          {invited[invitee.id] ? say('已邀请', 'Invited') : say('邀请', 'Invite')}
        </Button>
      ),
    },
  ];
  const chosen = invitees.filter((invitee) => selected.includes(invitee.id));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={say(
          `符合条件的会员 ${answer?.eligible ?? 0} 位（服务中、同意被推荐、年龄和性别符合、尚未邀请），按与活动相同的兴趣标签排序${
            (answer?.eligible ?? 0) > invitees.length ? `，列出前 ${invitees.length} 位` : ''
          }。`,
          `${answer?.eligible ?? 0} members fit (in service, consenting, of the event's ages and gender, not invited yet), ranked by the interest tags they share with it${
            (answer?.eligible ?? 0) > invitees.length ? `; the first ${invitees.length} are listed` : ''
          }.`,
        )}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={invitees}
        columns={columns}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys),
          getCheckboxProps: (invitee) => ({ disabled: !!invited[invitee.id] }),
        }}
        locale={{ emptyText: say('没有符合条件的会员', 'No member fits') }}
      />
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary">
          {say(`已选 ${chosen.length} 位`, `${chosen.length} selected`)}
        </Typography.Text>
        <Button type="primary" disabled={busy || !chosen.length} onClick={() => invite(chosen)}>
          {say('邀请所选', 'Invite the selected')}
        </Button>
        <Button onClick={onClose}>{say('关闭', 'Close')}</Button>
      </Space>
    </Space>
  );
}

// Not awaited: the promise settles only when the dialog closes.
if (answer) {
  ctx.viewer.dialog({
    title: say(`邀请合适会员：${answer.event?.title ?? ''}`, `Invite suitable members: ${answer.event?.title ?? ''}`),
    width: 960,
    closable: true,
    maskClosable: true,
    content: (view) => <Invitees onClose={() => view?.close?.()} />,
  });
}

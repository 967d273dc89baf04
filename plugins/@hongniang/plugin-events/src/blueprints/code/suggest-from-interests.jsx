// 转为推荐 / Turn mutual interest into suggestions: runs events:suggestFromInterests for the event on screen (each pair of
// attendees who marked interest in each other becomes a match suggestion through matching, once) and shows what was
// created and what was skipped, with matching's reasons. The server's refusal (an event not held yet) shows as it words it.
const { Alert, Button, List, Space, Typography } = ctx.libs.antd;
const { React } = ctx.libs;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const errorOf = (error) => error?.response?.data?.errors?.[0]?.message || error?.message || String(error);
// The event whose interests this table lists (the popup's record); the view's own record id when the source is unset.
const eventId = ctx.resource?.getSourceId?.() ?? ctx.view?.inputArgs?.filterByTk;
const pairOf = (members) => members.map((member) => member.name).join(' ♥ ');

let answer = null;
try {
  // skipNotify: a refusal shows once, as our message, not also as NocoBase's error notification that stays open.
  answer = (
    await ctx.request({
      url: 'events:suggestFromInterests',
      method: 'post',
      params: { filterByTk: eventId },
      data: {},
      skipNotify: true,
    })
  ).data?.data;
} catch (error) {
  ctx.message.error(errorOf(error));
}

function Outcome({ onClose }) {
  const created = answer.created || [];
  const skipped = answer.skipped || [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={created.length ? 'success' : 'info'}
        showIcon
        message={
          created.length + skipped.length
            ? say(
                `新建推荐 ${created.length} 条，跳过 ${skipped.length} 对。新推荐见 匹配推荐 › 推荐记录。`,
                `${created.length} suggestion(s) created, ${skipped.length} pair(s) skipped. New ones are in 推荐记录.`,
              )
            : say('还没有双方互有好感的会员', 'No two attendees have marked interest in each other yet')
        }
      />
      {created.length ? (
        <List
          size="small"
          header={<Typography.Text strong>{say('已转为推荐', 'Suggested')}</Typography.Text>}
          dataSource={created}
          renderItem={(row) => <List.Item>{pairOf(row.members)}</List.Item>}
        />
      ) : null}
      {skipped.length ? (
        <List
          size="small"
          header={<Typography.Text strong>{say('未转为推荐', 'Not suggested')}</Typography.Text>}
          dataSource={skipped}
          renderItem={(row) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>{pairOf(row.members)}</span>
                <Typography.Text type="secondary">{row.reason}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      <div style={{ textAlign: 'right' }}>
        <Button onClick={onClose}>{say('关闭', 'Close')}</Button>
      </div>
    </Space>
  );
}

// Not awaited: the promise settles only when the dialog closes.
if (answer) {
  ctx.viewer.dialog({
    title: say(
      `转为推荐：${answer.event?.title ?? ''}`,
      `Mutual interest into suggestions: ${answer.event?.title ?? ''}`,
    ),
    width: 720,
    closable: true,
    maskClosable: true,
    content: (view) => <Outcome onClose={() => view?.close?.()} />,
  });
}

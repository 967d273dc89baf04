// A member's details, 会员编号 and under it the fields withheld from the reader on this member (not hers, or above her
// level), named once at the top, so that a blank below reads as "not filled in", never as "hidden" (flowSurfaces allows
// no free item in details, so the note rides on the first field). ctx.value: the member number; ctx.record.hiddenFields:
// field names the server withheld (by the access plugin, when one shapes the records; absent otherwise), absent when nothing is withheld.
const { Alert, Space, Typography } = ctx.libs.antd;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const hidden = Array.isArray(ctx.record?.hiddenFields) ? ctx.record.hiddenFields : [];
const members = ctx.dataSourceManager.getDataSource('main').getCollection('members');
const titles = hidden.map((name) => members.getField(name)?.title || name);
ctx.render(
  <Space direction="vertical" style={{ width: '100%' }}>
    <Typography.Text>{ctx.value ?? ''}</Typography.Text>
    {hidden.length ? (
      <Alert
        type="info"
        showIcon
        message={
          zh
            ? `🔒 已隐藏 ${hidden.length} 项（您无权查看，并非未填写）`
            : `🔒 ${hidden.length} fields withheld (not yours to see; not blank)`
        }
        description={titles.join(zh ? '、' : ', ')}
      />
    ) : null}
  </Space>,
);

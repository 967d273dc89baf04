// The members table: a row whose member has fields withheld from the reader says so (🔒 已隐藏), with the fields in a
// tooltip, so that an empty cell beside it reads as hidden, not unfilled. ctx.record.hiddenFields: field names the server
// withheld (by the access plugin, when one shapes the records; absent otherwise); absent when nothing is withheld.
const { Tooltip, Typography } = ctx.libs.antd;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const hidden = Array.isArray(ctx.record?.hiddenFields) ? ctx.record.hiddenFields : [];
const members = ctx.dataSourceManager.getDataSource('main').getCollection('members');
const titles = hidden.map((name) => members.getField(name)?.title || name);
ctx.render(
  hidden.length ? (
    <Tooltip title={titles.join(zh ? '、' : ', ')}>
      <Typography.Text type="secondary">
        {zh ? `🔒 已隐藏 ${hidden.length} 项` : `🔒 ${hidden.length} withheld`}
      </Typography.Text>
    </Tooltip>
  ) : null,
);

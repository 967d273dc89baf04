// 字段隐私 table: a member field by the title people see, with the group it sits in on the member forms.
// GROUPS ({ fieldName: groupTitle }, from the 会员列表 blueprint) is written in when the page is created (privacy-page.ts).
const { Tag, Typography } = ctx.libs.antd;
const GROUPS = __MEMBER_FIELD_GROUPS__;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const name = ctx.value;
const field = ctx.dataSourceManager.getCollectionField(`main.${ctx.record?.collectionName || 'members'}.${name}`);
const title = name === 'id' ? (zh ? '记录编号' : 'Record id') : field?.title;
ctx.render(
  <span>
    {title || <Typography.Text type="secondary">{zh ? '（已删除的字段）' : '(removed field)'}</Typography.Text>}
    {GROUPS[name] ? <Tag style={{ marginLeft: 8 }}>{GROUPS[name]}</Tag> : null}
  </span>,
);

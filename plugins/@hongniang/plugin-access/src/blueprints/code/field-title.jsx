// 字段隐私 table: a member field by the title people see, with the group it sits in on the member forms.
// GROUPS ({ collectionName: { fieldName: groupTitle } }, as the plugins declare their private collections) is written in
// when the page is created (privacy-page.ts).
const { Tag, Typography } = ctx.libs.antd;
const GROUPS = __PRIVATE_FIELD_GROUPS__;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const name = ctx.value;
const collectionName = ctx.record?.collectionName || Object.keys(GROUPS)[0];
const field = ctx.dataSourceManager.getCollectionField(`main.${collectionName}.${name}`);
const title = name === 'id' ? (zh ? '记录编号' : 'Record id') : field?.title;
ctx.render(
  <span>
    {title || <Typography.Text type="secondary">{zh ? '（已删除的字段）' : '(removed field)'}</Typography.Text>}
    {GROUPS[collectionName]?.[name] ? <Tag style={{ marginLeft: 8 }}>{GROUPS[collectionName][name]}</Tag> : null}
  </span>,
);

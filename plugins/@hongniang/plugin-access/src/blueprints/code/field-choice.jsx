// 字段隐私 form: the member field is chosen by its title, grouped as on the member forms (never typed as an identifier).
// GROUPS ({ collectionName: { fieldName: groupTitle } }, as the plugins declare their private collections) is written in
// when the page is created (privacy-page.ts); the fields offered are those of the record's collection (a new row: the
// first private collection, which the server also fills in: privacy-collection.ts).
const { Select } = ctx.libs.antd;
const { React } = ctx.libs;
const ALL_GROUPS = __PRIVATE_FIELD_GROUPS__;
const collectionName = ctx.record?.collectionName || Object.keys(ALL_GROUPS)[0];
const GROUPS = ALL_GROUPS[collectionName] || {};
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const OTHER = zh ? '其他' : 'Other';
const collection = ctx.dataSourceManager.getDataSource('main').getCollection(collectionName);
const grouped = new Map([...new Set(Object.values(GROUPS)), OTHER].map((group) => [group, []]));
for (const field of collection?.getFields() || []) {
  // Virtual fields (a save's confirmation) hold nothing to keep private.
  if (!field.interface || !field.title || field.type === 'virtual') continue;
  grouped.get(GROUPS[field.name] || OTHER).push({ value: field.name, label: field.title });
}
const options = [...grouped]
  .filter(([, fields]) => fields.length)
  .map(([group, fields]) => ({ label: group, options: fields }));

function FieldChoice() {
  const [value, setValue] = React.useState(ctx.getValue?.());
  const choose = (next) => {
    setValue(next);
    ctx.setValue(next);
  };
  return (
    <Select
      showSearch
      optionFilterProp="label"
      style={{ width: '100%' }}
      value={value}
      options={options}
      placeholder={zh ? '选择会员字段' : 'Choose a member field'}
      notFoundContent={zh ? '没有这样的字段' : 'No such field'}
      onChange={choose}
    />
  );
}

ctx.render(<FieldChoice />);

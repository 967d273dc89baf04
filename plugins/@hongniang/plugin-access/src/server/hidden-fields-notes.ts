// Hidden is not blank: the member page says which fields are withheld from the reader on a member (shape-records.ts
// names them per record), as a column of the members table and a note at the top of a member's details.
import path from 'path';

const CODE = path.resolve(__dirname, '../blueprints/code');

const blocksOf = (document: any) => (document.tabs || []).flatMap((tab: any) => tab.blocks || []);
const byKey = (list: any[] | undefined, key: string) => (list || []).find((item) => item?.key === key);

/**
 * Adds to plugin-members' 会员列表 blueprint (before it is applied) a 隐私 column after 手机号, and a note under 会员编号
 * heading the details popup. Throws when the blueprint no longer has the members table, its details or 会员编号. Mutates.
 */
export function noteHiddenFields(document: any) {
  const table = byKey(blocksOf(document), 'memberTable');
  const details = byKey(byKey(table?.recordActions, 'viewMember')?.popup?.blocks, 'memberDetails');
  if (!table || !details?.fieldGroups?.length) throw new Error('the 会员列表 blueprint has no memberTable → viewMember → memberDetails');
  const after = table.fields.indexOf('phone') + 1 || table.fields.length;
  table.fields.splice(after, 0, {
    key: 'memberHiddenFields',
    type: 'jsColumn',
    settings: { title: '隐私', version: '1.0.0', codeFile: path.join(CODE, 'hidden-fields-column.jsx') },
  });
  const first = details.fieldGroups[0].fields;
  const at = first.indexOf('memberNo');
  if (at < 0) throw new Error('the member details no longer open with 会员编号');
  first[at] = { key: 'memberNoWithHiddenNote', field: 'memberNo', renderer: 'js', settings: { version: '1.0.0', codeFile: path.join(CODE, 'hidden-fields-note.jsx') } };
}

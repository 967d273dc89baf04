import { memberPopupDefaults } from '@hongniang/plugin-members';
import fs from 'fs';

const GROUPS_TOKEN = /__MEMBER_FIELD_GROUPS__/;

/** Each member field's group on the member forms (基本信息, 经济状况…): the 会员列表 blueprint's fieldGroups, where they are written. */
export function memberFieldGroups(): Record<string, string> {
  const groups: { title: string; fields: (string | { field: string })[] }[] = memberPopupDefaults().collections?.members?.fieldGroups || [];
  return Object.fromEntries(groups.flatMap((group) => group.fields.map((field) => [typeof field === 'string' ? field : field.field, group.title])));
}

/**
 * The 字段隐私 page names each field with its group: its JS code files get the groups written in, and go in inline
 * (they call no custom action, so flowSurfaces' authoring check accepts them as they are).
 */
export function withMemberFieldGroups(document: any) {
  const groups = JSON.stringify(memberFieldGroups());
  const visit = (node: any) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const settings = node.settings;
    if (typeof settings?.codeFile === 'string' && GROUPS_TOKEN.test(fs.readFileSync(settings.codeFile, 'utf8'))) {
      settings.code = fs.readFileSync(settings.codeFile, 'utf8').replace(GROUPS_TOKEN, groups);
      delete settings.codeFile;
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
}

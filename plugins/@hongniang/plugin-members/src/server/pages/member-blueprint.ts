import path from 'path';
import { readBlueprints } from '@hongniang/plugin-core';

/**
 * The 会员列表 blueprint's `defaults` ({ collections: { members: { fieldGroups } } }): how a member's fields are grouped
 * (基本信息, 经济状况…) on every form and popup NocoBase generates for her. Another plugin's blueprint that shows members
 * (推荐记录: a suggestion's member and candidate open her popup) takes them too, or flowSurfaces refuses it.
 */
export function memberPopupDefaults(): any {
  const memberList = readBlueprints(path.resolve(__dirname, '../../blueprints')).find(
    (blueprint) => blueprint.name === '1-member-list',
  );
  if (!memberList?.document?.defaults) throw new Error('the 会员列表 blueprint (1-member-list) has no defaults');
  return memberList.document.defaults;
}

/** Adds the member defaults to a blueprint document, beside its own defaults for other collections. */
export function withMemberPopupDefaults(document: any) {
  const defaults = memberPopupDefaults();
  document.defaults = {
    ...document.defaults,
    collections: { ...document.defaults?.collections, ...defaults.collections },
  };
}

/** The name of the 会员列表 blueprint, which other plugins extend (`extendBlueprint`). */
export const MEMBER_BLUEPRINT = '1-member-list';

/**
 * The member's popup in the 会员列表 blueprint document (the member table's 查看: memberTable → viewMember), whose
 * `blocks` other plugins add to before the page is created (匹配, 时间线, 购买记录). Throws when the document has no
 * such popup (another blueprint, or the member page changed).
 */
export function memberPopupOf(document: any): { blocks: any[] } {
  const table = (document?.tabs || [])
    .flatMap((tab: any) => tab.blocks || [])
    .find((block: any) => block.key === 'memberTable');
  const popup = (table?.recordActions || []).find((action: any) => action?.key === 'viewMember')?.popup;
  if (!Array.isArray(popup?.blocks))
    throw new Error('the member popup (memberTable → viewMember) is not in the member page blueprint');
  return popup;
}

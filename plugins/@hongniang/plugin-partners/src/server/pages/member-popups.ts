// 合作机构 on members, wherever a page groups a member's fields: the popups flowSurfaces generates for a member (every
// blueprint's `defaults.collections.members.fieldGroups`, which must cover every member field or the page is refused)
// and the member forms and details grouped like them (会员列表). It follows 来源渠道 in the 会员服务 group.
const FIELD = { field: 'partnerOrganisation', titleField: 'name' };
const AFTER = 'sourceChannel';

const named = (field: unknown) => (typeof field === 'string' ? field : (field as any)?.field);

/** Adds 合作机构 after 来源渠道 in every field group of the document that lists 来源渠道 (once). */
export function withPartnerOnMembers(document: any) {
  for (const group of groupsListing(document, AFTER)) {
    if (group.fields.some((field: unknown) => named(field) === FIELD.field)) continue;
    group.fields.splice(group.fields.findIndex((field: unknown) => named(field) === AFTER) + 1, 0, { ...FIELD });
  }
}

/** Every `{ title, fields }` group under a `fieldGroups` list of the document whose fields name `field`. */
function groupsListing(node: any, field: string, found: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((item) => groupsListing(item, field, found));
  else if (node && typeof node === 'object') {
    if (Array.isArray(node.fieldGroups))
      for (const group of node.fieldGroups)
        if (Array.isArray(group?.fields) && group.fields.some((item: unknown) => named(item) === field))
          found.push(group);
    Object.values(node).forEach((value) => groupsListing(value, field, found));
  }
  return found;
}

// Every action NocoBase offers on any collection, and how it is held to a role's scope and field lists on ours. An action
// not listed here (a plugin added later, an upgrade) is refused on our collections for every role but root until it is
// reviewed and listed: unknown is not allowed. Actions a plugin of ours registers for its own collection (members:match)
// are that plugin's to guard.

/** Action name → how it is guarded (documented in docs/access.md, checked by the permission matrix). */
export const GUARDED_ACTIONS: Record<string, string> = {
  list: 'view: ACL scope and field list; every field named is checked; each answer shaped per member',
  get: 'view: as list',
  query: 'view (chart query): fields of measures, dimensions, orders and filter checked; ACL scope applied',
  export: 'export: ACL scope and field list; only roles granted export',
  exportAttachments: 'export: as export',
  downloadXlsxTemplate: 'import template: column titles only, no records',
  importXlsx: 'importXlsx: only roles granted it; row defaults checked against its field list',
  create:
    'create: values checked against the field list (403, nothing saved); the record must be in the writer’s reach',
  update: 'update: ACL scope on the rows touched; values checked; the record must stay in reach',
  destroy: 'destroy: ACL scope on the rows touched',
  firstOrCreate: 'lookup keys checked as a search that cannot be narrowed; values checked as a create',
  updateOrCreate:
    'lookup keys checked as a search; values checked as a create and as an update; NocoBase applies the update scope',
  move: 'update alias: source and target rows must be in the update scope; sort field and group checked as written fields',
  add: 'association link: only roles granted it by name (none of the agency’s)',
  remove: 'association link: as add',
  set: 'association link: as add',
  toggle: 'association link: as add',
  trigger: 'workflow trigger: its own ACL action with scope; only roles granted it',
  triggerNew: 'workflow trigger: as trigger',
};

/** What a one-to-one association route (has-one, belongs-to) can serve: NocoBase's single-relation repository methods. */
export const SINGLE_ASSOCIATION_ACTIONS = [
  'get',
  'create',
  'update',
  'destroy',
  'set',
  'remove',
  'firstOrCreate',
  'updateOrCreate',
];

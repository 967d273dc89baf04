// Who is offered matching's buttons: NocoBase's action linkage rules hide them from a role the server would refuse.
// NocoBase's own ACL check skips JS actions (they name no ACL action) and reports per-record rights only for
// view/update/destroy, so the rules restate the agency's grants (plugin-access's agency-roles.ts); the server still refuses.
import { callFlowSurfaces, flowModelsUsing } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';

/** Roles that work on the whole agency: NocoBase's root and admin, and 主管 (manager), who match and batch-match anyone. */
const WHOLE_AGENCY_ROLES = ['root', 'admin', 'manager'];

const notWholeAgency = WHOLE_AGENCY_ROLES.map((role) => ({ path: 'role', operator: '$ne', value: role }));
const hide = [{ type: 'setActionState', state: 'hidden' }];

/** Matching's JS buttons, known by the first line of their code (blueprints/code), their icon and who is offered them. */
const BUTTONS = [
  {
    use: 'JSRecordActionModel',
    codeStartsWith: '// 找对象 / Find matches',
    icon: 'HeartOutlined',
    // The whole-agency roles, and a matchmaker on her own members (the member's matchmaker is she).
    rules: [
      {
        key: 'onlyWhoMayMatchHer',
        title: '仅对可为该会员找对象的人显示',
        when: {
          logic: '$and',
          items: [
            ...notWholeAgency,
            { path: 'record.matchmaker.id', operator: '$ne', value: { source: 'path', path: 'user.id' } },
          ],
        },
        then: hide,
      },
    ],
  },
  {
    use: 'JSCollectionActionModel',
    codeStartsWith: '// 批量匹配',
    icon: 'ThunderboltOutlined',
    // matchSuggestions:refreshAll: the whole-agency roles only.
    rules: [
      {
        key: 'onlyWhoMayBatchMatch',
        title: '仅对可批量匹配的人显示',
        when: { logic: '$and', items: notWholeAgency },
        then: hide,
      },
    ],
  },
];

/**
 * Gives matching's buttons on the agency's pages their linkage rules, and an icon instead of NocoBase's JS glyph (which
 * made them read "JS 找对象"). A button that already has linkage rules or an icon of an admin's choosing keeps them.
 */
export async function offerMatchingWhereAllowed(app: Application) {
  for (const { uid, model } of await flowModelsUsing(
    app,
    BUTTONS.map((button) => button.use),
  )) {
    const code = String(model.stepParams?.clickSettings?.runJs?.code || '');
    const button = BUTTONS.find(
      (candidate) => model.use === candidate.use && code.startsWith(candidate.codeStartsWith),
    );
    if (!button) continue;
    const target = { uid };
    if (!(model.stepParams?.buttonSettings?.linkageRules?.value || []).length) {
      await callFlowSurfaces(app, 'setActionLinkageRules', { target, rules: button.rules });
    }
    const icon = model.stepParams?.buttonSettings?.general?.icon ?? model.props?.icon;
    if (!icon || icon === 'JavaScriptOutlined')
      await callFlowSurfaces(app, 'configure', { target, changes: { icon: button.icon } });
  }
}

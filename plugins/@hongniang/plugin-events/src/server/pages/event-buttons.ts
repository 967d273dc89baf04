// The 活动 page's JS buttons (blueprints/code): 邀请合适会员 and 转为推荐, each with an icon of its own instead of
// NocoBase's JS glyph (which makes them read "JS 邀请合适会员"), unless an admin chose one.
import { Application } from '@nocobase/server';
import { callFlowSurfaces, flowModelsUsing } from '@hongniang/plugin-core';

/** Each button's icon, by the first line of its code (how the step finds it among the page's JS actions). */
const ICONS: [string, string][] = [
  ['// 邀请合适会员 / Invite suitable members', 'UsergroupAddOutlined'],
  ['// 转为推荐 / Turn mutual interest into suggestions', 'HeartOutlined'],
];

/** Finishes the page once created from its blueprint (plugin-core's extendBlueprint). */
export async function finishEventButtons(app: Application) {
  for (const { uid, model } of await flowModelsUsing(app, ['JSCollectionActionModel'])) {
    const code = String(model.stepParams?.clickSettings?.runJs?.code || '');
    const icon = ICONS.find(([firstLine]) => code.startsWith(firstLine))?.[1];
    if (!icon) continue;
    const current = model.stepParams?.buttonSettings?.general?.icon ?? model.props?.icon;
    if (!current || current === 'JavaScriptOutlined')
      await callFlowSurfaces(app, 'configure', { target: { uid }, changes: { icon } });
  }
}

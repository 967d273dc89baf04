// What introductions adds to matching's 推荐记录 (blueprint matching-1-suggestions) before it is applied: 发起牵线 on each
// suggestion row. Matching knows nothing of introductions; the 找对象 dialog offers the same when the `introductions`
// collection exists (plugin-matching's blueprints/code/find-matches.jsx).
import path from 'path';
import { Application } from '@nocobase/server';
import { callFlowSurfaces, flowModelsUsing } from '@hongniang/plugin-core';

/** The blueprint of 推荐记录, by its file name in plugin-matching's src/blueprints. */
export const SUGGESTIONS_BLUEPRINT = 'matching-1-suggestions';
const START_CODE = path.resolve(__dirname, '../../blueprints/code/start-introduction.js');
/** The first line of the action's code: how the finishing step finds the button among the page's JS actions. */
const START_CODE_FIRST_LINE = '// 发起牵线 / Start an introduction';

/** Adds 发起牵线 to the record actions of 推荐记录's table (key suggestionTable). Mutates the blueprint document. */
export function addStartToSuggestions(document: any) {
  const table = (document.tabs || [])
    .flatMap((tab: any) => tab.blocks || [])
    .find((block: any) => block.key === 'suggestionTable');
  if (!table) throw new Error('the suggestions table (suggestionTable) is not in the 推荐记录 blueprint');
  table.recordActions = [
    ...(table.recordActions || []),
    { key: 'startIntroduction', type: 'js', title: '发起牵线', settings: { version: '1.0.0', codeFile: START_CODE } },
  ];
}

/** Gives 发起牵线 an icon instead of NocoBase's JS glyph (which makes it read "JS 发起牵线"), unless an admin chose one. */
export async function finishStartButtons(app: Application) {
  for (const { uid, model } of await flowModelsUsing(app, ['JSRecordActionModel'])) {
    const code = String(model.stepParams?.clickSettings?.runJs?.code || '');
    if (!code.startsWith(START_CODE_FIRST_LINE)) continue;
    const icon = model.stepParams?.buttonSettings?.general?.icon ?? model.props?.icon;
    if (!icon || icon === 'JavaScriptOutlined')
      await callFlowSurfaces(app, 'configure', { target: { uid }, changes: { icon: 'HeartOutlined' } });
  }
}

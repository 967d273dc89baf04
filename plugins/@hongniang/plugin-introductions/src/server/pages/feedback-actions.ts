import { Application } from '@nocobase/server';
import { flowModelsUsing, patchFlowModel } from '@hongniang/plugin-core';

/** The 反馈 drawer's table on 牵线看板's card (introductions-1-board.json): a date's feedback, through `dates.feedback`. */
const FEEDBACK_TABLE = 'feedbackTable';
const ACTIONS = ['AddNewActionModel', 'EditActionModel', 'ViewActionModel'];
const POPUP_SOURCE = '{{ctx.view.inputArgs.sourceId}}';
const POPUP_RECORD = '{{ctx.view.inputArgs.filterByTk}}';

/**
 * Finishes 牵线看板 once created. Its card's 约会 table lists the introduction's dates, and a date row's 反馈 drawer lists
 * that date's feedback (`dates/<date>/feedback`). flowSurfaces (2.2.15) gives the actions of that inner table (记录反馈,
 * 修改反馈, 查看) the drawer's own `sourceId` as their source, which there is the introduction, not the date: 记录反馈 then
 * posted to `dates/<introduction id>/feedback:create`. The table itself reads the date right (the drawer's record), so
 * its actions are given the same source. Changes nothing on a board where they already point at the record.
 */
export async function finishFeedbackActions(app: Application) {
  const tables = (await flowModelsUsing(app, ['TableBlockModel'])).filter(
    ({ model }) => model.stepParams?.__flowSurfaceMeta?.declaredKey === FEEDBACK_TABLE,
  );
  for (const table of tables) {
    const below = new Set(
      (
        await app.db.getModel('flowModelTreePath').findAll({
          attributes: ['descendant'],
          where: { ancestor: table.uid, depth: [1, 2] },
          raw: true,
        })
      ).map((row: any) => row.descendant),
    );
    for (const { uid, model } of await flowModelsUsing(app, ACTIONS)) {
      const openView = model.stepParams?.popupSettings?.openView;
      if (!below.has(uid) || openView?.associationName !== 'dates.feedback' || openView.sourceId !== POPUP_SOURCE)
        continue;
      const stepParams = {
        ...model.stepParams,
        popupSettings: { ...model.stepParams.popupSettings, openView: { ...openView, sourceId: POPUP_RECORD } },
      };
      await patchFlowModel(app, uid, { stepParams });
    }
  }
}

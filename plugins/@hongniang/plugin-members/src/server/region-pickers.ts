// China-region fields read and pick regions by name wherever they sit. flowSurfaces gives a region field met through an
// association (partnerPreferences.preferredRegions, inside the member forms' 择偶标准 sub-form) a plain text box, on
// which typing 上海 saved nothing, and shows it as text in details; a blueprint's sub-form lists field names only, so
// the binding cannot be asked for there. After the page is created, such fields get NocoBase's own China-region models,
// as choosing them in the field's "Field component" setting would.
import { Application } from '@nocobase/server';
import { flowModelsUsing, flowModelTree, patchFlowModel } from './flow-models';

/** Per wrapper model: the plain binding flowSurfaces chose, NocoBase's China-region model, and the wrapper's title-field step. */
const REBIND: Record<string, { plain: string; use: string; titleStep: [string, string] }> = {
  FormItemModel: { plain: 'InputFieldModel', use: 'ChinaRegionFieldModel', titleStep: ['editItemSettings', 'titleField'] },
  DetailsItemModel: { plain: 'DisplayTextFieldModel', use: 'DisplayChinaRegionFieldModel', titleStep: ['detailItemSettings', 'fieldNames'] },
};

/** The field a dotted path names from a collection (partnerPreferences.preferredRegions from members), or undefined. */
function fieldAt(app: Application, collectionName: string, path: string): any {
  let collection: any = app.db.getCollection(collectionName);
  let field: any;
  for (const name of path.split('.')) {
    field = collection?.getField(name);
    collection = field?.target ? app.db.getCollection(field.target) : undefined;
  }
  return field;
}

/**
 * Rebinds every China-region field met through an association on the pages that flowSurfaces bound as plain text
 * (InputFieldModel) or plain display (DisplayTextFieldModel) to NocoBase's China-region picker and display, titled by
 * region name. Fields an admin bound otherwise are left alone. Resolves when done; touches flow models only.
 */
export async function pickRegionsByName(app: Application) {
  for (const { uid, model: wrapper } of await flowModelsUsing(app, Object.keys(REBIND))) {
    const rebind = REBIND[wrapper.use];
    const init = wrapper.stepParams?.fieldSettings?.init;
    if (!String(init?.fieldPath || '').includes('.')) continue;
    if (fieldAt(app, init.collectionName, init.fieldPath)?.options?.interface !== 'chinaRegion') continue;
    const field = (await flowModelTree(app, uid))?.subModels?.field;
    if (field?.use !== rebind.plain) continue;
    await patchFlowModel(app, field.uid, {
      use: rebind.use,
      props: { ...field.props, titleField: 'name' },
      stepParams: { ...field.stepParams, fieldBinding: { use: rebind.use } },
    });
    const [flow, step] = rebind.titleStep;
    await patchFlowModel(app, uid, { stepParams: { ...wrapper.stepParams, [flow]: { ...wrapper.stepParams?.[flow], [step]: { label: 'name' } } } });
  }
}

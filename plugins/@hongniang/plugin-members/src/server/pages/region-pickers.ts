// China-region fields read and pick regions by name wherever they sit. flowSurfaces gives a region field met through an
// association (partnerPreferences.preferredRegions, inside the member forms' 择偶标准 sub-form) a plain text box, on
// which typing 上海 saved nothing, and shows it as text in details; a blueprint's sub-form lists field names only, so
// the binding cannot be asked for there. After the page is created, such fields get NocoBase's own China-region models,
// as choosing them in the field's "Field component" setting would; a field that holds several places (期望地区) gets
// our several-places picker (src/client), since NocoBase's picks one path only.
import { Application } from '@nocobase/server';
import { flowModelsUsing, flowModelTree, patchFlowModel } from '@hongniang/plugin-core';

/**
 * Per wrapper model: the plain binding flowSurfaces chose, NocoBase's China-region model (one place), ours for a set of
 * places (src/client: RegionSetFieldModel), and the wrapper's title-field step.
 */
const REBIND: Record<string, { plain: string; place: string; set: string; titleStep: [string, string] }> = {
  FormItemModel: {
    plain: 'InputFieldModel',
    place: 'ChinaRegionFieldModel',
    set: 'RegionSetFieldModel',
    titleStep: ['editItemSettings', 'titleField'],
  },
  DetailsItemModel: {
    plain: 'DisplayTextFieldModel',
    place: 'DisplayChinaRegionFieldModel',
    set: 'DisplayRegionSetFieldModel',
    titleStep: ['detailItemSettings', 'fieldNames'],
  },
};

/** China-region fields (collection.field) that hold several places: a member's wish may be 上海 or 深圳. */
export const REGION_SETS = ['partnerPreferences.preferredRegions'];

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
 * Rebinds China-region fields on the pages to pick and show regions by name: those flowSurfaces bound as plain text
 * (InputFieldModel) or plain display (DisplayTextFieldModel), met through an association, get NocoBase's China-region
 * picker and display; fields of REGION_SETS get the several-places picker and display, also where they had NocoBase's
 * one-place models (pages of an agency installed before). Fields an admin bound otherwise are left alone. Resolves when
 * done; touches flow models only.
 */
export async function pickRegionsByName(app: Application) {
  for (const { uid, model: wrapper } of await flowModelsUsing(app, Object.keys(REBIND))) {
    const rebind = REBIND[wrapper.use];
    const init = wrapper.stepParams?.fieldSettings?.init;
    if (!init?.fieldPath) continue;
    const target = fieldAt(app, init.collectionName, init.fieldPath);
    if (target?.options?.interface !== 'chinaRegion') continue;
    const several = REGION_SETS.includes(`${target.collection.name}.${target.name}`);
    const field = (await flowModelTree(app, uid))?.subModels?.field;
    const from = several ? [rebind.plain, rebind.place] : String(init.fieldPath).includes('.') ? [rebind.plain] : [];
    if (!field || !from.includes(field.use)) continue;
    const use = several ? rebind.set : rebind.place;
    await patchFlowModel(app, field.uid, {
      use,
      props: { ...field.props, titleField: 'name' },
      stepParams: { ...field.stepParams, fieldBinding: { use } },
    });
    const [flow, step] = rebind.titleStep;
    await patchFlowModel(app, uid, {
      stepParams: { ...wrapper.stepParams, [flow]: { ...wrapper.stepParams?.[flow], [step]: { label: 'name' } } },
    });
  }
}

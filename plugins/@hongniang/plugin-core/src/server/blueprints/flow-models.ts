// The pages' flow models as stored, for the steps that finish a seeded page or bring an installed agency's pages up to
// date (matching's buttons, the 红娘 pickers, the region pickers): read once, patched the way NocoBase's own
// repository patches them (so its caches follow).
import { Application } from '@nocobase/server';

export interface StoredFlowModel {
  uid: string;
  /** The model's options: use, props, stepParams… (parsed). */
  model: any;
}

/** Every stored flow model whose `use` is one of `uses`, parsed. One query; resolves to [] when there is none. */
export async function flowModelsUsing(app: Application, uses: string[]): Promise<StoredFlowModel[]> {
  const rows: any[] = await app.db.getModel('flowModels').findAll({ attributes: ['uid', 'options'], raw: true });
  return rows
    .map((row) => ({
      uid: row.uid as string,
      model: typeof row.options === 'string' ? JSON.parse(row.options) : row.options,
    }))
    .filter(({ model }) => uses.includes(model?.use));
}

/** Writes `values` (use, props, stepParams…: each replaces the stored one) into the flow model `uid`. */
export async function patchFlowModel(app: Application, uid: string, values: Record<string, unknown>) {
  await (app.db.getRepository('flowModels') as any).patch({ uid, ...values }, {});
}

/** A flow model with its sub-models (a form item with its field), as NocoBase's repository assembles it. */
export async function flowModelTree(app: Application, uid: string): Promise<any> {
  return (app.db.getRepository('flowModels') as any).findModelById(uid);
}

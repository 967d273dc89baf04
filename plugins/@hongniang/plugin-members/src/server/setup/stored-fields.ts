// An installed agency keeps a copy of our field definitions in the collection manager (the `fields` table), and at start
// that copy wins over the code. Changes made to our definitions since are brought into the copy at upgrade, once,
// leaving alone whatever an admin set herself.
import { Application } from '@nocobase/server';
import { RANGES } from '../validation/ranges';

type Options = Record<string, any>;
/** What to change in a field's stored options, or null when they are already right (or an admin's own). */
type Change = (options: Options) => Options | null;

/** A number input with the old built-in min/max clamps silently; the server checks the bounds now (../validation/ranges.ts). */
const withoutClamp =
  (min: number, max: number): Change =>
  (options) => {
    const props = options.uiSchema?.['x-component-props'];
    if (props?.min !== min || props?.max !== max) return null;
    const { min: _min, max: _max, ...rest } = props;
    return { ...options, uiSchema: { ...options.uiSchema, 'x-component-props': rest } };
  };

const CHANGES: { collection: string; field: string; change: Change }[] = [
  // Member numbers given at creation are kept; an admin who switched that off keeps her choice.
  {
    collection: 'members',
    field: 'memberNo',
    change: (options) => (options.inputable === undefined ? { ...options, inputable: true } : null),
  },
  ...Object.entries(RANGES).flatMap(([collection, fields]) =>
    Object.entries(fields).map(([field, { min, max }]) => ({ collection, field, change: withoutClamp(min, max) })),
  ),
];

/** Brings the stored copies of our field definitions up to date, and the loaded fields with them. */
export async function upgradeStoredFields(app: Application) {
  const Fields = app.db.getModel('fields');
  if (!Fields) return;
  for (const { collection, field, change } of CHANGES) {
    const record: any = await Fields.findOne({ where: { collectionName: collection, name: field } });
    const options = record && change(record.get('options') || {});
    if (!options) continue;
    record.set('options', options);
    await record.save();
    await record.load();
  }
}

// A check of the values written to a collection, on every way rows get written: one record (create, update,
// firstOrCreate, association routes), many built at once (Excel imports: bulkCreate) and many updated by a filter.

/** Throws a refusal when a value about to be written is not acceptable. */
export type ValuesCheck = (collection: any, values: Record<string, unknown>, options: any) => void;

/** Registers the check on the collection's save, bulk-create and bulk-update hooks (the last two skip beforeSave). */
export function checkEveryWrite(db: any, collectionName: string, check: ValuesCheck) {
  const collection = () => db.getCollection(collectionName);
  db.on(`${collectionName}.beforeSave`, (model: any, options: any) =>
    check(collection(), writtenValues(model), options),
  );
  db.on(`${collectionName}.beforeBulkCreate`, (models: any[], options: any) =>
    models.forEach((model) => check(collection(), writtenValues(model), options)),
  );
  db.on(`${collectionName}.beforeBulkUpdate`, (options: any) => check(collection(), options.attributes || {}, options));
}

/** What a save writes: every value of a new record, the changed ones of a stored record. */
function writtenValues(model: any): Record<string, unknown> {
  const keys = model.isNewRecord ? Object.keys(model.dataValues) : ((model.changed() || []) as string[]);
  return Object.fromEntries(keys.map((key) => [key, model.get(key)]));
}

import { Application } from '@nocobase/server';
import { collectionTitle, fieldTitle, Language } from '@hongniang/plugin-core';
import { membersLanguage } from '../language/members-language';

/**
 * A refusal to remove what our code relies on: a collection of ours, or one of its fields (`fieldName`). A removal's
 * database hooks may run without the request, so the message is written when NocoBase's error handler answers (400), in
 * the caller's language (src/locale); `message` is the zh-CN text, for logs.
 */
export class KeptByCodeError extends Error {
  status = 400;
  code = 'HONGNIANG_KEPT_BY_CODE';
  logLevel = 'warn';

  constructor(
    readonly collection: any,
    readonly fieldName?: string,
  ) {
    super('');
    this.message = this.describe(membersLanguage(undefined));
  }

  /** The refusal in `language`, naming the field and its collection (or the collection) by their titles. */
  describe(language: Language): string {
    const collection = collectionTitle(this.collection, language);
    if (this.fieldName === undefined)
      return language.t('"{{collection}}" is a built-in collection: Hongniang relies on it, so it cannot be removed.', {
        collection,
      });
    return language.t(
      '"{{field}}" is a built-in field of {{collection}}: Hongniang relies on it, so it cannot be removed. Hide it from forms and tables instead.',
      { field: fieldTitle(this.collection, this.fieldName, language), collection },
    );
  }
}

/** Answers a KeptByCodeError with 400 and the message in the caller's language. */
function answerInCallersLanguage(app: Application) {
  app.pm.get<any>('error-handler')?.errorHandler?.register(
    (error: unknown) => error instanceof KeptByCodeError,
    (error: KeptByCodeError, ctx: any) => {
      ctx.status = 400;
      ctx.body = { errors: [{ code: error.code, message: error.describe(membersLanguage({ context: ctx })) }] };
    },
  );
}

/**
 * Our collections' fields as our code defines them (definitions and other plugins' extensions), by collection name:
 * read once every plugin has loaded and before the collection manager adds the fields an admin created.
 */
function fieldsInCode(app: Application) {
  const ours = new Map<string, Set<string>>();
  app.on('afterLoad', () => {
    ours.clear();
    for (const collection of app.db.collections.values()) {
      if (String(collection.options.origin || '').startsWith('@hongniang/'))
        ours.set(collection.name, new Set(collection.fields.keys()));
    }
  });
  return ours;
}

/**
 * In the collection manager, an admin may remove the fields she added to our collections, and is refused (400, saying why)
 * the fields and collections our code relies on. NocoBase itself refuses every field of a UI-manageable collection with a 500.
 */
export function keepWhatCodeNeeds(app: Application) {
  const ours = fieldsInCode(app);
  const db = app.db;
  answerInCallersLanguage(app);
  letAdminsRemoveTheirFields(app, ours);
  db.prependListener('fields.beforeDestroy', (field: any) => {
    const collection = db.getCollection(field.get('collectionName'));
    if (!ours.get(collection?.name)?.has(field.get('name'))) return;
    throw new KeptByCodeError(collection, field.get('name'));
  });
  db.prependListener('collections.beforeDestroy', (model: any) => {
    const collection = db.getCollection(model.get('name'));
    if (!ours.has(collection?.name)) return;
    throw new KeptByCodeError(collection);
  });
}

/**
 * data-source-main's check on a removed field refuses any field of a UI-manageable collection before its first `await`;
 * for a field an admin added to ours, that check runs with the flag lowered, so its other checks (fields that depend on
 * this one) still apply. The check is wrapped where it stands, so the order of the removal steps is kept.
 */
function letAdminsRemoveTheirFields(app: Application, ours: Map<string, Set<string>>) {
  const db = app.db;
  const event = 'fields.beforeDestroy';
  const listeners = db.rawListeners(event) as ((...args: any[]) => any)[];
  const uiManageableCheck = listeners.find((listener) => String(listener).includes('uiManageable'));
  if (!uiManageableCheck) return;
  const wrapped = function (this: unknown, field: any, options: any) {
    const collection = db.getCollection(field.get('collectionName'));
    const inCode = ours.get(collection?.name);
    if (!inCode || inCode.has(field.get('name')) || !collection.options.uiManageable)
      return uiManageableCheck.call(this, field, options);
    collection.options.uiManageable = false;
    try {
      return uiManageableCheck.call(this, field, options);
    } finally {
      collection.options.uiManageable = true;
    }
  };
  db.removeAllListeners(event);
  for (const listener of listeners) db.on(event, listener === uiManageableCheck ? wrapped : listener);
}

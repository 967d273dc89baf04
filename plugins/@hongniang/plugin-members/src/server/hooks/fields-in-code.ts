import { Application } from '@nocobase/server';
import { collectionTitle, fieldTitle } from '@hongniang/plugin-core';

type Messages = { 'zh-CN': string; 'en-US': string };

/**
 * A refusal to remove what our code relies on. A removal's database hooks do not know the request's language, so the
 * refusal carries both and NocoBase's error handler answers it (400) in the caller's.
 */
export class KeptByCodeError extends Error {
  status = 400;
  code = 'HONGNIANG_KEPT_BY_CODE';
  logLevel = 'warn';

  constructor(readonly messages: Messages) {
    super(messages['zh-CN']);
  }
}

/** Answers a KeptByCodeError with 400 and the message in the caller's language. */
function answerInCallersLanguage(app: Application) {
  app.pm.get<any>('error-handler')?.errorHandler?.register(
    (error: unknown) => error instanceof KeptByCodeError,
    (error: KeptByCodeError, ctx: any) => {
      const locale: string = ctx.getCurrentLocale?.() || ctx.get?.('x-locale') || 'zh-CN';
      ctx.status = 400;
      ctx.body = {
        errors: [
          { code: error.code, message: locale.startsWith('en') ? error.messages['en-US'] : error.messages['zh-CN'] },
        ],
      };
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
    const title = (locale: string) => fieldTitle(collection, field.get('name'), locale);
    const where = (locale: string) => collectionTitle(collection, locale);
    throw new KeptByCodeError({
      'zh-CN': `「${title('zh-CN')}」是红娘内置的${where('zh-CN')}字段，系统的功能依赖它，不能删除；不需要时可以在表单和表格中隐藏它。`,
      'en-US': `"${title('en-US')}" is a built-in field of ${where('en-US')}: Hongniang relies on it, so it cannot be removed. Hide it from forms and tables instead.`,
    });
  });
  db.prependListener('collections.beforeDestroy', (model: any) => {
    const collection = db.getCollection(model.get('name'));
    if (!ours.has(collection?.name)) return;
    throw new KeptByCodeError({
      'zh-CN': `「${collectionTitle(collection, 'zh-CN')}」是红娘内置的数据表，系统的功能依赖它，不能删除。`,
      'en-US': `"${collectionTitle(collection, 'en-US')}" is a built-in collection: Hongniang relies on it, so it cannot be removed.`,
    });
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

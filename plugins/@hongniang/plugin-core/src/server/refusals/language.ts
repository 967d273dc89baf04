// The caller's language, through NocoBase's i18n: each plugin's `locale/<lang>.json` under its package name (the namespace
// its `{{t("English", { ns })}}` titles name), keys being the English sentence with i18next's `{{value}}` placeholders.

/** The namespace of plugin-core's own texts (the separator of listed values). */
const CORE = '@hongniang/plugin-core';

/** Values put into a message's `{{placeholders}}`, as given (never HTML-escaped); `ns` names another plugin's namespace. */
export type MessageValues = { ns?: string } & Record<string, unknown>;

/** The language of one caller, for one plugin's messages. */
export interface Language {
  /** The caller's locale as NocoBase reads it (`zh-CN`, `en-US`…). */
  readonly locale: string;
  /** The text of `key` (an English sentence) in the caller's language, from the plugin's locale file (else `key` itself). */
  t(key: string, values?: MessageValues): string;
  /** Values listed in the caller's language (`a、b` in Chinese, `a, b` in English). */
  list(values: readonly unknown[]): string;
}

type Translate = (key: string, options: Record<string, unknown>) => string;

// The app's i18n (app.i18n), for database operations that come with no request: a script, a workflow, a test's repository call.
let appI18n: { t: Translate } | undefined;

/** Called by plugin-core at load: NocoBase's i18n of the app, which holds every plugin's locale files. */
export function useAppI18n(i18n: { t: Translate }) {
  appI18n = i18n;
}

/** The caller's locale (`zh-CN` when no request is behind the operation): a hook's options, or `{ context: ctx }`. */
export function localeOf(source: { context?: any } | undefined): string {
  const ctx = source?.context;
  return ctx?.getCurrentLocale?.() || ctx?.get?.('x-locale') || 'zh-CN';
}

/**
 * The language of the request behind an action or a database operation, for the messages of namespace `ns` (the plugin's
 * package name). `source` is a database operation's options (NocoBase passes the request as `options.context`) or
 * `{ context: ctx }` in a middleware. With a request, its `ctx.t`; without, the app's i18n in zh-CN.
 */
export function languageOf(source: { context?: any } | undefined, ns: string): Language {
  const ctx = source?.context;
  const locale = localeOf(source);
  const translate: Translate =
    typeof ctx?.t === 'function'
      ? ctx.t
      : (key, options) => (appI18n ? appI18n.t(key, { lng: locale, ...options }) : key);
  const t = (key: string, values: MessageValues = {}) =>
    String(translate(key, { ns, ...values, interpolation: { escapeValue: false } }));
  return { locale, t, list: (values) => values.join(t(', ', { ns: CORE })) };
}

/** A language without a request: the app's i18n in `locale` (a title asked for in a given locale, e.g. by a test). */
const inLocale = (locale: string): Language => languageOf({ context: { getCurrentLocale: () => locale } }, CORE);

const TEMPLATE = /^\{\{\s*t\(\s*"((?:[^"\\]|\\.)*)"\s*(?:,\s*\{\s*ns:\s*"([^"]+)")?/;

/**
 * The title people see for a field, in the caller's language: ours are `{{t("English", { ns })}}` templates, translated
 * through the namespace they name; a title an admin typed in the collection manager is shown as she wrote it; the field's
 * name when it has no title.
 */
export function fieldTitle(collection: any, fieldName: string, language: Language | string): string {
  return (
    titleIn(
      collection?.getField?.(fieldName)?.options?.uiSchema?.title,
      typeof language === 'string' ? inLocale(language) : language,
    ) ?? fieldName
  );
}

/** The title people see for a collection (会员, 择偶标准…) in the caller's language, or its name when it has none. */
export function collectionTitle(collection: any, language: Language | string): string {
  return (
    titleIn(collection?.options?.title, typeof language === 'string' ? inLocale(language) : language) ??
    collection?.name
  );
}

function titleIn(title: string | undefined, language: Language): string | undefined {
  if (!title) return undefined;
  const template = TEMPLATE.exec(title);
  if (!template) return title;
  const english = JSON.parse(`"${template[1]}"`);
  return template[2] ? language.t(english, { ns: template[2] }) : english;
}

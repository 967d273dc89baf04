// Titles and messages in the caller's language. Each plugin of ours registers its locale file (src/locale in development,
// dist/locale once built; NocoBase also serves it to the web client) under its package name, the namespace its
// `{{t("English", { ns })}}` titles name.
const zhCNByNamespace = new Map<string, Record<string, string>>();

/** A Hongniang plugin's zh-CN labels (English → Chinese), so that titles and messages in its namespace translate. */
export function registerTranslations(namespace: string, zhCN: Record<string, string>) {
  zhCNByNamespace.set(namespace, zhCN);
}

export const isEnglish = (locale: string) => locale.startsWith('en');

/** An English label of a plugin's namespace in the given language (the English itself when it has no translation). */
export const translate = (english: string, locale: string, namespace: string) =>
  isEnglish(locale) ? english : zhCNByNamespace.get(namespace)?.[english] ?? english;

const TEMPLATE = /^\{\{\s*t\(\s*"((?:[^"\\]|\\.)*)"\s*(?:,\s*\{\s*ns:\s*"([^"]+)")?/;

/**
 * The title people see for a field: ours are `{{t("English", { ns })}}` templates, translated here;
 * a title an admin typed in the collection manager is shown as she wrote it.
 */
export function fieldTitle(collection: any, fieldName: string, locale: string): string {
  return titleIn(collection?.getField?.(fieldName)?.options?.uiSchema?.title, locale) ?? fieldName;
}

/** The title people see for a collection (会员, 择偶标准…), or its name when it has none. */
export function collectionTitle(collection: any, locale: string): string {
  return titleIn(collection?.options?.title, locale) ?? collection?.name;
}

function titleIn(title: string | undefined, locale: string): string | undefined {
  if (!title) return undefined;
  const template = TEMPLATE.exec(title);
  return template ? translate(JSON.parse(`"${template[1]}"`), locale, template[2]) : title;
}

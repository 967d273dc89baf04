import path from 'path';
import { NAMESPACE } from './field-kinds';

// Each plugin's locale file (src/locale in development, dist/locale once built), also served to the web client by NocoBase.
const zhCNByNamespace = new Map<string, Record<string, string>>([[NAMESPACE, require(path.resolve(__dirname, '../locale/zh-CN.json'))]]);

/** Another Hongniang plugin's zh-CN labels, so that titles in its namespace translate too. */
export function registerTranslations(namespace: string, zhCN: Record<string, string>) {
  zhCNByNamespace.set(namespace, zhCN);
}

export const isEnglish = (locale: string) => locale.startsWith('en');

/** An English label in the given language. */
export const translate = (english: string, locale: string, namespace = NAMESPACE) =>
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

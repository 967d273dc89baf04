import path from 'path';

// The plugin's locale files (src/locale in development, dist/locale once built), also served to the web client by NocoBase.
const zhCN: Record<string, string> = require(path.resolve(__dirname, '../locale/zh-CN.json'));

export const isEnglish = (locale: string) => locale.startsWith('en');

/** An English label in the given language. */
export const translate = (english: string, locale: string) => (isEnglish(locale) ? english : zhCN[english] ?? english);

const TEMPLATE = /^\{\{\s*t\(\s*"((?:[^"\\]|\\.)*)"/;

/**
 * The title people see for a field: ours are `{{t("English", …)}}` templates, translated here;
 * a title an admin typed in the collection manager is shown as she wrote it.
 */
export function fieldTitle(collection: any, fieldName: string, locale: string): string {
  const title: string | undefined = collection?.getField?.(fieldName)?.options?.uiSchema?.title;
  if (!title) return fieldName;
  const template = TEMPLATE.exec(title);
  return template ? translate(JSON.parse(`"${template[1]}"`), locale) : title;
}

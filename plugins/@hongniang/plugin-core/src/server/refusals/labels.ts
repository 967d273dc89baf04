// Titles and option labels as NocoBase's web client translates them: `{{t("English", { ns })}}`, the English sentence as
// the key of the plugin's locale files (src/locale/<lang>.json), zh-CN by default.

/** The label function of one plugin (its package name as namespace): `label('Stage')` → `{{t("Stage", { ns })}}`. */
export const labelsOf =
  (namespace: string) =>
  (english: string): string =>
    `{{t(${JSON.stringify(english)}, { ns: ${JSON.stringify(namespace)} })}}`;

/** A stored option value with its labels in both languages (a select field's options, a vocabulary list). */
export interface Labelled<T extends string = string> {
  value: T;
  zh: string;
  en: string;
}

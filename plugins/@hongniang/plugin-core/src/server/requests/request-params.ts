// Request parameters as NocoBase's client sends them, read the same way by every guard of ours.

/** A parameter that lists names (`fields`, `appends`, `sort`, `filterKeys`), as an array or a comma-separated string. */
export const namesIn = (value: unknown): string[] =>
  [value ?? []]
    .flat()
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter(Boolean);

/** A spreadsheet action's `columns` (export, import, template): in `values` or top-level, a list or that list as JSON. */
export function spreadsheetColumns(params: any): any[] {
  const columns = params?.values?.columns ?? params?.columns;
  if (typeof columns !== 'string') return Array.isArray(columns) ? columns : [];
  try {
    const parsed = JSON.parse(columns);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

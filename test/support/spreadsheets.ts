// Spreadsheets for import tests, built and sent as NocoBase's web client sends them to `<collection>:importXlsx`.
import * as XLSX from 'xlsx';

/** An import column as the web client describes it: the field's path and the header title in the sheet. */
export interface ImportColumn {
  dataIndex: string[];
  defaultTitle: string;
}

/** The columns for [field, header title] pairs, in order. */
export const importColumns = (pairs: [string, string][]): ImportColumn[] =>
  pairs.map(([field, title]) => ({ dataIndex: [field], defaultTitle: title }));

/** An .xlsx file of one sheet with these rows exactly as given (undefined leaves a cell empty), with merges if any. */
export function workbook(rows: unknown[][], merges: XLSX.Range[] = []): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** The rows under a header row made of the columns' titles. */
export const withHeader = (columns: ImportColumn[], rows: unknown[][]) =>
  workbook([columns.map((column) => column.defaultTitle), ...rows]);

/** Posts the file to `<collection>:importXlsx` as an agent (supertest), with the columns and the X-Locale header. */
export const importXlsx = (agent: any, collection: string, file: Buffer, columns: ImportColumn[], locale = 'zh-CN') =>
  agent
    .post(`/${collection}:importXlsx`)
    .set('X-Locale', locale)
    .attach('file', file, `${collection}.xlsx`)
    .field('columns', JSON.stringify(columns));

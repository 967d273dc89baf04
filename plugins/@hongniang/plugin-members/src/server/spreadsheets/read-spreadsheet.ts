// An agency's spreadsheet as the user sees it in Excel: rows keep their Excel numbers, whatever precedes the data.
import * as XLSX from 'xlsx';
import { readDate } from '../validation/dates';

export interface SheetRow {
  /** The row number Excel shows (1 for the first row). */
  row: number;
  cells: unknown[];
}

/**
 * Every row of the first sheet, blank ones included, with raw values as NocoBase's import reads them (numbers stay
 * numbers, date cells are Excel serial numbers).
 */
export function readFirstSheet(file: Buffer): SheetRow[] {
  const book = XLSX.read(file, { type: 'buffer', cellDates: false });
  const sheet = book.Sheets[book.SheetNames[0]];
  if (!sheet?.['!ref']) return [];
  const firstRow = XLSX.utils.decode_range(sheet['!ref']).s.r + 1;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, blankrows: true, raw: true });
  return rows.map((cells, i) => ({ row: firstRow + i, cells }));
}

/** A one-sheet workbook of these rows, as NocoBase's import reads it. */
export function writeSheet(rows: unknown[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A cell's text with spaces around it removed (full-width and no-break spaces too); blank is null. */
export function cellText(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  return text === '' ? null : text;
}

const EXCEL_DAYS = 2958465; // 9999-12-31

/**
 * A date cell as YYYY-MM-DD: Excel date cells (serial numbers, read without a time zone), 19910101, and the written
 * forms of ../dates. What cannot be read is left as it is, for the member checks to refuse with the row and field.
 */
export function dateCell(value: unknown): unknown {
  if (typeof value === 'number') {
    if (/^\d{8}$/.test(String(value))) return readDate(String(value)) ?? value;
    if (value < 1 || value > EXCEL_DAYS) return value;
    const { y, m, d } = XLSX.SSF.parse_date_code(value);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  const text = cellText(value);
  return typeof text === 'string' ? (readDate(text) ?? text) : text;
}

// Before NocoBase's import reads an agency's file: finds the header row as it does, drops blank-looking rows, trims
// values, reads dates, and hands it a clean sheet of header and data rows, remembering each row's number in Excel.
import fs from 'fs/promises';
import { Language, Refusal } from '@hongniang/plugin-core';
import { membersLanguage } from '../language/members-language';
import { startImportRows } from '../spreadsheets/row-problems';
import { SheetRow, cellText, dateCell, readFirstSheet, writeSheet } from '../spreadsheets/read-spreadsheet';

/**
 * NocoBase writes an import in chunks of 1 000 rows, each committed on its own: a bigger file could be half imported
 * when a later row is refused. One chunk keeps every import whole or not at all.
 */
export const MAX_IMPORT_ROWS = 1000;

interface ImportColumn {
  dataIndex: string[];
  title?: string;
  defaultTitle?: string;
}

const columnsOf = (body: any): ImportColumn[] | null => {
  try {
    const columns = typeof body?.columns === 'string' ? JSON.parse(body.columns) : body?.columns;
    return Array.isArray(columns) && columns.every((column) => Array.isArray(column?.dataIndex)) ? columns : null;
  } catch {
    return null;
  }
};

/**
 * A pre-action handler of `members:importXlsx`, and of collections imported like members (after the upload is parsed,
 * before NocoBase's import runs). A file whose headers NocoBase would not find is left to NocoBase, which names the
 * missing ones.
 */
export async function prepareSpreadsheet(ctx: any, next: () => Promise<void>) {
  const columns = columnsOf(ctx.request.body);
  const file = ctx.file;
  if (!columns?.length || !file) return next();
  const sheet = readFirstSheet(file.path ? await fs.readFile(file.path) : file.buffer);
  const titles = columns.map((column) => column.title || column.defaultTitle);
  const header = sheet.find(({ cells }) => titles.every((title) => cells.some((cell) => cellText(cell) === title)));
  if (!header) return next();
  const positions = titles.map((title) => header.cells.findIndex((cell) => cellText(cell) === title));
  const collection = ctx.db.getCollection(ctx.action.resourceName);
  const readers = columns.map((column) =>
    collection.getField(column.dataIndex[0])?.type === 'dateOnly' ? dateCell : cellText,
  );
  const rows = sheet
    .filter(({ row }) => row > header.row)
    .map(({ row, cells }): SheetRow => ({ row, cells: positions.map((at, k) => readers[k](cells[at])) }))
    // Rows that look blank (only spaces, full-width spaces, empty strings) hold no member.
    .filter(({ cells }) => cells.some((cell) => cell !== null));
  if (rows.length > MAX_IMPORT_ROWS)
    throw tooManyRows(rows.length, membersLanguage({ context: ctx }), ctx.action.resourceName === 'members');
  const clean = writeSheet([titles, ...rows.map(({ cells }) => cells)]);
  if (file.path) await fs.writeFile(file.path, clean);
  else file.buffer = clean;
  startImportRows(
    ctx,
    rows.map(({ row }) => row),
  );
  return next();
}

function tooManyRows(count: number, { t }: Language, members: boolean) {
  const message = t(
    members
      ? 'The file has {{rows}} member rows; import at most {{max}} at a time (so that a file is imported whole or not at all); split it into several files'
      : 'The file has {{rows}} rows; import at most {{max}} at a time (so that a file is imported whole or not at all); split it into several files',
    { rows: count, max: MAX_IMPORT_ROWS },
  );
  return new Refusal(message, { field: 'file' });
}

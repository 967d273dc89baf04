// Problems of rows inserted together, reported in one sentence; in an import, rows are numbered as Excel shows them.
import { Language, Refusal } from '@hongniang/plugin-core';

export interface RowProblem {
  row: number;
  error: Refusal;
}

/** An import in progress: the spreadsheet row of each data row handed to NocoBase, and how many were checked already. */
interface ImportRows {
  rows: number[];
  checked: number;
}

const importRowsOf = (options: any): ImportRows | undefined => options?.context?.state?.importRows;

/** Records the spreadsheet row of every data row of an import (see ../middlewares/prepare-spreadsheet.ts). */
export function startImportRows(ctx: any, rows: number[]) {
  ctx.state.importRows = { rows, checked: 0 } satisfies ImportRows;
}

/**
 * Numbers the records of one bulk insert: their spreadsheet rows in an import (NocoBase inserts in chunks, one after
 * the other), else 1, 2, 3…
 */
export function rowNumbering(options: any) {
  const state = importRowsOf(options);
  return (index: number) => (state ? (state.rows[state.checked + index] ?? state.checked + index + 1) : index + 1);
}

/** After a chunk passed its checks: the next chunk starts where it ended. */
export function markRowsChecked(options: any, count: number) {
  const state = importRowsOf(options);
  if (state) state.checked += count;
}

/** The spreadsheet row of NocoBase's own row count (data rows from 1, one more when the template has an explanation). */
export function spreadsheetRow(ctx: any, importerRowIndex: number): number {
  const dataIndex = importerRowIndex - (ctx.request.body?.explain ? 2 : 1);
  return ctx.state.importRows?.rows[dataIndex] ?? importerRowIndex + 1;
}

/** One refusal listing every bad row, in row order. */
export function rowsRefused(problems: RowProblem[], language: Language) {
  const { t } = language;
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const lines = sorted.map(({ row, error }) => t('row {{row}}: {{problem}}', { row, problem: error.message }));
  return new Refusal(
    t('{{rows}} row(s) with errors: {{problems}}', { rows: sorted.length, problems: lines.join(t('; ')) }),
    { field: sorted[0].error.field },
  );
}

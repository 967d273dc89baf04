// A service summary as the member receives it: one self-contained HTML page (no script, no outside resource), laid out
// for A4 paper, in the caller's language. Every value from the database is escaped; texts keep their line breaks.
import { fieldTitle, Language } from '@hongniang/plugin-core';
import { optionLabels } from './summary-texts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `value` as HTML text: every character that could open markup or leave an attribute is an entity. */
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (char) => ENTITIES[char]);

/** The figures printed, in order. */
const FIGURES = ['suggestionsMade', 'introductionsStarted', 'introductionStages', 'datesHeld', 'followUpsDone'];

const STYLE = `
  @page { size: A4; margin: 18mm; }
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #222; margin: 0 auto;
         max-width: 720px; padding: 24px; line-height: 1.6; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  .meta { color: #666; margin-bottom: 20px; }
  h2 { font-size: 16px; border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 24px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #ddd; padding: 6px 10px; text-align: left; vertical-align: top; }
  th { background: #fafafa; width: 40%; font-weight: normal; }
  .text { white-space: pre-wrap; }
  @media print { body { padding: 0; } }
`;

/** The page of `summary` (a plain record with its member, matchmaker and month). */
export function printPage(db: any, summary: any, language: Language): string {
  const collection = db.getCollection('serviceSummaries');
  const title = (field: string) => escapeHtml(fieldTitle(collection, field, language));
  const empty = escapeHtml(language.t('None'));
  const text = (value: unknown) =>
    value == null || String(value).trim() === '' ? empty : `<div class="text">${escapeHtml(value)}</div>`;
  const status = optionLabels(db, 'serviceSummaries', 'status', language).get(summary.status) ?? summary.status;
  const rows = FIGURES.map(
    (field) =>
      `<tr><th>${title(field)}</th><td>${field === 'introductionStages' ? text(summary[field]) : escapeHtml(summary[field] ?? 0)}</td></tr>`,
  ).join('\n');
  const heading = language.t('Monthly service summary');
  const member = summary.member?.name ?? '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${heading} · ${member} · ${summary.month}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(heading)}</h1>
<div class="meta">${escapeHtml(
    language.t('{{member}} · {{month}} · matchmaker {{matchmaker}} · {{status}}', {
      member,
      month: summary.month,
      matchmaker: summary.matchmaker?.nickname ?? '',
      status,
    }),
  )}</div>
<h2>${escapeHtml(language.t('This month'))}</h2>
<table>
${rows}
</table>
<h2>${title('feedback')}</h2>
${text(summary.feedback)}
<h2>${title('plan')}</h2>
${text(summary.plan)}
</body>
</html>
`;
}

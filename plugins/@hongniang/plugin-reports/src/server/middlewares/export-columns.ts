// NocoBase's Excel export reads its column list without checking it: an export request without `columns` (the web client
// always sends them; a script may not) fails with a 500. On the reports' collections it is refused with a 400 instead.
import { Refusal } from '@hongniang/plugin-core';
import { reportsLanguage } from '../language/reports-language';

export function refuseExportsWithoutColumns(collections: string[]) {
  return async function refuseExportWithoutColumns(ctx: any, next: () => Promise<void>) {
    const { resourceName, actionName, params } = ctx.action || {};
    if (actionName === 'export' && collections.includes(resourceName)) {
      let columns = params?.values?.columns ?? params?.columns;
      if (typeof columns === 'string') {
        try {
          columns = JSON.parse(columns);
        } catch {
          columns = null;
        }
      }
      if (!Array.isArray(columns) || !columns.length)
        throw new Refusal(
          reportsLanguage({ context: ctx }).t('An export names the columns to write (columns); none were given'),
          { field: 'columns' },
        );
    }
    await next();
  };
}

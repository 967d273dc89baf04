import { fieldTitle, localeOf, MemberInputError } from '@hongniang/plugin-core';
import { spreadsheetRow } from './row-problems';

/** Resources whose Excel imports get row-numbered, field-named errors in the caller's language. */
const IMPORTED_COLLECTIONS = ['members'];

/**
 * Wraps NocoBase's `importXlsx` for our collections: turns the importer's errors into one sentence per problem naming
 * the row (as Excel numbers it, see import/prepare-spreadsheet.ts) and the field as people see them.
 */
export async function reportImportRows(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName } = ctx.action || {};
  if (actionName !== 'importXlsx' || !IMPORTED_COLLECTIONS.includes(resourceName)) return next();
  try {
    await next();
  } catch (error) {
    throw explainImportError(error, ctx) ?? error;
  }
}

function explainImportError(error: any, ctx: any): MemberInputError | null {
  const locale = localeOf({ context: ctx });
  const cause = error?.name === 'ImportError' ? error.cause : null;
  if (cause instanceof MemberInputError) return cause;
  if (error?.name === 'ImportValidationError' && error.params?.field && error.params?.rowIndex) {
    const { field, rowIndex, message } = error.params;
    const collection = ctx.db.getCollection(ctx.action.resourceName);
    // The importer counts data rows from 1; people read the spreadsheet's own row numbers.
    const row = spreadsheetRow(ctx, rowIndex);
    const options = (collection.getField(field)?.options?.uiSchema?.enum || []).map((option: any) => option.label);
    const value = /^"(.*)" is not a valid option/.exec(message || '')?.[1];
    const title = (lang: string) => fieldTitle(collection, field, lang);
    return new MemberInputError(
      field,
      value !== undefined
        ? {
            'zh-CN': `第 ${row} 行「${title('zh-CN')}」：“${value}”不在可选项中，可选：${options.join('、')}；文件未导入`,
            'en-US': `Row ${row}, ${title('en-US')}: "${value}" is not one of its options (${options.join(', ')}); nothing was imported`,
          }
        : {
            'zh-CN': `第 ${row} 行「${title('zh-CN')}」无法识别：${message}；文件未导入`,
            'en-US': `Row ${row}, ${title('en-US')}: ${message}; nothing was imported`,
          },
      locale,
    );
  }
  return null;
}

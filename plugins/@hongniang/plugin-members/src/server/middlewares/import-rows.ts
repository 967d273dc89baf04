import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { membersLanguage } from '../language/members-language';
import { spreadsheetRow } from '../spreadsheets/row-problems';

/** Resources whose Excel imports get row-numbered, field-named errors in the caller's language. */
const IMPORTED_COLLECTIONS = new Set(['members']);

/** Another plugin's collection whose imports are explained the same way (PluginMembersServer.importLikeMembers). */
export const explainImportsOf = (collectionName: string) => IMPORTED_COLLECTIONS.add(collectionName);

/**
 * Wraps NocoBase's `importXlsx` for our collections: turns the importer's errors into one sentence per problem naming
 * the row (as Excel numbers it, see ./prepare-spreadsheet.ts) and the field as people see them.
 */
export async function reportImportRows(ctx: any, next: () => Promise<void>) {
  const { resourceName, actionName } = ctx.action || {};
  if (actionName !== 'importXlsx' || !IMPORTED_COLLECTIONS.has(resourceName)) return next();
  try {
    await next();
  } catch (error) {
    throw explainImportError(error, ctx) ?? error;
  }
}

function explainImportError(error: any, ctx: any): Refusal | null {
  const language = membersLanguage({ context: ctx });
  const cause = error?.name === 'ImportError' ? error.cause : null;
  if (cause instanceof Refusal) return cause;
  if (error?.name === 'ImportValidationError' && error.params?.field && error.params?.rowIndex) {
    const { field, rowIndex, message } = error.params;
    const collection = ctx.db.getCollection(ctx.action.resourceName);
    // The importer counts data rows from 1; people read the spreadsheet's own row numbers.
    const row = spreadsheetRow(ctx, rowIndex);
    const options = (collection.getField(field)?.options?.uiSchema?.enum || []).map((option: any) => option.label);
    const value = /^"(.*)" is not a valid option/.exec(message || '')?.[1];
    // NocoBase's China-region reader names a place it does not know in English.
    const place = /^china region "(.*)" does not exist/.exec(message || '')?.[1];
    const title = fieldTitle(collection, field, language);
    const values = { row, field: title, value, place, message, options: language.list(options) };
    return new Refusal(
      value !== undefined
        ? language.t(
            'Row {{row}}, {{field}}: "{{value}}" is not one of its options ({{options}}); nothing was imported',
            values,
          )
        : place !== undefined
          ? language.t(
              'Row {{row}}, {{field}}: "{{place}}" is not a place of the China region list; write province, city and district separated by /, such as 广东省/深圳市/南山区; nothing was imported',
              values,
            )
          : language.t('Row {{row}}, {{field}}: {{message}}; nothing was imported', values),
      { field },
    );
  }
  return null;
}

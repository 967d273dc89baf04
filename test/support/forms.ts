// Finding and filling NocoBase form fields in the browser by their labels, as a person reads them.
import { Locator, Page } from 'playwright-core';

/**
 * The form item of a labelled field inside a container (drawer or filter form); the label may carry a required mark. The
 * innermost one: a sub-form's item (期望地区 in 择偶标准) sits inside the sub-form's own item, which holds its label too.
 */
export const item = (scope: Locator, label: string) =>
  scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator('label', { hasText: new RegExp(`^\\s*\\*?\\s*${label}\\s*[:：]?\\s*$`) }) })
    .last();

/** Opens a labelled select and picks the option whose text contains `option`. */
export async function choose(page: Page, scope: Locator, label: string, option: string) {
  await item(scope, label).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The texts of the options a labelled select offers once opened (waits for the first option). */
export async function optionsOf(page: Page, scope: Locator, label: string): Promise<string[]> {
  await item(scope, label).locator('.ant-select').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor({ timeout: 30000 });
  return (await options.allInnerTexts()).map((text) => text.trim());
}

/**
 * Types `value` into a field of an edit form that loads its record: waits until the page's requests have settled (the
 * record's values are set into the form when its request answers, over anything typed before), types, and types again
 * when the form set its loaded values over it after all. On a busy machine the record may answer after the field shows.
 */
export async function fillLoaded(page: Page, input: Locator, value: string) {
  await page.waitForLoadState('networkidle');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await input.fill(value);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    if ((await input.inputValue()) === value) return;
  }
  throw new Error(`the form kept resetting the field to "${await input.inputValue()}" instead of "${value}"`);
}

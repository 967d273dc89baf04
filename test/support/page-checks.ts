/// <reference lib="dom" />
// What a person should never meet on a page of ours: error blocks, "[object Object]", raw JSON, identifiers where words
// belong (field names, option values), English in the zh-CN interface. Read from what is visible, as she sees it.
import { Locator, Page } from 'playwright-core';

/** Interface words that are the same in Chinese usage. */
const ENGLISH_ALLOWED = new Set(['ID', 'VIP', 'Excel']);

/** Text a person reads: visible text nodes, and whether each is interface (labels, buttons…) or data (cells, values). */
interface SeenText {
  text: string;
  data: boolean;
}

/**
 * Waits until the page has stopped loading: no request in flight and no skeleton or spinner left for `quietMs`
 * (800 ms: a popup's blocks ask for their data one after another), within `timeoutMs`.
 */
export async function settle(page: Page, timeoutMs = 90000, quietMs = 800) {
  const inFlight = pendingRequests(page);
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const busy =
      inFlight.size > 0 || (await page.locator('.ant-skeleton:visible, .ant-spin-spinning:visible').count()) > 0;
    if (busy) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince > quietMs) return;
    await page.waitForTimeout(150);
  }
  throw new Error(
    `the page did not settle within ${timeoutMs / 1000} s (${inFlight.size} requests in flight: ${[...inFlight].slice(0, 3).join(', ')})`,
  );
}

const tracked = new WeakMap<Page, Set<string>>();

/** The API requests a page has in flight, tracked from the first call on. */
function pendingRequests(page: Page): Set<string> {
  let inFlight = tracked.get(page);
  if (!inFlight) {
    const requests = new Set<string>();
    inFlight = requests;
    const key = (request: any) => `${request.method()} ${request.url()}#${(request as any)._guid || ''}`;
    page.on('request', (request) => request.url().includes('/api/') && requests.add(key(request)));
    page.on('requestfinished', (request) => requests.delete(key(request)));
    page.on('requestfailed', (request) => requests.delete(key(request)));
    tracked.set(page, requests);
  }
  return inFlight;
}

/** Starts tracking a page's requests (call right after it is created, so that settle() sees every request). */
export const trackRequests = (page: Page) => void pendingRequests(page);

/** The visible text under a root (a drawer, the page), skipping screen-reader helpers and hidden parts. */
async function seenText(root: Locator): Promise<SeenText[]> {
  return root.evaluate((element) => {
    const DATA =
      '.ant-table-tbody, .ant-descriptions-item-content, .ant-form-item-control, .ant-list-item, .ant-card-meta-description';
    const seen: { text: string; data: boolean }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      if (
        parent.closest('[aria-hidden="true"], [role="listbox"], script, style, noscript, .ant-select-dropdown-hidden')
      )
        continue;
      const box = parent.getBoundingClientRect();
      if (
        box.width === 0 ||
        box.height === 0 ||
        !(parent as any).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true })
      )
        continue;
      seen.push({ text, data: !!parent.closest(DATA) });
    }
    for (const input of Array.from(element.querySelectorAll<HTMLElement>('[placeholder]'))) {
      const placeholder = input.getAttribute('placeholder')?.trim();
      if (placeholder && input.getBoundingClientRect().width > 0) seen.push({ text: placeholder, data: false });
    }
    return seen;
  });
}

/** Identifiers that must never reach a person: our collections' field names and option values (from the collection manager). */
export function rawKeysOf(collections: any[], names: string[]): Set<string> {
  const keys = new Set<string>();
  for (const collection of collections.filter((candidate) => names.includes(candidate.name))) {
    for (const field of collection.fields || []) {
      // Field names that are also words of the interface ("id" beside "ID") are left to the checks on English.
      if (/[A-Z]/.test(field.name) || field.name.length > 4) keys.add(field.name);
      for (const option of field.uiSchema?.enum || []) {
        if (typeof option?.value === 'string' && option.value !== option.label && option.value.length > 2)
          keys.add(option.value);
      }
    }
  }
  return keys;
}

/**
 * Everything wrong a person would see under the root: error blocks and toasts, "[object Object]", raw JSON, raw field
 * names or option values, and English words where the zh-CN interface speaks (not in data such as e-mail addresses).
 */
export async function uiProblems(page: Page, root: Locator, rawKeys: Set<string>, where: string): Promise<string[]> {
  const problems: string[] = [];
  const errorBlocks = await root
    .locator(
      '.ant-result-error, .ant-result-404, .ant-result-403, .ant-result-500, .ant-result-warning, .ant-alert-error',
    )
    .filter({ visible: true })
    .allInnerTexts();
  for (const block of errorBlocks) problems.push(`${where}: error block "${block.replace(/\s+/g, ' ').slice(0, 160)}"`);
  const toasts = await page
    .locator('.ant-message-notice, .ant-notification-notice')
    .filter({ visible: true })
    .filter({
      has: page.locator('.anticon-close-circle, .anticon-exclamation-circle, .ant-notification-notice-icon-error'),
    })
    .allInnerTexts();
  for (const toast of toasts) problems.push(`${where}: error toast "${toast.replace(/\s+/g, ' ').slice(0, 160)}"`);
  for (const { text, data } of await seenText(root)) {
    const quoted = `"${text.replace(/\s+/g, ' ').slice(0, 100)}"`;
    if (text.includes('[object Object]')) problems.push(`${where}: "[object Object]" in ${quoted}`);
    else if (/[{[]\s*"[^"]+"\s*:/.test(text)) problems.push(`${where}: raw JSON ${quoted}`);
    else if (/可能已被删除|请删除当前区块/.test(text)) problems.push(`${where}: error text ${quoted}`);
    else {
      const tokens = text.match(/[A-Za-z][A-Za-z0-9_]*/g) || [];
      const raw = tokens.filter((token) => rawKeys.has(token));
      const english = tokens.filter(
        (token) => !rawKeys.has(token) && token.length > 1 && !ENGLISH_ALLOWED.has(token) && !/\d/.test(token),
      );
      if (raw.length) problems.push(`${where}: raw identifier ${raw.join(', ')} in ${quoted}`);
      if (!data && english.length) problems.push(`${where}: English ${english.join(' ')} in ${quoted}`);
    }
  }
  return [...new Set(problems)];
}

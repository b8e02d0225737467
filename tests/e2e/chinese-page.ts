/**
 * Opens a page of the built Chinese edition (`/zh` + the English path, query kept), checks that
 * it says it is Chinese, runs the checks, then requires a clean page log. Shared by the browser
 * tests of the widgets' Chinese words.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { problems, watchPage } from './page-log';

export async function withChinesePage(browser: Browser, origin: string, path: string, check: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = await watchPage(page, origin);
    await page.goto(`${origin}/zh${path}`, { waitUntil: 'load' });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await check(page);
    expect(problems(log)).toEqual([]);
  } finally {
    await context.close();
  }
}

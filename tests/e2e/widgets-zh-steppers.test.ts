/**
 * The teaching widgets of chapters 4, 5 and 6 on a page whose `<html lang>` is zh-CN: each
 * element takes the page's catalogue, so what it draws and says in the browser is Chinese with
 * no English word left, on the built Chinese edition's pages. Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { englishLeftovers, hasChinese } from '../unit/i18n/same-in-both';
import { withChinesePage as openChinese } from './chinese-page';
import { launchChromium } from './browser';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const withChinesePage = (path: string, check: (page: Page) => Promise<void>): Promise<void> => openChinese(browser, origin, path, check);

/** The words a widget's drawing and caption show: text and accessible names. */
async function widgetWords(page: Page, tag: string): Promise<string> {
  return page.locator(tag).evaluate((root) => {
    const parts: string[] = [];
    for (const el of root.querySelectorAll('[data-part="stage"], figcaption')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
      for (const named of [el, ...el.querySelectorAll('[aria-label], [title]')]) {
        parts.push(named.getAttribute('aria-label') ?? '', named.getAttribute('title') ?? '');
      }
    }
    return parts.join('\n');
  });
}

async function expectChinese(page: Page, tag: string, phrase: string): Promise<void> {
  await expect.poll(() => widgetWords(page, tag), { timeout: 30_000 }).toContain(phrase);
  const words = await widgetWords(page, tag);
  expect(hasChinese(words)).toBe(true);
  expect(englishLeftovers(words)).toEqual([]);
}

describe('widgets on a zh-CN page', () => {
  it('pooling-stepper draws and captions in Chinese (chapter 4)', async () => {
    await withChinesePage('/chapters/encoder-stage/?pool.step=7', async (page) => {
      await expectChinese(page, 'pooling-stepper', '有 4 个格子同为 0');
    });
  });

  it('unpooling-stepper and memory-calculator draw and caption in Chinese (chapter 5)', async () => {
    await withChinesePage('/chapters/unpooling/?unpool.step=17', async (page) => {
      await expectChinese(page, 'unpooling-stepper', '再用一个权重之和为 1 的 3 × 3 模糊滤波器填补空缺');
      await page.locator('memory-calculator').scrollIntoViewIfNeeded();
      await expectChinese(page, 'memory-calculator', 'SegNet 的索引按每个窗口 2 位计算，只占 918,240 字节');
      await page.locator('memory-calculator [data-field="height"]').fill('7');
      await expect
        .poll(() => page.locator('memory-calculator [data-part="problem"]').textContent())
        .toBe('高度 7 无法使用：VGG16 要池化五次，所以高度至少为 32 像素。仍显示 360 的结果。');
    });
  });

  it('atrous-explorer draws and captions in Chinese (chapter 6)', async () => {
    await withChinesePage('/chapters/atrous/?atrous.rate=2&atrous.kernel=3', async (page) => {
      await expectChinese(page, 'atrous-explorer', '3 × 3 核，膨胀系数 2：覆盖 5 × 5');
    });
  });
});

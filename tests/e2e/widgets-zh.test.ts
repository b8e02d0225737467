/**
 * The widgets that draw in the browser take their words from the page's language: on the built
 * Chinese edition's pages, the text the widgets draw once hydrated must be Chinese. Run
 * `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withChinesePage } from './chinese-page';
import { launchChromium } from './browser';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const inChinese = (path: string, check: (page: Page) => Promise<void>): Promise<void> => withChinesePage(browser, origin, path, check);

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe('widgets on a zh-CN page', () => {
  it('transposed-conv-stepper draws its panels and captions in Chinese', async () => {
    await inChinese('/chapters/fully-convolutional/', async (page) => {
      await page.locator('transposed-conv-stepper [data-part="stage"] svg').first().waitFor();
      expect(await text(page, 'transposed-conv-stepper [data-part="pattern"]')).toMatch(/^卷积核 3，步长 2：重叠不均匀/);
      expect(await page.locator('transposed-conv-stepper .panel-title').first().textContent()).toBe('输入 (3 × 3)');
      expect(await page.locator('transposed-conv-stepper [data-player="scrub"]').getAttribute('aria-valuetext')).toBe('第 0 步，共 9 步');
    });
  });

  it('translation-demo says the shift in Chinese', async () => {
    await inChinese('/chapters/encoder-stage/', async (page) => {
      await page.locator('translation-demo [data-part="stage"] svg').first().waitFor();
      expect(await text(page, 'translation-demo [data-part="caption"]')).toMatch(/^输入向右平移 1 像素：/);
    });
  });

  it('results-table and boundary-f1-demo draw their tables, scores and status in Chinese', async () => {
    await inChinese('/chapters/why-it-matters/', async (page) => {
      expect(await text(page, 'results-table caption')).toMatch(/^表 1：/);
      // Its frames are fetched when it nears the viewport.
      await page.locator('boundary-f1-demo').scrollIntoViewIfNeeded();
      await page.locator('boundary-f1-demo .bf-scores dt').first().waitFor();
      expect(await text(page, 'boundary-f1-demo .bf-view > .bf-scores dt')).toBe('BF（本帧各类别 F1 的平均值）');
      expect(await text(page, 'boundary-f1-demo .bf-panel-score dt')).toBe('被召回的真实边界像素');
      expect(await text(page, 'boundary-f1-demo [data-part="tol-text"]')).toBe('图像对角线的 0.75%');
      await expect.poll(() => text(page, 'boundary-f1-demo [data-part="status"]')).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('own-image asks for a picture in Chinese', async () => {
    await inChinese('/chapters/train-it-yourself/', async (page) => {
      await page.locator('own-image .own-image-empty').waitFor();
      expect(await text(page, 'own-image .own-image-empty')).toBe('选择一张图片、把图片拖到这里，或者用摄像头拍一张。');
      expect(await text(page, 'own-image [data-part="caption"]')).toMatch(/^你的图片和网络为它给出的标签会显示在这里/);
    });
  });
});

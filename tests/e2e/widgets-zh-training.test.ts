/**
 * Chapter 8 of the Chinese edition in Chromium, on the built site: the training studio and the
 * decoder race train a few real steps on wasm (no WebGL or WebGPU in this browser), and all
 * they show and say meanwhile, worded in the page or in the engine worker, is Chinese with no
 * English word left. Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { englishLeftovers, hasChinese } from '../unit/i18n/same-in-both';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { problems, visit } from './page-log';
import { attr, click, untilPhase, untilStepAtLeast } from './studio-page';

const origin = inject('origin');
const PAGE = '/zh/chapters/train-it-yourself/?studio.batch=1&studio.every=2&studio.epochs=1&race.every=2';
/**
 * What both editions show alike here beyond the shared list (../unit/i18n/same-in-both.ts): a
 * saved run's data set id, and the optimizers' names.
 */
const NAMES = ['synthetic', 'Adam', 'SGD'];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Everything a reader sees or hears of `selector`: its text nodes (not a chart's stylesheet)
 * and the aria-label, title, alt and placeholder attributes under it.
 */
function readerText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((root) => {
    const parts: string[] = [];
    const walk = (n: Node): void => {
      if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
      else if (!['style', 'script', 'code'].includes((n as Element).localName)) n.childNodes.forEach(walk);
    };
    walk(root);
    for (const el of [root, ...root.querySelectorAll('*')]) {
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

async function expectChinese(page: Page, selector: string): Promise<void> {
  const text = await readerText(page, selector);
  expect(hasChinese(text), text).toBe(true);
  expect(englishLeftovers(text, NAMES), text).toEqual([]);
}

describe('chapter 8 on the Chinese edition', () => {
  it('the training studio and the decoder race train on wasm and speak only Chinese', async () => {
    const v = await visit(browser, origin, PAGE, { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      const studio = 'training-studio';
      await page.locator(studio).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${studio}[data-ready="fresh"]`, { timeout: 60_000 });
      expect(await attr(page, 'data-backend')).toBe('wasm');
      await expectChinese(page, studio);
      await click(page, 'start');
      await untilPhase(page, 'running');
      await untilStepAtLeast(page, 2);
      await page.waitForSelector(`${studio}[data-strip-step]`, { timeout: 60_000 });
      await click(page, 'pause');
      await untilPhase(page, 'paused');
      await expect.poll(() => page.locator(`${studio} [data-part="message"]`).innerText(), { timeout: 30_000 }).toMatch(/^已在第 \d+ 步暂停。$/);
      expect(await page.locator(`${studio} [data-part="origin"]`).innerText()).toMatch(/^权重：/);
      await page.locator(`${studio} [data-part="loss"] svg`).first().waitFor();
      await expectChinese(page, studio);

      const race = 'decoder-comparison';
      await page.locator(race).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${race}[data-refreshed="0"]`, { timeout: 90_000 });
      await expectChinese(page, race);
      const run = page.locator(`${race} [data-part="run"]`);
      expect(await run.innerText()).toBe('开始');
      await run.click();
      await expect.poll(async () => Number((await page.locator(race).getAttribute('data-step')) ?? '0'), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
      await page.waitForSelector(`${race}[data-refreshed="2"], ${race}[data-refreshed="4"]`, { timeout: 90_000 });
      await run.click();
      await page.waitForSelector(`${race}[data-state="paused"]`, { timeout: 60_000 });
      await expect.poll(() => page.locator(`${race} [data-part="message"]`).innerText(), { timeout: 30_000 }).toMatch(/^已在第 \d+ 步暂停。$/);
      expect(await page.locator(`${race} [data-part="caption"]`).innerText()).toMatch(/^在相同批次上训练 \d+ 步后的验证集平均交并比：/);
      await expectChinese(page, race);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

/**
 * The home page's first figure in Chromium without WebGL or WebGPU: the precomputed labelled
 * frame shows at once; a click on the status line's run button labels it live (a canvas
 * replaces the picture and the caption says where and how fast), and "Label another street"
 * labels the next demo frame. Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { problems, watchPage, type PageLog } from './page-log';

const origin = inject('origin');
let browser: Browser;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  log = await watchPage(page, origin);
  await page.goto(`${origin}/`, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
});

describe('home figure', () => {
  it('shows the precomputed labelled frame before the network runs', async () => {
    const img = page.locator('home-figure [data-part="picture"] img');
    expect(await img.isVisible()).toBe(true);
    expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('home-figure [data-part="next"]').isVisible()).toBe(false);
  });

  it('labels the frame live once the network runs, then the next frame on a click', async () => {
    await page.locator('home-figure [data-part="status"] [data-action="run"]').click();
    await page.waitForSelector('home-figure[data-live="0"]', { timeout: 90_000 });
    expect(await page.locator('home-figure [data-part="picture"] canvas').count()).toBe(1);
    expect(await page.locator('home-figure [data-part="picture"] img').count()).toBe(0);
    const caption = await page.locator('home-figure [data-part="caption"]').innerText();
    expect(caption).toMatch(/^Labelled just now in your browser \((WebAssembly|plain JavaScript) on the CPU, \d+ ms\): road frame 1 of \d+\. It matches the ground truth on \d+% of the labelled pixels\.$/);
    expect(await page.locator('home-figure [data-part="next"]').getAttribute('aria-disabled')).toBe('false');
    const first = await page.locator('home-figure canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const next = page.locator('home-figure [data-part="next"]');
    await next.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('home-figure[data-live="1"]', { timeout: 60_000 });
    // The button keeps keyboard focus through the run.
    expect(await next.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await page.locator('home-figure [data-part="caption"]').innerText()).toContain('road frame 2 of');
    expect(await page.locator('home-figure canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL())).not.toBe(first);
  });

  it('passes axe and logs no error', async () => {
    const result = await new AxeBuilder({ page }).include('home-figure').analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    expect(problems(log)).toEqual([]);
  });
});

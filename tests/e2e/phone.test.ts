/**
 * Every page on a phone (390 × 844 CSS pixels): nothing scrolls sideways, no chart text renders
 * below 10 px once the widgets have loaded, the chapter navigation leaves most of the first
 * screen to the chapter, and wide tables keep their captions in view. Run `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { problems, visit } from './page-log';
import { builtPages } from './site';

const origin = inject('origin');
const PHONE = { width: 390, height: 844 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Scroll through the page so that every lazily loaded widget draws, then back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += PHONE.height / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

/** SVG text that renders below `min` CSS pixels: its font size times the scale of its screen transform. */
function smallSvgText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const small: string[] = [];
    for (const text of document.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect();
      const m = (text as SVGTextElement).getScreenCTM();
      if (box.width === 0 || !m) continue;
      const px = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      if (px < limit) small.push(`${text.closest('[class]:not(svg):not(g):not(text)')?.localName}: "${text.textContent}" at ${px.toFixed(1)} px`);
    }
    return small;
  }, min);
}

describe.each(builtPages())('page %s at 390 px', (path) => {
  it('does not scroll sideways and draws no chart text below 10 px', async () => {
    const { page, log, close } = await visit(browser, origin, path, { context: { viewport: PHONE } });
    try {
      await scrollThrough(page);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
      expect(await smallSvgText(page, 10)).toEqual([]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the first screen on a phone', () => {
  it('gives the chapter navigation one short band, every chapter still linked by its title', async () => {
    const { page, close } = await visit(browser, origin, '/chapters/architecture/', { context: { viewport: PHONE } });
    try {
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThan(120);
      const nav = page.getByRole('navigation', { name: 'Chapters' });
      await expect(nav.getByRole('link', { name: /SegNet's architecture/ }).getAttribute('aria-current')).resolves.toBe('page');
      expect((await page.locator('h1').boundingBox())!.y).toBeLessThan(220);
    } finally {
      await close();
    }
  });

  it('shows the idea on the home page: a labelled road scene on the first screen, and where to start', async () => {
    const { page, close } = await visit(browser, origin, '/', { context: { viewport: PHONE } });
    try {
      const hero = page.locator('.hero img');
      await expect(hero.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).resolves.toBe(true);
      const box = (await hero.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      expect(box.width).toBeGreaterThan(300);
      await expect(page.getByRole('link', { name: /^Start reading: A label for every pixel/ }).getAttribute('href')).resolves.toBe('/chapters/pixels/');
    } finally {
      await close();
    }
  });

  it('keeps a wide table’s caption inside the visible width of its scrolling box', async () => {
    const { page, close } = await visit(browser, origin, '/', { context: { viewport: PHONE } });
    try {
      const box = await page.locator('main .table-scroll').first().boundingBox();
      const caption = await page.locator('main .table-scroll caption').first().boundingBox();
      expect(caption!.x + caption!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
    } finally {
      await close();
    }
  });
});
